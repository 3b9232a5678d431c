namespace PSC8.Server.Tests.Promise.Linearizability;

/// <summary>
/// Promise 2: reads, writes and compare-and-sets on spot-collection documents, by clients in every region at once,
/// form a linearizable history — one global order that respects real time. The negative control runs the same
/// workload on an ordinary collection with a replication delay, whose remote reads are stale by design: the same
/// checker must reject that history, so a pass above means something.
/// </summary>
public sealed class LinearizabilityTests(C8HostFixture fx, ITestOutputHelper output) : PromiseScenario(fx)
{
    private const int KeysPerEpisode = 3;

    [Fact]
    public async Task Spot_documents_used_from_every_region_have_a_linearizable_history()
    {
        var summary = new ScenarioSummary("Linearizability: spot collection", Dc.All, Budget);
        var fabric = await Fx.CreateFabricAsync();
        var spot = await Fx.CreateCollectionAsync(fabric, new { isSpot = true });
        // Forwarded requests pay a small delay each way, so requests from different regions really overlap.
        await Fx.Api().SetFaultsAsync(new { linkLatency = "1ms" });
        summary.Fault("linkLatency 1ms on requests forwarded to the spot region us-west");

        var workload = new RegisterWorkload(Regions, fabric, spot, summary);
        var random = Budget.Random(2);
        for (var episode = 0; episode < Budget.Episodes; episode++)
        {
            var keys = await CreateRegistersAsync(fabric, spot, episode);
            var history = await workload.RunAsync(keys, Budget.Episode, random);
            Check(summary, history, episode);
        }

        summary.PrintTo(output);
        Assert.Empty(summary.Violations);
        Assert.True(summary["reads"] > 0 && summary["compare-and-sets Done"] > 0 && summary["compare-and-sets Refused"] > 0,
            "the history exercised reads and both outcomes of compare-and-set");
    }

    [Fact]
    public async Task Negative_control_remote_reads_of_an_ordinary_collection_with_a_replication_delay_are_caught()
    {
        var summary = new ScenarioSummary("Linearizability negative control: ordinary collection, replication delay 1s", Dc.All, Budget);
        var fabric = await Fx.CreateFabricAsync();
        var global = await Fx.CreateCollectionAsync(fabric);
        var keys = await CreateRegistersAsync(fabric, global, episode: 0);
        await Fx.DrainAsync();
        await Fx.Api().SetFaultsAsync(new { replicationDelay = "1s" });
        summary.Fault("replicationDelay 1s");

        var history = await new RegisterWorkload(Regions, fabric, global, summary).RunAsync(keys, Budget.Episode, Budget.Random(3));
        var report = Check(summary, history, episode: 0);

        summary.PrintTo(output);
        Assert.Equal(Verdict.NotLinearizable, report.Verdict);
    }

    private async Task<string[]> CreateRegistersAsync(string fabric, string collection, int episode)
    {
        var keys = Enumerable.Range(0, KeysPerEpisode).Select(i => $"e{episode}-r{i}").ToArray();
        (await Fx.Api().PostAsync(Paths.Documents(fabric, collection), keys.Select(k => new { _key = k, value = 0 }).ToArray())).ShouldBe(202);
        return keys;
    }

    private static LinearizabilityReport Check(ScenarioSummary summary, RegisterHistory history, int episode)
    {
        var clock = Stopwatch.StartNew();
        var report = LinearizabilityChecker.Check(history.Operations, initialValue: 0);
        summary.Observe($"episode {episode}: {history.Operations.Count} operations on {report.Keys.Count} keys, " +
            $"{report.Verdict} ({report.Keys.Sum(k => k.Steps)} search steps, {clock.ElapsedMilliseconds} ms)");
        summary.AddViolations(report.Describe().Select(d => $"episode {episode}: {d}"));
        return report;
    }
}
