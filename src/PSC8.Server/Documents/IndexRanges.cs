using PSC8.Server.Query;

namespace PSC8.Server.Documents;

/// <summary>
/// The ranges of index keys that hold every document the conditions on an index's leading attributes can match. They
/// may hold more (strings by type only, arrays and objects by type, large integers as doubles): the FILTER stays
/// and checks each document. While an attribute is compared with exact values (==, IN), the ranges narrow on the
/// next one too; a compound index's other conditions are left to the FILTER.
/// </summary>
internal static class IndexRanges
{
    private static readonly byte[] AfterAll = [0xFF];

    /// <summary>
    /// The ranges, or null when a sparse index cannot serve them: it holds no document with null or no value in any
    /// of its <paramref name="fields"/> attributes, so the conditions must rule null out on every one of them.
    /// </summary>
    public static IReadOnlyList<KeyRange>? For(IReadOnlyList<IndexCondition> conditions, bool sparse, int fields)
    {
        if (sparse && Enumerable.Range(0, fields).Any(field => ConditionsOn(conditions, field) is not { } next || next.Any(ReachesNull)))
        {
            return null;
        }
        List<KeyRange> ranges = [KeyRange.Under([])];
        for (var field = 0; ; field++)
        {
            if (ConditionsOn(conditions, field) is not { } next)
            {
                return ranges;
            }
            var points = conditions.FirstOrDefault(c => c.Field == field && c.Operator is IndexOperator.Equal or IndexOperator.In);
            var exact = points is not null && PointValues(points).All(IndexKey.MatchesExactly);
            ranges = ranges.SelectMany(r => next.Select(n => exact ? KeyRange.Under([.. r.Prefix, n.Low!]) : n with { Prefix = r.Prefix })).ToList();
            if (!exact)
            {
                return ranges;
            }
        }
    }

    /// <summary>The key ranges the conditions on one attribute allow (its points, or their intersection); null when there are none.</summary>
    private static List<KeyRange>? ConditionsOn(IReadOnlyList<IndexCondition> conditions, int field)
    {
        var on = conditions.Where(c => c.Field == field).ToList();
        if (on.Count == 0)
        {
            return null;
        }
        var points = on.FirstOrDefault(c => c.Operator is IndexOperator.Equal or IndexOperator.In);
        return points is not null ? Points(points) : [Intersect(on)];
    }

    private static C8Value[] PointValues(IndexCondition condition) =>
        condition.Operator == IndexOperator.Equal ? [condition.Value]
            : condition.Value.IsArray ? condition.Value.AsArray.ToArray() : [];

    private static List<KeyRange> Points(IndexCondition condition)
    {
        var ranges = new List<KeyRange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in PointValues(condition))
        {
            var range = IndexKey.MatchesExactly(value) ? KeyRange.Point(IndexKey.Encode(value))
                : new KeyRange(IndexKey.TypeStart(value), true, IndexKey.TypeStart(value, next: true), false);
            if (seen.Add(Convert.ToHexString(range.Low!)))
            {
                ranges.Add(range);
            }
        }
        return ranges;
    }

    private static KeyRange Intersect(IReadOnlyList<IndexCondition> conditions)
    {
        byte[]? low = null;
        byte[]? high = null;
        var highInclusive = true;
        foreach (var condition in conditions)
        {
            var value = condition.Value;
            var exact = IndexKey.OrdersExactly(value);
            switch (condition.Operator)
            {
                case IndexOperator.Greater or IndexOperator.GreaterOrEqual:
                    // Bounds stay inclusive: a double may stand for several large integers, and the FILTER decides.
                    var from = exact ? IndexKey.Encode(value) : IndexKey.TypeStart(value);
                    low = low is null || Compare(from, low) > 0 ? from : low;
                    break;
                case IndexOperator.Less or IndexOperator.LessOrEqual:
                    var (to, inclusive) = exact ? (IndexKey.Encode(value), true)
                        : value.IsObject ? (AfterAll, true) : (IndexKey.TypeStart(value, next: true), false);
                    if (high is null || Compare(to, high) < 0)
                    {
                        (high, highInclusive) = (to, inclusive);
                    }
                    break;
            }
        }
        return new KeyRange(low, true, high, highInclusive);
    }

    private static bool ReachesNull(KeyRange range) => range.Low is null || IndexKey.IsNullKey(range.Low);

    private static int Compare(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
