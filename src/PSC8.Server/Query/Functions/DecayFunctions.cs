using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// DECAY_GAUSS, DECAY_EXP and DECAY_LINEAR(value, origin, scale, offset, decay): scores from 1 (within
/// <c>offset</c> of <c>origin</c>) falling to <c>decay</c> at <c>scale</c> beyond that; an array of values gives an
/// array of scores. The scale must be positive, the offset not negative and the decay between 0 and 1.
/// </summary>
internal static class DecayFunctions
{
    public static void Register(FunctionTable table)
    {
        AddDecay(table, "DECAY_GAUSS", (distance, scale, decay) =>
        {
            var sigma = Math.Sqrt(-(scale * scale) / (2 * Math.Log(decay)));
            return Math.Exp(-(distance / sigma) * (distance / sigma) / 2);
        });
        AddDecay(table, "DECAY_EXP", (distance, scale, decay) => Math.Exp(Math.Log(decay) / scale * distance));
        AddDecay(table, "DECAY_LINEAR", (distance, scale, decay) =>
        {
            var zero = scale / (1 - decay);
            return Math.Max((zero - distance) / zero, 0);
        });
    }

    /// <summary><paramref name="score"/> takes the distance beyond the offset, the scale and the decay.</summary>
    private static void AddDecay(FunctionTable table, string name, Func<double, double, double, double> score) =>
        table.Add(name, 5, 5, (context, a) =>
        {
            if (!a[1].IsNumber || !a[2].IsNumber || !a[3].IsNumber || !a[4].IsNumber)
            {
                return InvalidArgument(context, name);
            }
            double origin = a[1].AsNumber, scale = a[2].AsNumber, offset = a[3].AsNumber, decay = a[4].AsNumber;
            if (scale <= 0 || offset < 0 || decay <= 0 || decay >= 1)
            {
                return InvalidArgument(context, name);
            }
            double Score(double value) => score(Math.Max(0, Math.Abs(value - origin) - offset), scale, decay);
            if (a[0].IsNumber)
            {
                return C8Value.From(Score(a[0].AsNumber));
            }
            if (!a[0].IsArray)
            {
                return InvalidArgument(context, name);
            }
            var scores = new List<C8Value>(a[0].AsArray.Count);
            foreach (var item in a[0].AsArray)
            {
                if (!item.IsNumber)
                {
                    return InvalidArgument(context, name);
                }
                scores.Add(C8Value.From(Score(item.AsNumber)));
            }
            return ArrayOf(scores);
        });
}
