using System.Collections.Concurrent;

namespace PSC8.Engine;

/// <summary>
/// The one place where a cmdlet waits for asynchronous client calls. The pipeline thread blocks in
/// <see cref="Run{T}"/>; meanwhile log lines produced on background threads are queued and handed to the
/// pipeline thread's sink, so nothing but the pipeline thread ever writes to PowerShell's streams.
/// One bridge per cmdlet invocation: <see cref="Cancel"/> (from StopProcessing) cancels the request in flight.
/// </summary>
internal sealed class AsyncBridge : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ConcurrentQueue<(bool Detail, string Line)> _lines = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Action<string> _sink;
    private readonly Action<string>? _detail;

    /// <param name="sink">Receives log lines on the thread that calls <see cref="Run{T}"/>.</param>
    /// <param name="detail">Receives the detail of requests and answers there (-Debug), when given.</param>
    /// <param name="wantsNotes">Whether <paramref name="sink"/> shows lines anywhere (Verbose or Debug is on).</param>
    public AsyncBridge(Action<string> sink, Action<string>? detail = null, bool wantsNotes = true)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _detail = detail;
        WantsNotes = wantsNotes;
    }

    /// <summary>Whether the invocation shows log lines, so that requests need not build theirs otherwise.</summary>
    public bool WantsNotes { get; }

    /// <summary>Whether the invocation wants the detail of each request and answer.</summary>
    public bool WantsDetail => _detail is not null;

    public CancellationToken Token => _cancellation.Token;

    public bool IsCancelled => _cancellation.IsCancellationRequested;

    /// <summary>Queues a line from any thread; it is written by the thread waiting in <see cref="Run{T}"/>.</summary>
    public void Post(string line) => Enqueue(false, line);

    /// <summary>Queues a detail line (see <see cref="WantsDetail"/>) from any thread.</summary>
    public void PostDetail(string line)
    {
        if (_detail is not null)
        {
            Enqueue(true, line);
        }
    }

    /// <summary>Starts <paramref name="work"/> and waits for it, passing queued log lines to the sink as they arrive.</summary>
    /// <exception cref="OperationCanceledException">The bridge was cancelled.</exception>
    public T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        var task = Start(work);
        if (!task.IsCompleted)
        {
            task.ContinueWith(_ => _wake.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _wake.Wait();
                Drain();
            }
        }

        Drain();
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Starts <paramref name="work"/> without waiting for it, so the pipeline thread can prepare the next request
    /// meanwhile; <see cref="Run{T}"/> with the returned task waits for it later and passes on what it logged.
    /// </summary>
    /// <exception cref="OperationCanceledException">The bridge was cancelled.</exception>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        Token.ThrowIfCancellationRequested();
        using (C8LogScope.Enter(this))
        {
            return work(Token);
        }
    }

    /// <summary>As <see cref="Run{T}"/> for work without a result.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        Run<bool>(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Cancels the work in flight and any later <see cref="Run{T}"/>; safe from any thread, at any time.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The invocation already ended; there is nothing left to cancel.
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        _wake.Dispose();
    }

    private void Enqueue(bool detail, string line)
    {
        _lines.Enqueue((detail, line));
        _wake.Release();
    }

    private void Drain()
    {
        while (_lines.TryDequeue(out var entry))
        {
            (entry.Detail ? _detail! : _sink)(entry.Line);
        }
    }
}
