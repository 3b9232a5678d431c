using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Numeric functions. Scalar ones cast with TO_NUMBER and give null for NaN or infinite results.</summary>
internal static class NumericFunctions
{
    public static void Register(FunctionTable table)
    {
        AddMath(table, "ABS", Math.Abs);
        AddMath(table, "ACOS", Math.Acos);
        AddMath(table, "ASIN", Math.Asin);
        AddMath(table, "ATAN", Math.Atan);
        AddMath(table, "CEIL", Math.Ceiling);
        AddMath(table, "COS", Math.Cos);
        AddMath(table, "DEGREES", x => x * (180.0 / Math.PI));
        AddMath(table, "EXP", Math.Exp);
        AddMath(table, "EXP2", x => Math.Pow(2, x));
        AddMath(table, "FLOOR", Math.Floor);
        AddMath(table, "LOG", Math.Log);
        AddMath(table, "LOG2", Math.Log2);
        AddMath(table, "LOG10", Math.Log10);
        AddMath(table, "RADIANS", x => x * (Math.PI / 180.0));
        AddMath(table, "ROUND", x => Math.Floor(x + 0.5));
        AddMath(table, "SIN", Math.Sin);
        AddMath(table, "SQRT", Math.Sqrt);
        AddMath(table, "TAN", Math.Tan);
        table.Add("ATAN2", 2, 2, (_, a) => C8Value.From(Math.Atan2(C8Conversions.ToNumber(a[0]), C8Conversions.ToNumber(a[1]))));
        table.Add("POW", 2, 2, (_, a) => C8Value.From(Math.Pow(C8Conversions.ToNumber(a[0]), C8Conversions.ToNumber(a[1]))));
        table.Add("PI", 0, 0, (_, _) => C8Value.From(Math.PI));
        table.Add("RAND", 0, 0, (_, _) => C8Value.From(Random.Shared.NextDouble()), FunctionTraits.NonDeterministic);
        table.Add("RANGE", 2, 3, Range);

        AddAggregate(table, "SUM", invalidWarning: null);
        AddAggregate(table, "AVERAGE", invalidWarning: QueryErrors.ArrayExpected);
        table.Alias("AVG", "AVERAGE");
        AddAggregate(table, "MIN", invalidWarning: null);
        AddAggregate(table, "MAX", invalidWarning: null);
        AddAggregate(table, "VARIANCE_POPULATION", invalidWarning: QueryErrors.InvalidArithmeticValue);
        AddAggregate(table, "VARIANCE_SAMPLE", invalidWarning: QueryErrors.InvalidArithmeticValue);
        AddAggregate(table, "STDDEV_POPULATION", invalidWarning: QueryErrors.InvalidArithmeticValue);
        AddAggregate(table, "STDDEV_SAMPLE", invalidWarning: QueryErrors.InvalidArithmeticValue);
        table.Alias("VARIANCE", "VARIANCE_POPULATION");
        table.Alias("STDDEV", "STDDEV_POPULATION");
        table.Add("MEDIAN", 1, 1, Median);
        table.Add("PERCENTILE", 2, 3, Percentile);
        table.Add("PRODUCT", 1, 1, Product);
    }

    private static void AddMath(FunctionTable table, string name, Func<double, double> operation) =>
        table.Add(name, 1, 1, (_, a) => C8Value.From(operation(C8Conversions.ToNumber(a[0]))));

    private static void AddAggregate(FunctionTable table, string name, int? invalidWarning) =>
        table.Add(name, 1, 1, (context, a) =>
        {
            if (!a[0].IsArray)
            {
                return Warning(context, name, QueryErrors.ArrayExpected);
            }
            var aggregator = AggregateFunctions.Over(name, a[0].AsArray);
            if (aggregator.Invalid && invalidWarning is { } code)
            {
                return Warning(context, name, code);
            }
            return aggregator.Result();
        });

    private static C8Value Range(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (arguments.Length < 3 || arguments[2].IsNull)
        {
            return Ranges.Materialize(C8Conversions.ToInteger(arguments[0]), C8Conversions.ToInteger(arguments[1]));
        }
        var from = C8Conversions.ToNumber(arguments[0]);
        var to = C8Conversions.ToNumber(arguments[1]);
        var step = C8Conversions.ToNumber(arguments[2]);
        if (step == 0 || (from < to && step < 0) || (from > to && step > 0))
        {
            return InvalidArgument(context, "RANGE");
        }
        Ranges.CheckSize((to - from) / step);
        var values = new List<C8Value>();
        if (step < 0)
        {
            for (var x = from; x >= to; x += step)
            {
                values.Add(C8Value.From(x));
            }
        }
        else
        {
            for (var x = from; x <= to; x += step)
            {
                values.Add(C8Value.From(x));
            }
        }
        return ArrayOf(values);
    }

    /// <summary>The non-null numbers of an array, sorted; false when it holds anything else.</summary>
    private static bool TrySortedNumbers(C8Value value, out List<double> numbers)
    {
        numbers = new List<double>();
        foreach (var item in value.AsArray)
        {
            if (item.IsNull)
            {
                continue;
            }
            if (!item.IsNumber)
            {
                return false;
            }
            numbers.Add(item.AsNumber);
        }
        numbers.Sort();
        return true;
    }

    private static C8Value Median(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "MEDIAN";
        if (!arguments[0].IsArray)
        {
            return Warning(context, Name, QueryErrors.ArrayExpected);
        }
        if (!TrySortedNumbers(arguments[0], out var numbers))
        {
            return Warning(context, Name, QueryErrors.InvalidArithmeticValue);
        }
        if (numbers.Count == 0)
        {
            return C8Value.Null;
        }
        var middle = numbers.Count / 2;
        return C8Value.From(numbers.Count % 2 == 0 ? (numbers[middle - 1] + numbers[middle]) / 2 : numbers[middle]);
    }

    /// <summary>
    /// PERCENTILE with C8QL 3.11's bounds: p from 0 to 100, both included. "rank" takes the nearest rank
    /// (the 0th percentile is the smallest value); "interpolation" splits 0..100 into one segment more than there
    /// are values, the outer ones giving the minimum and maximum and the inner ones interpolating.
    /// </summary>
    private static C8Value Percentile(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "PERCENTILE";
        if (!arguments[0].IsArray)
        {
            return Warning(context, Name, QueryErrors.ArrayExpected);
        }
        if (!arguments[1].IsNumber || arguments[1].AsNumber < 0 || arguments[1].AsNumber > 100)
        {
            return InvalidArgument(context, Name);
        }
        var p = arguments[1].AsNumber;
        var interpolate = false;
        if (arguments.Length > 2)
        {
            var method = arguments[2];
            if (!method.IsString || method.AsString is not ("rank" or "interpolation"))
            {
                return InvalidArgument(context, Name);
            }
            interpolate = method.AsString == "interpolation";
        }
        if (!TrySortedNumbers(arguments[0], out var numbers))
        {
            return Warning(context, Name, QueryErrors.InvalidArithmeticValue);
        }
        var count = numbers.Count;
        if (count <= 1)
        {
            return count == 0 ? C8Value.Null : C8Value.From(numbers[0]);
        }
        var index = interpolate ? p * (count + 1) / 100.0 : p * count / 100.0;
        var position = interpolate ? Math.Floor(index) : Math.Ceiling(index);
        if (position >= count)
        {
            return C8Value.From(numbers[count - 1]);
        }
        if (position <= 0)
        {
            return C8Value.From(numbers[0]);
        }
        var lower = numbers[(int)position - 1];
        if (!interpolate)
        {
            return C8Value.From(lower);
        }
        return C8Value.From(lower + (index - position) * (numbers[(int)position] - lower));
    }

    private static C8Value Product(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, "PRODUCT", QueryErrors.ArrayExpected);
        }
        var product = 1.0;
        foreach (var item in arguments[0].AsArray)
        {
            if (item.IsNull)
            {
                continue;
            }
            if (!item.IsNumber)
            {
                return C8Value.Null;
            }
            product *= item.AsNumber;
        }
        return C8Value.From(product);
    }
}

/// <summary>Integer ranges (the .. operator and RANGE without a step).</summary>
internal static class Ranges
{
    /// <summary>Beyond this, building a range as an array is refused (FOR loops over ranges do not build one).</summary>
    public const long MaxMaterializedLength = 1_000_000;

    public static void CheckSize(double length)
    {
        if (double.IsNaN(length) || Math.Abs(length) >= MaxMaterializedLength)
        {
            throw new C8Exception(400, C8Errors.BadParameter, "range is too big to be materialized");
        }
    }

    public static C8Value Materialize(long from, long to)
    {
        CheckSize((double)to - from);
        var step = from <= to ? 1 : -1;
        var items = new C8Value[Math.Abs(to - from) + 1];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = C8Value.From(from + (long)i * step);
        }
        return C8Value.From(items);
    }
}
