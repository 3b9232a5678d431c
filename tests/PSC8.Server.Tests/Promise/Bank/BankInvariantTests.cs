namespace PSC8.Server.Tests.Promise.Bank;

/// <summary>
/// Promise 1, the seeds' bank: "there should never appear to be more or less money in aggregate in the bank than
/// there really is". Accounts in a spot collection, transfers from every region, readers in every region: every read
/// sees exactly the total, nothing goes negative, and the end state is the opening state plus the transfers that
/// happened. The same run on an ordinary collection with a replication delay is the comparison the seeds draw:
/// what it breaks is reported, not failed — but its regions must still converge.
/// </summary>
public sealed class BankInvariantTests(C8HostFixture fx, ITestOutputHelper output) : PromiseScenario(fx)
{
    private const int AccountCount = 12;
    private const long OpeningBalance = 100;

    [Fact]
    public async Task Spot_accounts_always_hold_exactly_the_total_in_every_region()
    {
        var summary = new ScenarioSummary("Bank invariant: spot collection", Dc.All, Budget);
        var (fabric, accounts, journal) = await CreateBankAsync(new { isSpot = true });
        var opening = await BankWorkload.OpenAccountsAsync(Fx.Api(), fabric, accounts, AccountCount, OpeningBalance);
        await Fx.Api().SetFaultsAsync(new { linkLatency = "2ms" });
        summary.Fault("linkLatency 2ms on requests forwarded to the spot region us-west");

        var workload = new BankWorkload(Regions, fabric, accounts, journal, summary);
        await workload.RunAsync(opening.Keys.ToArray(), Budget.Load, Budget.Random(1));
        var verdict = BankChecker.Check(await workload.CollectAsync(opening));

        summary.AddViolations(verdict.All);
        summary.PrintTo(output);
        Assert.Empty(summary.Violations);
        Assert.True(summary["transfers Done"] > 0 && summary["total reads"] > 0 && summary["account reads"] > 0, "the run moved money and read it");
    }

    [Fact]
    public async Task Ordinary_accounts_with_a_replication_delay_show_wrong_totals_for_a_while_and_still_converge()
    {
        var summary = new ScenarioSummary("Bank comparison: ordinary collection, replication delay 300ms", Dc.All, Budget);
        var (fabric, accounts, journal) = await CreateBankAsync(null);
        var opening = await BankWorkload.OpenAccountsAsync(Fx.Api(), fabric, accounts, AccountCount, OpeningBalance);
        await Fx.DrainAsync();
        await Fx.Api().SetFaultsAsync(new { replicationDelay = "300ms" });
        summary.Fault("replicationDelay 300ms");

        var workload = new BankWorkload(Regions, fabric, accounts, journal, summary, replicationConflicts: true);
        await workload.RunAsync(opening.Keys.ToArray(), Budget.Load, Budget.Random(11));
        await Fx.Api().SetFaultsAsync(new { replicationDelay = "0ms" });
        summary.Fault("replicationDelay 0ms, then wait for replication to drain");
        await Fx.DrainAsync();
        var run = await workload.CollectAsync(opening);
        var verdict = BankChecker.Check(run);

        var totals = run.Reads.Where(r => r.Account is null).ToList();
        foreach (var region in Dc.All)
        {
            var seen = totals.Where(r => r.Region == region).Select(r => r.Value).ToList();
            summary.Observe($"{region}: {seen.Count(v => v != run.Total)} of {seen.Count} total reads were wrong" +
                (seen.Count > 0 ? $" (from {seen.Min()} to {seen.Max()}; the bank holds {run.Total})" : ""));
        }
        summary.Observe($"after convergence: {verdict.FinalMismatches.Count} final-state and {verdict.LedgerMismatches.Count} ledger mismatches " +
            "(concurrent transfers in different regions overwrite each other: last writer wins)");
        foreach (var broken in verdict.FinalMismatches.Concat(verdict.LedgerMismatches).Concat(verdict.NegativeBalances).Take(5))
        {
            summary.Observe("  " + broken);
        }
        summary.AddViolations(verdict.Divergence);
        summary.PrintTo(output);
        Assert.Empty(summary.Violations);
        Assert.True(summary["transfers Done"] > 0 && totals.Count > 0, "the run moved money and read it");
    }

    private async Task<(string Fabric, string Accounts, string Journal)> CreateBankAsync(object? properties)
    {
        var fabric = await Fx.CreateFabricAsync();
        return (fabric, await Fx.CreateCollectionAsync(fabric, properties), await Fx.CreateCollectionAsync(fabric, properties));
    }
}
