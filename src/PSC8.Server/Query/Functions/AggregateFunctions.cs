namespace PSC8.Server.Query.Functions;

/// <summary>
/// Incremental aggregation, shared by COLLECT … AGGREGATE and the array functions of the same names
/// (SUM, AVERAGE, MIN, …), so both follow the same null and type rules.
/// </summary>
internal abstract class Aggregator
{
    public abstract void Add(C8Value value);

    public abstract C8Value Result();

    /// <summary>Set when a value could not be aggregated (a non-number for SUM, AVERAGE, VARIANCE …).</summary>
    public bool Invalid { get; protected set; }
}

internal static class AggregateFunctions
{
    private static readonly Dictionary<string, Func<Aggregator>> Factories = new(StringComparer.Ordinal)
    {
        ["LENGTH"] = () => new CountAggregator(),
        ["COUNT"] = () => new CountAggregator(),
        ["MIN"] = () => new ExtremeAggregator(minimum: true),
        ["MAX"] = () => new ExtremeAggregator(minimum: false),
        ["SUM"] = () => new SumAggregator(average: false),
        ["AVERAGE"] = () => new SumAggregator(average: true),
        ["AVG"] = () => new SumAggregator(average: true),
        ["VARIANCE_POPULATION"] = () => new VarianceAggregator(sample: false, root: false),
        ["VARIANCE"] = () => new VarianceAggregator(sample: false, root: false),
        ["VARIANCE_SAMPLE"] = () => new VarianceAggregator(sample: true, root: false),
        ["STDDEV_POPULATION"] = () => new VarianceAggregator(sample: false, root: true),
        ["STDDEV"] = () => new VarianceAggregator(sample: false, root: true),
        ["STDDEV_SAMPLE"] = () => new VarianceAggregator(sample: true, root: true),
        ["UNIQUE"] = () => new DistinctAggregator(DistinctResult.Values),
        ["SORTED_UNIQUE"] = () => new DistinctAggregator(DistinctResult.Sorted),
        ["COUNT_DISTINCT"] = () => new DistinctAggregator(DistinctResult.Count),
        ["COUNT_UNIQUE"] = () => new DistinctAggregator(DistinctResult.Count),
        ["BIT_AND"] = () => new BitAggregator("BIT_AND"),
        ["BIT_OR"] = () => new BitAggregator("BIT_OR"),
        ["BIT_XOR"] = () => new BitAggregator("BIT_XOR"),
    };

    public static bool IsAggregate(string name) => Factories.ContainsKey(name);

    public static Aggregator Create(string name) => Factories[name]();

    /// <summary>Runs an aggregator over an array (for the array functions).</summary>
    public static Aggregator Over(string name, IReadOnlyList<C8Value> values)
    {
        var aggregator = Create(name);
        foreach (var value in values)
        {
            aggregator.Add(value);
        }
        return aggregator;
    }

    private sealed class CountAggregator : Aggregator
    {
        private long _count;

        public override void Add(C8Value value) => _count++;

        public override C8Value Result() => C8Value.From(_count);
    }

    private sealed class ExtremeAggregator(bool minimum) : Aggregator
    {
        private C8Value _best;
        private bool _seen;

        public override void Add(C8Value value)
        {
            if (minimum && value.IsNull)
            {
                return;
            }
            var comparison = C8ValueComparer.Compare(value, _best);
            if (!_seen || (minimum ? comparison < 0 : comparison > 0))
            {
                _best = value;
                _seen = true;
            }
        }

        public override C8Value Result() => _best;
    }

    /// <summary>An aggregate over numbers: nulls are skipped, and any other non-number makes the result null.</summary>
    private abstract class NumericAggregator : Aggregator
    {
        public sealed override void Add(C8Value value)
        {
            if (value.IsNull)
            {
                return;
            }
            if (!value.IsNumber)
            {
                Invalid = true;
                return;
            }
            AddNumber(value.AsNumber);
        }

        protected abstract void AddNumber(double number);
    }

    private sealed class SumAggregator(bool average) : NumericAggregator
    {
        private double _sum;
        private long _count;

        protected override void AddNumber(double number)
        {
            _sum += number;
            _count++;
        }

        public override C8Value Result()
        {
            if (Invalid)
            {
                return C8Value.Null;
            }
            if (!average)
            {
                return C8Value.From(_sum);
            }
            return _count == 0 ? C8Value.Null : C8Value.From(_sum / _count);
        }
    }

    /// <summary>Welford's online algorithm, as C8QL computes variances.</summary>
    private sealed class VarianceAggregator(bool sample, bool root) : NumericAggregator
    {
        private double _mean;
        private double _squares;
        private long _count;

        protected override void AddNumber(double current)
        {
            _count++;
            var delta = current - _mean;
            _mean += delta / _count;
            _squares += delta * (current - _mean);
        }

        public override C8Value Result()
        {
            var minimum = sample ? 2 : 1;
            if (Invalid || _count < minimum)
            {
                return C8Value.Null;
            }
            var variance = _squares / (sample ? _count - 1 : _count);
            return C8Value.From(root ? Math.Sqrt(variance) : variance);
        }
    }

    /// <summary>BIT_AND, BIT_OR and BIT_XOR over bit operands; nulls are skipped, and no operand at all gives null.</summary>
    private sealed class BitAggregator(string function) : Aggregator
    {
        private ulong _value;
        private bool _seen;

        public override void Add(C8Value value)
        {
            if (value.IsNull)
            {
                return;
            }
            if (!BitFunctions.TryOperand(value, out var operand))
            {
                Invalid = true;
                return;
            }
            _value = _seen ? BitFunctions.Combine(function, _value, operand) : operand;
            _seen = true;
        }

        public override C8Value Result() => Invalid || !_seen ? C8Value.Null : C8Value.From((long)_value);
    }

    private enum DistinctResult
    {
        Values,
        Sorted,
        Count,
    }

    private sealed class DistinctAggregator(DistinctResult result) : Aggregator
    {
        private readonly HashSet<C8Value> _seen = new(C8ValueEquality.Instance);
        private readonly List<C8Value> _values = new();

        public override void Add(C8Value value)
        {
            if (_seen.Add(value) && result != DistinctResult.Count)
            {
                _values.Add(value);
            }
        }

        public override C8Value Result()
        {
            switch (result)
            {
                case DistinctResult.Count:
                    return C8Value.From(_seen.Count);
                case DistinctResult.Sorted:
                    _values.Sort(C8ValueComparer.Instance);
                    break;
            }
            return FunctionHelpers.ArrayOf(new List<C8Value>(_values));
        }
    }
}
