namespace PSC8.Server.Tests.Promise.Partitions;

public enum PartitionOp
{
    OrdinaryInsert,
    OrdinaryUpdate,
    OrdinaryRead,
    LocalInsert,
    SpotInsert,
    SpotRead,
}

/// <summary>
/// One request of a partition run: where it was sent, what it did, how it was answered and how long that took, and
/// the fault phase when it started and when it ended (phases change only while no request can tell which applies).
/// </summary>
public sealed record PartitionRequest(string Region, PartitionOp Op, string Key, int Status, long? ErrorNum, TimeSpan Elapsed, int PhaseAtStart, int PhaseAtEnd)
{
    public bool IsSpot => Op is PartitionOp.SpotInsert or PartitionOp.SpotRead;

    public bool Succeeded => Status is >= 200 and < 300;

    public override string ToString() => $"{Op} {Key} through {Region} -> {Status} in {Elapsed.TotalMilliseconds:0} ms (phase {PhaseAtStart}..{PhaseAtEnd})";
}

/// <summary>
/// A partition run: the spot region, the region of the local collection, the regions cut off in each stable phase,
/// every request, and after healing the dumps of the ordinary and spot collections through every region and of the
/// local collection through its region.
/// </summary>
public sealed record PartitionRun(
    string SpotRegion,
    string LocalRegion,
    IReadOnlyDictionary<int, IReadOnlyCollection<string>> StablePhases,
    IReadOnlyList<PartitionRequest> Requests,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Ordinary,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Spot,
    IReadOnlyList<string> Local);

/// <summary>
/// Checks a partition run. Ordinary and local requests are served in every phase, also by a cut-off region. A spot
/// request through a region that cannot reach the spot region is refused with 503 (errorNum 503), never answered from
/// elsewhere, and fast; every other spot request is served. A request whose phase changed while it ran may go either
/// way, but a 503 always means "not done". After healing every region holds the same, with every acknowledged write.
/// </summary>
public static class PartitionChecker
{
    public static readonly TimeSpan FastFailBound = TimeSpan.FromSeconds(2);

    public static List<string> Check(PartitionRun run)
    {
        var violations = new List<string>();
        foreach (var request in run.Requests)
        {
            if (request.Status == 503 && (!request.IsSpot || request.ErrorNum != 503 || request.Elapsed > FastFailBound))
            {
                violations.Add($"not a fast spot-region refusal: {request}");
                continue;
            }
            var problem = Expected(run, request) switch
            {
                true when request.Status != 503 => "not refused with 503 although cut off from the spot region",
                false when !request.Succeeded => "not served",
                null when !request.Succeeded && request.Status != 503 => "neither served nor refused with 503",
                _ => null,
            };
            if (problem is not null)
            {
                violations.Add($"{problem}: {request}");
            }
        }

        violations.AddRange(PromiseApi.Differences("ordinary", run.Ordinary));
        violations.AddRange(PromiseApi.Differences("spot", run.Spot));
        violations.AddRange(Missing(run, run.Ordinary.First().Value, PartitionOp.OrdinaryInsert, "ordinary"));
        violations.AddRange(Missing(run, run.Spot.First().Value, PartitionOp.SpotInsert, "spot"));
        violations.AddRange(Missing(run, run.Local, PartitionOp.LocalInsert, "local"));
        var spotKeys = Keys(run.Spot.First().Value);
        violations.AddRange(run.Requests
            .Where(r => r.Op == PartitionOp.SpotInsert && r.Status == 503 && spotKeys.Contains(r.Key))
            .Select(r => $"refused with 503 but done anyway: {r}"));
        return violations;
    }

    /// <summary>True: must be refused (cut off from the spot region); false: must be served; null: the phase changed while it ran.</summary>
    private static bool? Expected(PartitionRun run, PartitionRequest request)
    {
        if (!request.IsSpot)
        {
            return false;
        }
        if (request.PhaseAtStart != request.PhaseAtEnd || !run.StablePhases.TryGetValue(request.PhaseAtStart, out var isolated))
        {
            return null;
        }
        return request.Region != run.SpotRegion && (isolated.Contains(request.Region) || isolated.Contains(run.SpotRegion));
    }

    private static IEnumerable<string> Missing(PartitionRun run, IReadOnlyList<string> dump, PartitionOp op, string collection)
    {
        var keys = Keys(dump);
        return run.Requests
            .Where(r => r.Op == op && r.Succeeded && !keys.Contains(r.Key))
            .Select(r => $"acknowledged but missing from the {collection} collection after healing: {r}");
    }

    private static HashSet<string> Keys(IReadOnlyList<string> dump) =>
        dump.Select(d => (string)JsonNode.Parse(d)!["_key"]!).ToHashSet(StringComparer.Ordinal);
}
