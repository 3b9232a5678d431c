namespace PSC8.Server.Tests.Promise.ClientRetry;

/// <summary>One insert of a document carrying the client's operation number; <paramref name="Key"/> is the generated key it was told.</summary>
public sealed record InsertAttempt(long Op, string? Key, Outcome Outcome);

/// <summary>
/// Checks that inserts happened at most once: no operation number is stored twice, an acknowledged insert is stored
/// exactly once under the key the client was told, a refused one not at all, and nothing is stored that was never sent.
/// An insert whose answer was lost may be stored once or not at all.
/// </summary>
public static class InsertOnceChecker
{
    public static List<string> Check(IReadOnlyList<InsertAttempt> attempts, IReadOnlyList<(long Op, string Key)> stored)
    {
        var byOp = stored.ToLookup(s => s.Op);
        var violations = byOp.Where(g => g.Count() > 1)
            .Select(g => $"operation {g.Key} is stored {g.Count()} times: {string.Join(", ", g.Select(s => s.Key))}")
            .ToList();
        foreach (var attempt in attempts)
        {
            var keys = byOp[attempt.Op].Select(s => s.Key).ToList();
            if (attempt.Outcome == Outcome.Done && !keys.Contains(attempt.Key!))
            {
                violations.Add($"operation {attempt.Op} was acknowledged as {attempt.Key} but is stored as [{string.Join(", ", keys)}]");
            }
            else if (attempt.Outcome == Outcome.Refused && keys.Count > 0)
            {
                violations.Add($"operation {attempt.Op} was refused but is stored as {keys[0]}");
            }
        }
        var sent = attempts.Select(a => a.Op).ToHashSet();
        violations.AddRange(byOp.Where(g => !sent.Contains(g.Key)).Select(g => $"operation {g.Key} is stored but was never sent"));
        return violations;
    }

    /// <summary>How the inserts whose answer was lost turned out: stored (the server did it) or not.</summary>
    public static (int Stored, int Absent) SettleLost(IReadOnlyList<InsertAttempt> attempts, IReadOnlyList<(long Op, string Key)> stored)
    {
        var ops = stored.Select(s => s.Op).ToHashSet();
        var lost = attempts.Where(a => a.Outcome == Outcome.Unknown).ToList();
        var found = lost.Count(a => ops.Contains(a.Op));
        return (found, lost.Count - found);
    }
}
