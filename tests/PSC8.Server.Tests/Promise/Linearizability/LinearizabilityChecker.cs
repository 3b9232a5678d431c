namespace PSC8.Server.Tests.Promise.Linearizability;

public enum Verdict
{
    Linearizable,
    NotLinearizable,

    /// <summary>The search hit its step budget before deciding.</summary>
    Inconclusive,
}

/// <summary>The verdict for one key: how far the search got and, when it failed, the operation it could never place.</summary>
public sealed record KeyVerdict(string Key, Verdict Verdict, int Operations, int LongestPrefix, RegisterOperation? Stuck, long Steps);

public sealed record LinearizabilityReport(IReadOnlyList<KeyVerdict> Keys, long Origin)
{
    public Verdict Verdict =>
        Keys.Any(k => k.Verdict == Verdict.NotLinearizable) ? Verdict.NotLinearizable
        : Keys.Any(k => k.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive
        : Verdict.Linearizable;

    public IEnumerable<string> Describe() => Keys
        .Where(k => k.Verdict != Verdict.Linearizable)
        .Select(k => $"key {k.Key}: {k.Verdict} after {k.Steps} steps; at most {k.LongestPrefix} of {k.Operations} operations could be ordered" +
            (k.Stuck is null ? "" : $"; no legal order places {k.Stuck.Describe(Origin)}"));
}

/// <summary>
/// Decides whether a history of register operations is linearizable: whether each operation can be given one instant
/// between its call and its return such that, in that order, every read returns the latest write and every
/// compare-and-set succeeds exactly when the register holds its expected value.
/// <para>
/// Keys are independent registers, so each is checked alone (a history is linearizable iff every key's is). For a
/// key, a depth-first search (Wing and Gong) walks the calls and returns in time order: at a call it tries to
/// linearize that operation next; at a return whose operation is not yet placed it backtracks. Lowe's memoisation
/// skips any (set of placed operations, register value) configuration it has seen, which keeps typical histories
/// near linear. An operation without an answer never returns: it may take effect at any time after its call, or never
/// (placing it last is the same). A read without an answer and a refused plain write say nothing and are left out.
/// </para>
/// </summary>
public static class LinearizabilityChecker
{
    public const long DefaultStepBudget = 20_000_000;

    public static LinearizabilityReport Check(IEnumerable<RegisterOperation> history, long initialValue, long stepBudget = DefaultStepBudget)
    {
        var operations = history.Where(Constrains).ToList();
        var origin = operations.Count == 0 ? 0 : operations.Min(o => o.Call);
        var verdicts = operations
            .GroupBy(o => o.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CheckKey(g.Key, g.ToList(), initialValue, stepBudget))
            .ToList();
        return new LinearizabilityReport(verdicts, origin);
    }

    /// <summary>An unanswered read and a refused plain write say nothing about the register.</summary>
    private static bool Constrains(RegisterOperation operation) => operation.Kind switch
    {
        RegisterOpKind.Read => operation.Outcome == Outcome.Done,
        RegisterOpKind.Write => operation.Outcome != Outcome.Refused,
        _ => true,
    };

    private static KeyVerdict CheckKey(string key, List<RegisterOperation> operations, long initialValue, long stepBudget)
    {
        var head = BuildTimeline(operations);
        var placed = new ulong[(operations.Count + 63) / 64];
        var seen = new HashSet<Configuration>();
        var stack = new Stack<(Entry Call, long ValueBefore)>();
        var value = initialValue;
        var entry = head.Next;
        long steps = 0;
        var longest = 0;
        var stuckDepth = -1;
        RegisterOperation? stuck = null;

        while (head.Next is not null)
        {
            if (++steps > stepBudget)
            {
                return new KeyVerdict(key, Verdict.Inconclusive, operations.Count, longest, stuck, steps);
            }
            if (entry!.IsCall)
            {
                if (Step(value, operations[entry.Operation], out var next))
                {
                    Set(placed, entry.Operation);
                    if (seen.Add(new Configuration(placed, next)))
                    {
                        stack.Push((entry, value));
                        value = next;
                        Lift(entry);
                        entry = head.Next;
                        longest = Math.Max(longest, stack.Count);
                        continue;
                    }
                    Clear(placed, entry.Operation);
                }
                entry = entry.Next;
                continue;
            }

            // A return whose operation is not placed yet: every order explored from here is dead, so undo the last choice.
            if (stack.Count == longest && stuckDepth < longest)
            {
                stuck = operations[entry.Operation];
                stuckDepth = longest;
            }
            if (stack.Count == 0)
            {
                return new KeyVerdict(key, Verdict.NotLinearizable, operations.Count, longest, stuck, steps);
            }
            var (call, valueBefore) = stack.Pop();
            value = valueBefore;
            Clear(placed, call.Operation);
            Unlift(call);
            entry = call.Next;
        }
        return new KeyVerdict(key, Verdict.Linearizable, operations.Count, operations.Count, null, steps);
    }

    /// <summary>The register's sequential specification: whether the operation is legal on <paramref name="value"/>, and the value after it.</summary>
    private static bool Step(long value, RegisterOperation operation, out long next)
    {
        next = value;
        switch (operation.Kind)
        {
            case RegisterOpKind.Read:
                return operation.Value == value;
            case RegisterOpKind.Write:
                next = operation.Value;
                return true;
            default:
                var matches = value == operation.Expected;
                if (matches && operation.Outcome != Outcome.Refused)
                {
                    next = operation.Value;
                }
                return operation.Outcome switch
                {
                    Outcome.Done => matches,
                    Outcome.Refused => !matches,
                    _ => true,
                };
        }
    }

    /// <summary>Calls and returns in time order (a call before a return at the same instant: that is the lenient reading), behind a sentinel.</summary>
    private static Entry BuildTimeline(List<RegisterOperation> operations)
    {
        var entries = new List<Entry>(operations.Count * 2);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var @return = new Entry(i, isCall: false, operation.Outcome == Outcome.Unknown ? long.MaxValue : Math.Max(operation.Return, operation.Call));
            entries.Add(new Entry(i, isCall: true, operation.Call) { Match = @return });
            entries.Add(@return);
        }
        entries.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : b.IsCall.CompareTo(a.IsCall));
        var head = new Entry(-1, isCall: false, long.MinValue);
        var previous = head;
        foreach (var entry in entries)
        {
            previous.Next = entry;
            entry.Previous = previous;
            previous = entry;
        }
        return head;
    }

    /// <summary>Takes a placed operation's call and return out of the timeline.</summary>
    private static void Lift(Entry call)
    {
        call.Previous!.Next = call.Next;
        call.Next!.Previous = call.Previous;
        var @return = call.Match!;
        @return.Previous!.Next = @return.Next;
        if (@return.Next is not null)
        {
            @return.Next.Previous = @return.Previous;
        }
    }

    /// <summary>Puts them back, in the reverse order of <see cref="Lift"/>.</summary>
    private static void Unlift(Entry call)
    {
        var @return = call.Match!;
        @return.Previous!.Next = @return;
        if (@return.Next is not null)
        {
            @return.Next.Previous = @return;
        }
        call.Previous!.Next = call;
        call.Next!.Previous = call;
    }

    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static void Clear(ulong[] bits, int index) => bits[index >> 6] &= ~(1UL << (index & 63));

    private sealed class Entry(int operation, bool isCall, long time)
    {
        public int Operation { get; } = operation;

        public bool IsCall { get; } = isCall;

        public long Time { get; } = time;

        /// <summary>A call's return.</summary>
        public Entry? Match { get; init; }

        public Entry? Previous { get; set; }

        public Entry? Next { get; set; }
    }

    /// <summary>Which operations are placed and what the register holds: two searches reaching the same one end alike.</summary>
    private sealed class Configuration : IEquatable<Configuration>
    {
        private readonly ulong[] _placed;
        private readonly long _value;
        private readonly int _hash;

        public Configuration(ulong[] placed, long value)
        {
            _placed = (ulong[])placed.Clone();
            _value = value;
            var hash = new HashCode();
            hash.Add(value);
            foreach (var word in _placed)
            {
                hash.Add(word);
            }
            _hash = hash.ToHashCode();
        }

        public bool Equals(Configuration? other) =>
            other is not null && other._value == _value && other._placed.AsSpan().SequenceEqual(_placed);

        public override bool Equals(object? obj) => Equals(obj as Configuration);

        public override int GetHashCode() => _hash;
    }
}
