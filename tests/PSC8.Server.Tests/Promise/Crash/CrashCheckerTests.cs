namespace PSC8.Server.Tests.Promise.Crash;

/// <summary>
/// Negative controls for <see cref="CrashChecker"/>: a consistent hand-made run passes, and a half-applied batch, a
/// lost or rewritten acknowledged insert, a counter gone back, a phantom batch and diverging regions are all reported.
/// </summary>
public sealed class CrashCheckerTests
{
    private const string C = "orders";
    private static readonly string[] Regions = ["us-west", "eu-central"];

    private static string Doc(object document) => JsonSerializer.Serialize(document);

    private static IEnumerable<string> Batch(string batch, int count) =>
        Enumerable.Range(1, count).Select(i => Doc(new { _key = $"{batch}-{i}", _rev = "_r", batch, i }));

    // b1 acknowledged; b2 and b3 lost their answer (b2 committed, b3 did not); b4 was refused.
    private static readonly BatchAttempt[] Batches =
    [
        new(C, "b1", 3, "us-west", Outcome.Done),
        new(C, "b2", 3, "eu-central", Outcome.Unknown),
        new(C, "b3", 3, "eu-central", Outcome.Unknown),
        new(C, "b4", 3, "us-west", Outcome.Refused),
    ];

    private static readonly string[] Consistent =
    [
        .. Batch("b1", 3), .. Batch("b2", 3),
        Doc(new { _key = "counter-w0", _rev = "_c", seq = 7 }),
        Doc(new { _key = "i1", _rev = "_a" }),
    ];

    private static CrashRun Run(IReadOnlyList<string>? first = null, IReadOnlyList<string>? second = null) => new(
        [new AckedInsert(C, "i1", "us-west", "_a")],
        Batches,
        [new CounterHistory(C, "counter-w0", LastAcked: 6, LastSent: 7)],
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            [C] = new Dictionary<string, IReadOnlyList<string>> { [Regions[0]] = first ?? Consistent, [Regions[1]] = second ?? first ?? Consistent },
        });

    private static string[] Without(string key) => Consistent.Where(d => !d.Contains($"\"{key}\"", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_consistent_run_passes_and_lost_batches_settle_whole_or_absent()
    {
        Assert.Empty(CrashChecker.Check(Run()));
        Assert.Equal((1, 1), CrashChecker.SettleLostBatches(Run()));
    }

    [Fact]
    public void A_half_applied_batch_is_reported_whatever_its_answer_was()
    {
        var halfLost = CrashChecker.Check(Run([.. Without("b2-3")]));
        Assert.Contains(halfLost, v => v.Contains("batch b2 (Unknown through eu-central) has 2 of its 3", StringComparison.Ordinal));
        var halfAcknowledged = CrashChecker.Check(Run([.. Without("b1-1")]));
        Assert.Contains(halfAcknowledged, v => v.Contains("batch b1 (Done through us-west) has 2 of its 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_batch_that_is_there_and_one_never_sent_are_reported()
    {
        var violations = CrashChecker.Check(Run([.. Consistent, .. Batch("b4", 3), .. Batch("b9", 1)]));
        Assert.Contains(violations, v => v.Contains("batch b4 (Refused", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("batch b9 has 1 documents", StringComparison.Ordinal) && v.Contains("never sent", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledged_insert_that_is_missing_or_has_another_revision_is_reported()
    {
        Assert.Contains(CrashChecker.Check(Run(Without("i1"))), v => v.Contains("i1, acknowledged through us-west as _a, is missing", StringComparison.Ordinal));
        var rewritten = Without("i1").Append(Doc(new { _key = "i1", _rev = "_b" })).ToArray();
        Assert.Contains(CrashChecker.Check(Run(rewritten)), v => v.Contains("is _b in", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counter_below_its_last_acknowledged_value_or_above_its_last_sent_is_reported()
    {
        string[] WithSeq(long seq) => Without("counter-w0").Append(Doc(new { _key = "counter-w0", _rev = "_c", seq })).ToArray();
        Assert.Empty(CrashChecker.Check(Run(WithSeq(6))));
        Assert.Contains(CrashChecker.Check(Run(WithSeq(5))), v => v.Contains("holds seq 5", StringComparison.Ordinal));
        Assert.Contains(CrashChecker.Check(Run(WithSeq(8))), v => v.Contains("holds seq 8", StringComparison.Ordinal));
        Assert.Contains(CrashChecker.Check(Run(Without("counter-w0"))), v => v.Contains("holds seq nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void Regions_that_do_not_hold_the_same_are_reported()
    {
        var violations = CrashChecker.Check(Run(Consistent, Without("b2-1")));
        Assert.Contains(violations, v => v.Contains("eu-central", StringComparison.Ordinal) && v.Contains("differs", StringComparison.Ordinal));
    }
}
