namespace PSC8.Server.Tests.Promise.Bank;

/// <summary>
/// Negative controls for <see cref="BankChecker"/>: a consistent hand-made run passes, and each way of breaking the
/// promise — a wrong total, an overdraft, diverging regions, a half-applied or phantom transfer, money created — is
/// reported in its category.
/// </summary>
public sealed class BankCheckerTests
{
    private static readonly string[] Regions = ["us-west", "eu-central"];

    private static readonly Dictionary<string, long> Opening = new(StringComparer.Ordinal) { ["a"] = 100, ["b"] = 100 };

    // t3 lost its answer but happened (journaled); t4 lost its answer and did not.
    private static readonly Transfer[] Ledger =
    [
        new("t1", "a", "b", 30, "us-west", Outcome.Done),
        new("t2", "b", "a", 500, "eu-central", Outcome.Refused),
        new("t3", "a", "b", 10, "eu-central", Outcome.Unknown),
        new("t4", "a", "b", 5, "us-west", Outcome.Unknown),
    ];

    private static string Account(string key, long balance) => JsonSerializer.Serialize(new { _key = key, balance });

    private static string Leg(string transfer, string account, long delta) =>
        JsonSerializer.Serialize(new { _key = $"{transfer}-{account}", transfer, account, delta });

    private static readonly string[] FinalAccounts = [Account("a", 60), Account("b", 140)];

    private static readonly string[] FinalJournal = [Leg("t1", "a", -30), Leg("t1", "b", 30), Leg("t3", "a", -10), Leg("t3", "b", 10)];

    private static BankRun Run(
        IEnumerable<BalanceRead>? extraReads = null, IReadOnlyList<string>? accounts = null, IReadOnlyList<string>? journal = null,
        IReadOnlyList<string>? secondRegionAccounts = null, IEnumerable<Transfer>? ledger = null)
    {
        var reads = Regions.SelectMany(r => new[] { new BalanceRead(r, null, 200), new BalanceRead(r, "a", 70) }).Concat(extraReads ?? []).ToList();
        return new BankRun(
            Opening,
            (ledger ?? Ledger).ToList(),
            reads,
            new Dictionary<string, IReadOnlyList<string>> { [Regions[0]] = accounts ?? FinalAccounts, [Regions[1]] = secondRegionAccounts ?? accounts ?? FinalAccounts },
            Regions.ToDictionary(r => r, _ => journal ?? FinalJournal));
    }

    [Fact]
    public void A_consistent_run_passes_and_settles_the_unanswered_transfers_from_the_journal()
    {
        Assert.Empty(BankChecker.Check(Run()).All);
    }

    [Fact]
    public void A_read_of_a_wrong_total_is_reported()
    {
        var verdict = BankChecker.Check(Run(extraReads: [new BalanceRead("eu-central", null, 230)]));
        Assert.Contains("230", Assert.Single(verdict.WrongTotals));
        Assert.Single(verdict.All);
    }

    [Fact]
    public void A_negative_balance_read_or_final_is_reported()
    {
        Assert.Single(BankChecker.Check(Run(extraReads: [new BalanceRead("us-west", "b", -5)])).NegativeBalances);
        var overdrawn = BankChecker.Check(Run(
            accounts: [Account("a", -10), Account("b", 210)],
            journal: [Leg("t1", "a", -110), Leg("t1", "b", 110)],
            ledger: [new Transfer("t1", "a", "b", 110, "us-west", Outcome.Done)]));
        Assert.Contains(overdrawn.NegativeBalances, v => v.Contains("ended at -10", StringComparison.Ordinal));
    }

    [Fact]
    public void Regions_that_end_with_different_accounts_are_reported()
    {
        var verdict = BankChecker.Check(Run(secondRegionAccounts: [Account("a", 70), Account("b", 130)]));
        Assert.Contains("eu-central", Assert.Single(verdict.Divergence));
    }

    [Fact]
    public void A_half_applied_transfer_is_reported()
    {
        var verdict = BankChecker.Check(Run(accounts: [Account("a", 60), Account("b", 110)], journal: [Leg("t1", "a", -30), Leg("t3", "a", -10), Leg("t3", "b", 10)]));
        Assert.Contains(verdict.LedgerMismatches, v => v.StartsWith("t1", StringComparison.Ordinal) && v.Contains("-30 on a", StringComparison.Ordinal));
        Assert.NotEmpty(verdict.FinalMismatches);
    }

    [Fact]
    public void An_acknowledged_transfer_that_is_missing_is_reported()
    {
        var verdict = BankChecker.Check(Run(accounts: [Account("a", 90), Account("b", 110)], journal: [Leg("t3", "a", -10), Leg("t3", "b", 10)]));
        Assert.Contains(verdict.LedgerMismatches, v => v.Contains("t1 was acknowledged", StringComparison.Ordinal));
        Assert.Contains(verdict.FinalMismatches, v => v.Contains("a ended at 90", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_transfer_that_happened_anyway_and_one_nobody_sent_are_reported()
    {
        var verdict = BankChecker.Check(Run(journal: [.. FinalJournal, Leg("t2", "b", -500), Leg("t2", "a", 500), Leg("t9", "a", -1), Leg("t9", "b", 1)]));
        Assert.Contains(verdict.LedgerMismatches, v => v.Contains("t2 was refused", StringComparison.Ordinal));
        Assert.Contains(verdict.LedgerMismatches, v => v.Contains("t9 is in the journal but was never sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Money_created_at_the_end_is_reported()
    {
        var verdict = BankChecker.Check(Run(accounts: [Account("a", 60), Account("b", 150)]));
        Assert.Contains(verdict.FinalMismatches, v => v.Contains("b ended at 150", StringComparison.Ordinal));
        Assert.Contains(verdict.FinalMismatches, v => v.Contains("hold 210", StringComparison.Ordinal));
    }
}
