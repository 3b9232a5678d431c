namespace PSC8.Server.Tests.Promise.Crash;

/// <summary>A single-document insert the server acknowledged, with the revision it answered.</summary>
public sealed record AckedInsert(string Collection, string Key, string Region, string Rev);

/// <summary>A C8QL query inserting <paramref name="Size"/> documents that share the batch id, and how it ended for the client.</summary>
public sealed record BatchAttempt(string Collection, string Batch, int Size, string Region, Outcome Outcome);

/// <summary>A document one writer kept replacing with a growing <c>seq</c>: the last acknowledged and the last sent.</summary>
public sealed record CounterHistory(string Collection, string Key, long LastAcked, long LastSent);

/// <summary>
/// What the writers did across the kills, and the collections as dumped through every region after the last
/// restart (collection → region → documents in key order as JSON text).
/// </summary>
public sealed record CrashRun(
    IReadOnlyList<AckedInsert> Inserts,
    IReadOnlyList<BatchAttempt> Batches,
    IReadOnlyList<CounterHistory> Counters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Dumps);

/// <summary>
/// Checks a crash run: every acknowledged insert is there, with its revision, in every region; every batch query has
/// all of its documents or none (all when acknowledged, none when refused), and no batch appears that was never
/// sent; every counter holds at least its last acknowledged value and nothing never sent; every region holds the same.
/// </summary>
public static class CrashChecker
{
    public static List<string> Check(CrashRun run)
    {
        var violations = new List<string>();
        foreach (var (collection, byRegion) in run.Dumps)
        {
            violations.AddRange(PromiseApi.Differences(collection, byRegion));
            foreach (var (region, dump) in byRegion)
            {
                var documents = dump.Select(d => JsonNode.Parse(d)!.AsObject()).ToDictionary(d => (string)d["_key"]!, StringComparer.Ordinal);
                violations.AddRange(CheckInserts(run, collection, region, documents));
                violations.AddRange(CheckBatches(run, collection, region, documents.Values));
                violations.AddRange(CheckCounters(run, collection, region, documents));
            }
        }
        return violations;
    }

    /// <summary>How the batch queries whose answer was lost turned out, by the first region's dumps: found whole, or absent.</summary>
    public static (int Whole, int Absent) SettleLostBatches(CrashRun run)
    {
        var found = run.Dumps.Values
            .SelectMany(byRegion => byRegion.First().Value)
            .Select(d => (string?)JsonNode.Parse(d)!["batch"])
            .Where(b => b is not null)
            .ToHashSet(StringComparer.Ordinal);
        var lost = run.Batches.Where(b => b.Outcome == Outcome.Unknown).ToList();
        var whole = lost.Count(b => found.Contains(b.Batch));
        return (whole, lost.Count - whole);
    }

    private static IEnumerable<string> CheckInserts(CrashRun run, string collection, string region, Dictionary<string, JsonObject> documents) =>
        run.Inserts
            .Where(i => i.Collection == collection)
            .Where(i => !documents.TryGetValue(i.Key, out var found) || (string?)found["_rev"] != i.Rev)
            .Select(i => $"{collection}/{i.Key}, acknowledged through {i.Region} as {i.Rev}, is " +
                (documents.TryGetValue(i.Key, out var found) ? $"{found["_rev"]} in {region}" : $"missing in {region}"));

    private static IEnumerable<string> CheckBatches(CrashRun run, string collection, string region, IEnumerable<JsonObject> documents)
    {
        var counts = documents
            .Where(d => d["batch"] is not null)
            .GroupBy(d => (string)d["batch"]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in run.Batches.Where(b => b.Collection == collection))
        {
            sent.Add(batch.Batch);
            var found = counts.GetValueOrDefault(batch.Batch);
            var legal = batch.Outcome switch
            {
                Outcome.Done => found == batch.Size,
                Outcome.Refused => found == 0,
                _ => found == 0 || found == batch.Size,
            };
            if (!legal)
            {
                yield return $"{collection}: batch {batch.Batch} ({batch.Outcome} through {batch.Region}) has {found} of its {batch.Size} documents in {region}";
            }
        }
        foreach (var (batch, found) in counts.Where(c => !sent.Contains(c.Key)))
        {
            yield return $"{collection}: batch {batch} has {found} documents in {region} but was never sent";
        }
    }

    private static IEnumerable<string> CheckCounters(CrashRun run, string collection, string region, Dictionary<string, JsonObject> documents)
    {
        foreach (var counter in run.Counters.Where(c => c.Collection == collection))
        {
            long? seq = documents.TryGetValue(counter.Key, out var found) ? (long?)found["seq"] : null;
            var lost = counter.LastAcked > 0 && (seq is null || seq < counter.LastAcked);
            if (lost || seq > counter.LastSent)
            {
                yield return $"{collection}/{counter.Key} holds seq {seq?.ToString() ?? "nothing"} in {region}; " +
                    $"the last acknowledged was {counter.LastAcked}, the last sent {counter.LastSent}";
            }
        }
    }
}
