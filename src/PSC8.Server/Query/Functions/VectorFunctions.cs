using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// COSINE_SIMILARITY, L1_DISTANCE and L2_DISTANCE of two numeric vectors. When one argument is an array of vectors
/// (a matrix), the result is an array with one value per row. Vectors of other lengths, empty ones or non-numbers
/// give null with warning 1542.
/// </summary>
internal static class VectorFunctions
{
    public static void Register(FunctionTable table)
    {
        AddMeasure(table, "COSINE_SIMILARITY", Cosine);
        AddMeasure(table, "L1_DISTANCE", (x, y) => Sum(x, y, (a, b) => Math.Abs(a - b)));
        AddMeasure(table, "L2_DISTANCE", (x, y) => Math.Sqrt(Sum(x, y, (a, b) => (a - b) * (a - b))));
    }

    private static void AddMeasure(FunctionTable table, string name, Func<double[], double[], double> measure) =>
        table.Add(name, 2, 2, (context, a) =>
        {
            var (rows, vector) = IsMatrix(a[1]) && !IsMatrix(a[0]) ? (a[1], a[0]) : (a[0], a[1]);
            if (!TryVector(vector, out var y))
            {
                return InvalidArgument(context, name);
            }
            if (!IsMatrix(rows))
            {
                return TryVector(rows, out var x) && x.Length == y.Length ? Finite(context, name, measure(x, y)) : InvalidArgument(context, name);
            }
            var results = new List<C8Value>();
            foreach (var row in rows.AsArray)
            {
                if (!TryVector(row, out var x) || x.Length != y.Length)
                {
                    return InvalidArgument(context, name);
                }
                results.Add(Finite(context, name, measure(x, y)));
            }
            return ArrayOf(results);
        });

    private static bool IsMatrix(C8Value value) => value.IsArray && value.AsArray.Count > 0 && value.AsArray[0].IsArray;

    private static bool TryVector(C8Value value, out double[] vector)
    {
        vector = [];
        if (!value.IsArray || value.AsArray.Count == 0)
        {
            return false;
        }
        var items = value.AsArray;
        vector = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].IsNumber)
            {
                return false;
            }
            vector[i] = items[i].AsNumber;
        }
        return true;
    }

    /// <summary>A similarity of a zero vector is undefined: null with warning 1561.</summary>
    private static C8Value Finite(QueryContext context, string name, double result) =>
        double.IsFinite(result) ? C8Value.From(result) : Warning(context, name, QueryErrors.InvalidArithmeticValue);

    private static double Cosine(double[] x, double[] y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return dot / (Math.Sqrt(xx) * Math.Sqrt(yy));
    }

    private static double Sum(double[] x, double[] y, Func<double, double, double> term)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += term(x[i], y[i]);
        }
        return sum;
    }
}
