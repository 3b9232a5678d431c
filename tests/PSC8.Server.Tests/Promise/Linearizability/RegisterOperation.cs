using System.Globalization;

namespace PSC8.Server.Tests.Promise.Linearizability;

public enum RegisterOpKind
{
    Read,
    Write,

    /// <summary>A write guarded by a revision (If-Match): it applies only if the register still holds the value of that revision.</summary>
    CompareAndSet,
}

/// <summary>
/// One operation on one register (a document) as a client saw it. Every write stores a value no other write uses,
/// so a value names the version that holds it: a compare-and-set on a revision is a compare-and-set on that value.
/// Times are monotonic clock ticks, taken before the request was sent and after its answer arrived.
/// </summary>
/// <param name="Value">Read: the value seen. Write and compare-and-set: the value written.</param>
/// <param name="Expected">Compare-and-set: the value whose revision the client sent.</param>
/// <param name="Outcome">Done, Refused (a compare-and-set that got 412) or Unknown (no answer: it may or may not have happened).</param>
public sealed record RegisterOperation(int Client, string Key, RegisterOpKind Kind, long Value, long Expected, Outcome Outcome, long Call, long Return)
{
    public static RegisterOperation Read(int client, string key, long seen, long call, long @return) =>
        new(client, key, RegisterOpKind.Read, seen, 0, Outcome.Done, call, @return);

    public static RegisterOperation Write(int client, string key, long value, Outcome outcome, long call, long @return) =>
        new(client, key, RegisterOpKind.Write, value, 0, outcome, call, @return);

    public static RegisterOperation CompareAndSet(int client, string key, long expected, long value, Outcome outcome, long call, long @return) =>
        new(client, key, RegisterOpKind.CompareAndSet, value, expected, outcome, call, @return);

    public string Describe(long origin)
    {
        static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture);
        var what = Kind switch
        {
            RegisterOpKind.Read => $"read {Key} = {Value}",
            RegisterOpKind.Write => $"write {Key} := {Value}",
            _ => $"compare-and-set {Key} {Expected} -> {Value}",
        };
        var end = Outcome == Outcome.Unknown ? "no answer" : $"{Ms(Return - origin)} ms";
        return $"client {Client}: {what} ({Outcome}), from {Ms(Call - origin)} ms to {end}";
    }
}

/// <summary>The history of a run, recorded concurrently by its clients.</summary>
public sealed class RegisterHistory
{
    private readonly ConcurrentQueue<RegisterOperation> _operations = new();

    public static long Now() => Stopwatch.GetTimestamp();

    public void Add(RegisterOperation operation) => _operations.Enqueue(operation);

    public IReadOnlyList<RegisterOperation> Operations => _operations.ToArray();
}
