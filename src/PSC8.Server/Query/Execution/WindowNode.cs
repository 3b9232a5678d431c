namespace PSC8.Server.Query.Execution;

/// <summary>
/// One side of a WINDOW frame: unbounded, a number of rows or a numeric offset, or (range-based only) an ISO 8601
/// duration applied to millisecond timestamps.
/// </summary>
internal sealed record WindowBound(bool Unbounded, double Offset, string? Duration)
{
    public static WindowBound None { get; } = new(false, 0, null);

    /// <summary>Parses "unbounded", a number that is not negative, or a duration; null when it is none of them.</summary>
    public static WindowBound? Parse(C8Value value, bool rowBased)
    {
        if (value.IsNull)
        {
            return None;
        }
        if (value.IsNumber)
        {
            return value.AsNumber >= 0 ? new WindowBound(false, rowBased ? Math.Floor(value.AsNumber) : value.AsNumber, null) : null;
        }
        if (!value.TryGetString(out var text))
        {
            return null;
        }
        if (text == "unbounded")
        {
            return new WindowBound(true, 0, null);
        }
        return !rowBased && DateFunctions.TryAddDuration(0, text, 1, out _) ? new WindowBound(false, 0, text) : null;
    }

    /// <summary>The value this bound reaches from <paramref name="value"/>, going down (sign -1) or up (sign 1).</summary>
    public double Reach(double value, int sign)
    {
        if (Unbounded)
        {
            return sign * double.PositiveInfinity;
        }
        if (Duration is null)
        {
            return value + sign * Offset;
        }
        DateFunctions.TryAddDuration((long)value, Duration, sign, out var shifted);
        return shifted;
    }
}

/// <summary>
/// WINDOW: materialises its input, then emits every row with the aggregates over its frame. Row-based frames take
/// <c>preceding</c> rows before and <c>following</c> after the row; range-based ones (<see cref="RangeValue"/> given)
/// sort the rows by that value (stably, as C8QL inserts a SORT) and take every row whose value lies within the
/// offsets of the row's own, both ends included.
/// </summary>
internal sealed class WindowNode(
    WindowBound preceding,
    WindowBound following,
    Evaluator? rangeValue,
    IReadOnlyList<AggregateSpec> aggregates,
    IReadOnlyList<int> savedSlots) : PlanNode
{
    private WindowBound Preceding { get; } = preceding;

    private WindowBound Following { get; } = following;

    private Evaluator? RangeValue { get; } = rangeValue;

    private IReadOnlyList<AggregateSpec> Aggregates { get; } = aggregates;

    private IReadOnlyList<int> SavedSlots { get; } = savedSlots;

    public override string Type => "WindowNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node) =>
        node.Add("aggregates", C8Value.From(Aggregates.Select(a => C8Value.From(
            new C8Object.Builder(2).Add("outVariable", a.Variable.Describe()).Add("type", C8Value.From(a.Function)).Build())).ToArray()));

    private sealed record Row(C8Value[] Slots, C8Value[] Arguments, double Value);

    private sealed class Cursor(QueryContext context, RowCursor input, WindowNode node) : PipedCursor(input)
    {
        private List<Row>? _rows;
        private C8Value[][]? _results;
        private int _next;

        public override bool MoveNext()
        {
            if (_rows is null)
            {
                _rows = Materialize();
                _results = node.RangeValue is null ? RowFrames(_rows) : RangeFrames(_rows);
            }
            if (_next >= _rows.Count)
            {
                return false;
            }
            var row = _rows[_next];
            for (var i = 0; i < node.SavedSlots.Count; i++)
            {
                context.Slots[node.SavedSlots[i]] = row.Slots[i];
            }
            for (var i = 0; i < node.Aggregates.Count; i++)
            {
                context.Slots[node.Aggregates[i].Variable.Slot] = _results![_next][i];
            }
            _next++;
            return true;
        }

        private List<Row> Materialize()
        {
            var rows = new List<Row>();
            while (Input.MoveNext())
            {
                context.Tick();
                var slots = new C8Value[node.SavedSlots.Count];
                for (var i = 0; i < slots.Length; i++)
                {
                    slots[i] = context.Slots[node.SavedSlots[i]];
                }
                var arguments = new C8Value[node.Aggregates.Count];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = node.Aggregates[i].Argument(context);
                }
                rows.Add(new Row(slots, arguments, node.RangeValue is null ? 0 : RangeNumber(node.RangeValue(context))));
            }
            if (node.RangeValue is not null)
            {
                // A stable sort: rows with equal values keep their input order.
                rows = rows.OrderBy(row => row.Value).ToList();
            }
            return rows;
        }

        private static double RangeNumber(C8Value value) =>
            value.IsNumber
                ? value.AsNumber
                : throw new C8Exception(400, QueryErrors.InvalidArithmeticValue, "the value of a range-based WINDOW must be a number");

        /// <summary>Row frames; with no preceding bound the frame only grows, so its aggregates are kept and added to.</summary>
        private C8Value[][] RowFrames(List<Row> rows)
        {
            var results = new C8Value[rows.Count][];
            Aggregator[]? running = node.Preceding.Unbounded ? NewAggregators() : null;
            var added = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                context.Tick();
                var last = node.Following.Unbounded ? rows.Count - 1 : (int)Math.Min(rows.Count - 1, i + node.Following.Offset);
                if (running is not null)
                {
                    for (; added <= last; added++)
                    {
                        Add(running, rows[added]);
                    }
                    results[i] = Results(running);
                    continue;
                }
                var first = (int)Math.Max(0, i - node.Preceding.Offset);
                results[i] = Aggregate(rows, first, last);
            }
            return results;
        }

        /// <summary>Range frames over rows sorted by value: both ends of the frame only move forward.</summary>
        private C8Value[][] RangeFrames(List<Row> rows)
        {
            var results = new C8Value[rows.Count][];
            int first = 0, last = -1;
            for (var i = 0; i < rows.Count; i++)
            {
                context.Tick();
                var low = node.Preceding.Reach(rows[i].Value, -1);
                var high = node.Following.Reach(rows[i].Value, 1);
                while (first < rows.Count && rows[first].Value < low)
                {
                    first++;
                }
                last = Math.Max(last, first - 1);
                while (last + 1 < rows.Count && rows[last + 1].Value <= high)
                {
                    last++;
                }
                results[i] = Aggregate(rows, first, last);
            }
            return results;
        }

        private C8Value[] Aggregate(List<Row> rows, int first, int last)
        {
            var aggregators = NewAggregators();
            for (var j = first; j <= last; j++)
            {
                Add(aggregators, rows[j]);
            }
            return Results(aggregators);
        }

        private Aggregator[] NewAggregators() => node.Aggregates.Select(a => AggregateFunctions.Create(a.Function)).ToArray();

        private static void Add(Aggregator[] aggregators, Row row)
        {
            for (var k = 0; k < aggregators.Length; k++)
            {
                aggregators[k].Add(row.Arguments[k]);
            }
        }

        private static C8Value[] Results(Aggregator[] aggregators) => aggregators.Select(a => a.Result()).ToArray();
    }
}
