namespace PSC8.Server.Tests.Promise.Partitions;

/// <summary>
/// Negative controls for <see cref="PartitionChecker"/>: a consistent hand-made run passes; a stale spot answer at a
/// cut-off region, a slow or mislabelled refusal, a cut-off region refusing ordinary work, a refused write that was
/// done, a lost acknowledged write and diverging regions are all reported.
/// </summary>
public sealed class PartitionCheckerTests
{
    private const string A = "us-west";
    private const string B = "eu-central";
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(3);

    // Phase 0: nobody cut off; phase 1: faults changing; phase 2: B cut off.
    private static readonly Dictionary<int, IReadOnlyCollection<string>> Phases = new() { [0] = [], [2] = [B] };

    private static readonly PartitionRequest[] Consistent =
    [
        new(B, PartitionOp.OrdinaryInsert, "b-o0", 202, null, Fast, 2, 2),
        new(B, PartitionOp.LocalInsert, "l0", 202, null, Fast, 2, 2),
        new(B, PartitionOp.SpotRead, "seed", 503, 503, Fast, 2, 2),
        new(A, PartitionOp.SpotInsert, "a-s0", 202, null, Fast, 2, 2),
        new(B, PartitionOp.SpotInsert, "b-s0", 202, null, Fast, 0, 0),
        new(B, PartitionOp.SpotInsert, "b-s2", 503, 503, Fast, 0, 2),
        new(B, PartitionOp.SpotInsert, "b-s4", 202, null, Fast, 1, 2),
    ];

    private static string Doc(string key) => JsonSerializer.Serialize(new { _key = key, _rev = "_r" });

    private static PartitionRun Run(IEnumerable<PartitionRequest>? requests = null, string[]? spot = null, string[]? ordinaryInB = null) => new(
        A, B, Phases, (requests ?? Consistent).ToList(),
        new Dictionary<string, IReadOnlyList<string>> { [A] = [Doc("b-o0")], [B] = ordinaryInB ?? [Doc("b-o0")] },
        new Dictionary<string, IReadOnlyList<string>> { [A] = spot ?? [Doc("a-s0"), Doc("b-s0"), Doc("b-s4")], [B] = spot ?? [Doc("a-s0"), Doc("b-s0"), Doc("b-s4")] },
        [Doc("l0")]);

    private static List<string> CheckWith(PartitionRequest extra) => PartitionChecker.Check(Run([.. Consistent, extra]));

    [Fact]
    public void A_consistent_run_passes()
    {
        Assert.Empty(PartitionChecker.Check(Run()));
    }

    [Fact]
    public void A_spot_answer_from_a_cut_off_region_is_reported()
    {
        Assert.Contains("not refused with 503 although cut off", Assert.Single(CheckWith(new(B, PartitionOp.SpotRead, "seed", 200, null, Fast, 2, 2))));
    }

    [Fact]
    public void A_slow_or_mislabelled_refusal_is_reported()
    {
        Assert.Contains("not a fast spot-region refusal", Assert.Single(CheckWith(new(B, PartitionOp.SpotRead, "seed", 503, 503, TimeSpan.FromSeconds(3), 2, 2))));
        Assert.Contains("not a fast spot-region refusal", Assert.Single(CheckWith(new(B, PartitionOp.SpotRead, "seed", 503, 1, Fast, 2, 2))));
        Assert.Contains("not a fast spot-region refusal", Assert.Single(CheckWith(new(B, PartitionOp.OrdinaryRead, "shared-0", 503, 503, Fast, 2, 2))));
    }

    [Fact]
    public void A_cut_off_region_that_does_not_serve_ordinary_work_and_a_reachable_one_that_refuses_spot_work_are_reported()
    {
        Assert.Contains("not served", Assert.Single(CheckWith(new(B, PartitionOp.OrdinaryUpdate, "shared-1", 404, 1202, Fast, 2, 2))));
        Assert.Contains("not served", Assert.Single(CheckWith(new(B, PartitionOp.SpotRead, "seed", 503, 503, Fast, 0, 0))));
        Assert.Contains("neither served nor refused", Assert.Single(CheckWith(new(B, PartitionOp.SpotRead, "seed", 404, 1202, Fast, 0, 2))));
    }

    [Fact]
    public void A_write_refused_with_503_that_was_done_anyway_is_reported()
    {
        var violations = PartitionChecker.Check(Run(spot: [Doc("a-s0"), Doc("b-s0"), Doc("b-s2"), Doc("b-s4")]));
        Assert.Contains("refused with 503 but done anyway", Assert.Single(violations));
    }

    [Fact]
    public void An_acknowledged_write_missing_after_healing_and_diverging_regions_are_reported()
    {
        Assert.Contains("missing from the spot collection", Assert.Single(PartitionChecker.Check(Run(spot: [Doc("a-s0"), Doc("b-s4")]))));
        var violations = PartitionChecker.Check(Run(ordinaryInB: [Doc("b-o0"), Doc("stray")]));
        Assert.Contains("eu-central", Assert.Single(violations));
    }
}
