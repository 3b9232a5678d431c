using PSC8.Engine;

namespace PSC8.Module.Tests.Engine;

public sealed class AsyncBridgeTests
{
    [Fact]
    public void Log_lines_from_background_threads_reach_the_sink_on_the_waiting_thread()
    {
        var pipelineThread = Environment.CurrentManagedThreadId;
        var seen = new List<(string Line, int Thread)>();
        using var bridge = new AsyncBridge(line => seen.Add((line, Environment.CurrentManagedThreadId)));

        var result = bridge.Run(async token =>
        {
            await Task.Yield();
            await Task.Run(() => C8LogScope.Write("from a pool thread"), token);
            await Task.Delay(20, token);
            C8LogScope.Write("after a delay");
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal(new[] { "from a pool thread", "after a delay" }, seen.Select(s => s.Line));
        Assert.All(seen, s => Assert.Equal(pipelineThread, s.Thread));
    }

    [Fact]
    public void Lines_go_to_the_bridge_whose_call_produced_them()
    {
        var first = new List<string>();
        var second = new List<string>();
        using var a = new AsyncBridge(first.Add);
        using var b = new AsyncBridge(second.Add);

        a.Run(async _ => { await Task.Yield(); C8LogScope.Write("a"); });
        b.Run(async _ => { await Task.Yield(); C8LogScope.Write("b"); });
        C8LogScope.Write("outside any call");

        Assert.Equal(new[] { "a" }, first);
        Assert.Equal(new[] { "b" }, second);
    }

    [Fact]
    public async Task Cancel_from_another_thread_stops_the_work_in_flight()
    {
        using var bridge = new AsyncBridge(_ => { });
        var started = new ManualResetEventSlim();
        var stopper = Task.Run(() =>
        {
            started.Wait();
            bridge.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => bridge.Run(async token =>
        {
            started.Set();
            await Task.Delay(TimeSpan.FromMinutes(5), token);
        }));
        await stopper;
        Assert.True(bridge.IsCancelled);
    }

    [Fact]
    public void A_cancelled_bridge_starts_no_further_work()
    {
        using var bridge = new AsyncBridge(_ => { });
        bridge.Cancel();
        var started = false;

        Assert.ThrowsAny<OperationCanceledException>(() => bridge.Run(_ =>
        {
            started = true;
            return Task.CompletedTask;
        }));
        Assert.False(started);
    }

    [Fact]
    public void Failures_surface_as_the_original_exception()
    {
        using var bridge = new AsyncBridge(_ => { });
        var ex = Assert.Throws<InvalidOperationException>(() => bridge.Run<int>(async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public void Cancel_after_dispose_is_harmless()
    {
        // Ctrl+C can arrive after the cmdlet finished and disposed its bridge; that must not throw.
        var bridge = new AsyncBridge(_ => { });
        bridge.Dispose();

        var thrown = Record.Exception(bridge.Cancel);

        Assert.Null(thrown);
        Assert.False(bridge.IsCancelled);
    }
}
