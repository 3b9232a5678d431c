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

    /// <summary>The ranges, or null when a sparse index cannot serve them because they reach null on its first attribute.</summary>
    public static IReadOnlyList<KeyRange>? For(IReadOnlyList<IndexCondition> conditions, bool sparse)
    {
        List<KeyRange> ranges = [KeyRange.Under([])];
        for (var field = 0; ; field++)
        {
            var on = conditions.Where(c => c.Field == field).ToList();
            if (on.Count == 0)
            {
                return ranges;
            }
            var points = on.FirstOrDefault(c => c.Operator is IndexOperator.Equal or IndexOperator.In);
            var next = points is not null ? Points(points) : [Intersect(on)];
            if (sparse && next.Any(ReachesNull))
            {
                // A sparse index holds no key for null: only the first attribute must not need one.
                return field == 0 ? null : ranges;
            }
            var exact = points is not null && PointValues(points).All(IndexKey.MatchesExactly);
            ranges = ranges.SelectMany(r => next.Select(n => exact ? KeyRange.Under([.. r.Prefix, n.Low!]) : n with { Prefix = r.Prefix })).ToList();
            if (!exact)
            {
                return ranges;
            }
        }
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
