namespace PSC8.Server.Query.Execution;

internal sealed record SortKeySpec(Evaluator Value, bool Ascending);

/// <summary>
/// What the LIMIT right after a SORT lets the SORT drop: it needs only the first <see cref="Rows"/>
/// rows, unless this LIMIT computes fullCount and the query asked for it (then LIMIT must see every row).
/// </summary>
internal sealed record SortRowLimit(long Rows, bool FeedsFullCount);

/// <summary>
/// SORT: materialises its input (the sort keys plus the slots later operators read), sorts stably
/// in C8QL's value order and replays the rows. Followed by a constant LIMIT, it keeps only the best
/// rows in a bounded heap, so memory and time depend on the LIMIT rather than on the input size.
/// </summary>
internal sealed class SortNode(IReadOnlyList<SortKeySpec> keys, IReadOnlyList<int> savedSlots, SortRowLimit? rowLimit) : PlanNode
{
    /// <summary>Beyond this many kept rows a heap stops paying off against one full sort.</summary>
    private const long MaxHeapRows = 100_000;

    private IReadOnlyList<SortKeySpec> Keys { get; } = keys;

    /// <summary>The slots that hold values operators after the SORT may read.</summary>
    private IReadOnlyList<int> SavedSlots { get; } = savedSlots;

    private SortRowLimit? RowLimit { get; } = rowLimit;

    public override string Type => "SortNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        var elements = new C8Value[Keys.Count];
        for (var i = 0; i < Keys.Count; i++)
        {
            elements[i] = C8Value.From(new C8Object.Builder(1).Add("ascending", C8Value.From(Keys[i].Ascending)).Build());
        }
        node.Add("elements", C8Value.From(elements));
        if (RowLimit is not null && RowLimit.Rows <= MaxHeapRows)
        {
            node.Add("limit", C8Value.From(RowLimit.Rows));
        }
    }

    /// <summary>Compares the sort keys (the first entries of both arrays).</summary>
    private int CompareKeys(C8Value[] a, C8Value[] b)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var result = C8ValueComparer.Compare(a[i], b[i]);
            if (result != 0)
            {
                return Keys[i].Ascending ? result : -result;
            }
        }
        return 0;
    }

    /// <summary>Key order, then arrival order: this makes every sort here stable.</summary>
    private int CompareRows(SortedRow a, SortedRow b)
    {
        var result = CompareKeys(a.Values, b.Values);
        return result != 0 ? result : a.Sequence.CompareTo(b.Sequence);
    }

    private long? HeapRows(QueryContext context) =>
        RowLimit is { } limit && limit.Rows <= MaxHeapRows && !(limit.FeedsFullCount && context.Options.FullCount)
            ? limit.Rows
            : null;

    private readonly record struct SortedRow(C8Value[] Values, long Sequence);

    /// <summary>Puts the worst row at the root of .NET's min-heap.</summary>
    private sealed class WorstFirst(SortNode node) : IComparer<SortedRow>
    {
        public int Compare(SortedRow x, SortedRow y) => node.CompareRows(y, x);
    }

    private sealed class Cursor(QueryContext context, RowCursor input, SortNode node) : PipedCursor(input)
    {
        private SortedRow[]? _rows;
        private int _next;

        public override bool MoveNext()
        {
            _rows ??= node.HeapRows(context) is { } rows ? KeepBest((int)rows) : SortAll();
            if (_next >= _rows.Length)
            {
                return false;
            }
            var values = _rows[_next++].Values;
            var slots = node.SavedSlots;
            var keyCount = node.Keys.Count;
            for (var i = 0; i < slots.Count; i++)
            {
                context.Slots[slots[i]] = values[keyCount + i];
            }
            return true;
        }

        private SortedRow[] SortAll()
        {
            var rows = new List<SortedRow>();
            while (Input.MoveNext())
            {
                context.Tick();
                var values = new C8Value[node.Keys.Count + node.SavedSlots.Count];
                ReadKeys(values);
                SaveSlots(values);
                context.Charge(RowBytes(values));
                rows.Add(new SortedRow(values, rows.Count));
            }
            var sorted = rows.ToArray();
            Array.Sort(sorted, node.CompareRows);
            return sorted;
        }

        private static long RowBytes(C8Value[] values)
        {
            long bytes = 0;
            foreach (var value in values)
            {
                bytes += MemoryEstimate.Of(value);
            }
            return bytes;
        }

        private SortedRow[] KeepBest(int limit)
        {
            var heap = new PriorityQueue<SortedRow, SortedRow>(new WorstFirst(node));
            var candidate = new C8Value[node.Keys.Count];
            long sequence = 0;
            while (Input.MoveNext())
            {
                context.Tick();
                ReadKeys(candidate);
                // A newcomer that ties with the worst kept row loses: it arrived later.
                if (heap.Count == limit && (limit == 0 || node.CompareKeys(candidate, heap.Peek().Values) >= 0))
                {
                    sequence++;
                    continue;
                }
                var values = heap.Count == limit
                    ? heap.Dequeue().Values
                    : new C8Value[node.Keys.Count + node.SavedSlots.Count];
                Array.Copy(candidate, values, candidate.Length);
                SaveSlots(values);
                var row = new SortedRow(values, sequence++);
                heap.Enqueue(row, row);
            }
            var best = new SortedRow[heap.Count];
            for (var i = best.Length - 1; i >= 0; i--)
            {
                best[i] = heap.Dequeue();
            }
            return best;
        }

        private void ReadKeys(C8Value[] values)
        {
            for (var i = 0; i < node.Keys.Count; i++)
            {
                values[i] = node.Keys[i].Value(context);
            }
        }

        private void SaveSlots(C8Value[] values)
        {
            var slots = node.SavedSlots;
            var keyCount = node.Keys.Count;
            for (var i = 0; i < slots.Count; i++)
            {
                values[keyCount + i] = context.Slots[slots[i]];
            }
        }
    }
}
