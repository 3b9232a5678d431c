namespace PSC8.Server.Query.Execution;

/// <summary>LET: computes a value into a slot for every row.</summary>
internal sealed class CalculationNode(Variable variable, Evaluator expression) : PlanNode
{
    public override string Type => "CalculationNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, variable.Slot, expression);

    public override void Describe(C8Object.Builder node) => node.Add("outVariable", variable.Describe());

    private sealed class Cursor(QueryContext context, RowCursor input, int slot, Evaluator expression) : PipedCursor(input)
    {
        public override bool MoveNext()
        {
            if (!Input.MoveNext())
            {
                return false;
            }
            context.Slots[slot] = expression(context);
            return true;
        }
    }
}

/// <summary>FILTER: drops rows whose condition is falsy, counting them in the statistics.</summary>
internal sealed class FilterNode(Evaluator condition) : PlanNode
{
    public override string Type => "FilterNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, condition);

    private sealed class Cursor(QueryContext context, RowCursor input, Evaluator condition) : PipedCursor(input)
    {
        public override bool MoveNext()
        {
            while (Input.MoveNext())
            {
                if (C8Conversions.ToBool(condition(context)))
                {
                    return true;
                }
                context.Stats.Filtered++;
                context.Tick();
            }
            return false;
        }
    }
}

/// <summary>
/// LIMIT [offset,] count. Stops pulling its input once satisfied, so scans stay short; as the
/// query's last top-level LIMIT with fullCount requested, it counts the remaining rows instead.
/// </summary>
internal sealed class LimitNode(Evaluator? offset, Evaluator count, bool lastTopLevel) : PlanNode
{
    private Evaluator? Offset { get; } = offset;

    private Evaluator Count { get; } = count;

    /// <summary>The query's last top-level LIMIT, which computes fullCount when asked to.</summary>
    public bool LastTopLevel { get; } = lastTopLevel;

    public override string Type => "LimitNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node) => node.Add("fullCount", C8Value.From(LastTopLevel));

    private static long Bound(QueryContext context, Evaluator? expression)
    {
        if (expression is null)
        {
            return 0;
        }
        var value = expression(context);
        if (!value.IsNumber || value.AsNumber < 0)
        {
            throw QueryErrors.InvalidLimit();
        }
        return C8Conversions.ToInteger(value);
    }

    private sealed class Cursor(QueryContext context, RowCursor input, LimitNode node) : PipedCursor(input)
    {
        private bool _started;
        private long _offset;
        private long _count;
        private long _skipped;
        private long _returned;
        private bool _finished;
        private bool _countsFull;

        public override bool MoveNext()
        {
            if (_finished)
            {
                return false;
            }
            if (!_started)
            {
                _started = true;
                _offset = Bound(context, node.Offset);
                _count = Bound(context, node.Count);
                _countsFull = node.LastTopLevel && context.Options.FullCount;
            }
            while (_skipped < _offset)
            {
                if (!Input.MoveNext())
                {
                    return Finish(0);
                }
                _skipped++;
                context.Tick();
            }
            if (_returned >= _count)
            {
                if (!_countsFull)
                {
                    return false;
                }
                long rest = 0;
                while (Input.MoveNext())
                {
                    rest++;
                    context.Tick();
                }
                return Finish(rest);
            }
            if (!Input.MoveNext())
            {
                return Finish(0);
            }
            _returned++;
            return true;
        }

        private bool Finish(long rest)
        {
            _finished = true;
            if (_countsFull)
            {
                context.Stats.FullCount = _skipped + _returned + rest;
            }
            return false;
        }
    }
}
