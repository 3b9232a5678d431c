namespace PSC8.Server.Tests.Promise.Crash;

/// <summary>
/// Promise 3: c8local as a child process on a data folder, written to from every region and killed with SIGKILL at
/// random moments, then restarted on the same folder, several times. Afterwards every acknowledged write is there,
/// no multi-document query is half-applied, and replication — held back by a delay, so each kill leaves a backlog —
/// resumes until every region holds the same.
/// </summary>
public sealed class CrashRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "crash-password";
    private const string Fabric = "crash";
    private const string Global = "orders";
    private const string Spot = "accounts";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "c8local-promise-crash-" + Guid.NewGuid().ToString("N"));
    private readonly PromiseBudget _budget = PromiseBudget.Current;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private Task<C8LocalProcess> StartAsync() =>
        C8LocalProcess.StartAsync(["--data", _data, "--port", "0", "--root-password", Password, "--replication-delay", "300ms"]);

    private static RegionClient Client(C8LocalProcess server, string region, string? token) =>
        new(region, server.UrlOf(region), token is null ? null : "bearer " + token, $"{region}.c8.local");

    private static RegionClient[] Clients(C8LocalProcess server, string token) => Dc.All.Select(region => Client(server, region, token)).ToArray();

    [Fact]
    public async Task Acknowledged_writes_survive_repeated_SIGKILLs_no_query_is_half_applied_and_replication_completes()
    {
        var summary = new ScenarioSummary("Crash and restart: SIGKILL on a c8local child process", Dc.All, _budget);
        summary.Fault("replicationDelay 300ms throughout, so every kill leaves unshipped writes");
        var random = _budget.Random(3);
        var workload = new CrashWorkload(Fabric, [Global, Spot], summary);

        var server = await StartAsync();
        try
        {
            var token = await Client(server, Dc.UsWest, null).LoginAsync("root@c8.local", Password);
            var us = Client(server, Dc.UsWest, token);
            (await us.PostAsync(Paths.Databases, new { name = Fabric, options = new { dcList = string.Join(',', Dc.All), spotDc = Dc.UsWest } })).ShouldBe(201);
            (await us.PostAsync(Paths.Collections(Fabric), new { name = Global })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(Fabric), new { name = Spot, isSpot = true })).ShouldBe(200);

            for (var kill = 1; kill <= _budget.Kills; kill++)
            {
                var writers = workload.RunUntilKilledAsync(Clients(server, token), random);
                var after = TimeSpan.FromMilliseconds(600 + random.Next(1400));
                await Task.Delay(after);
                server.Kill();
                summary.Fault($"SIGKILL #{kill} (pid {server.ProcessId}) after {after.TotalMilliseconds:0} ms of writes");
                await writers;
                await server.DisposeAsync();
                var clock = Stopwatch.StartNew();
                server = await StartAsync();
                summary.Fault($"restarted on the same folder in {clock.ElapsedMilliseconds} ms");
            }

            var regions = Clients(server, token);
            var converged = await Eventually.WaitForAsync(
                () => PromiseApi.DumpEverywhereAsync(regions, Fabric, Global),
                dumps => PromiseApi.Differences(Global, dumps).Count == 0,
                TimeSpan.FromSeconds(60),
                "replication to resume and every region to hold the same");
            var run = workload.Ledger(new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
            {
                [Global] = converged,
                [Spot] = await PromiseApi.DumpEverywhereAsync(regions, Fabric, Spot),
            });
            var (whole, absent) = CrashChecker.SettleLostBatches(run);
            summary.Observe($"after the last restart: {converged.First().Value.Count} ordinary documents in every region; " +
                $"of the batch queries whose answer was lost, {whole} committed and {absent} did not");
            summary.AddViolations(CrashChecker.Check(run));
        }
        finally
        {
            await server.DisposeAsync();
        }

        summary.PrintTo(output);
        Assert.Empty(summary.Violations);
        Assert.True(summary["inserts acknowledged"] > 0 && summary["batches Done"] > 0 && summary["counter replacements acknowledged"] > 0,
            "the writers got acknowledgements of every kind");
    }
}
