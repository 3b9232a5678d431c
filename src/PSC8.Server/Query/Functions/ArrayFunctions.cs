using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Array functions, LENGTH/COUNT and REVERSE. Equality is C8QL's (see <see cref="C8ValueEquality"/>).</summary>
internal static class ArrayFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add("LENGTH", 1, 1, (_, a) => C8Value.From(Length(a[0])), FunctionTraits.CollectionArgument);
        table.Alias("COUNT", "LENGTH");
        table.Add("REVERSE", 1, 1, Reverse);
        table.Add("FIRST", 1, 1, (c, a) => At(c, a, "FIRST", first: true));
        table.Add("LAST", 1, 1, (c, a) => At(c, a, "LAST", first: false));
        table.Add("NTH", 2, 2, Nth);
        table.Add("POSITION", 2, 3, Position);
        table.Alias("CONTAINS_ARRAY", "POSITION");
        table.Add("FLATTEN", 1, 2, Flatten);
        table.Add("APPEND", 2, 3, Append);
        table.Add("PUSH", 2, 3, Push);
        table.Add("UNSHIFT", 2, 3, Unshift);
        table.Add("POP", 1, 1, (c, a) => Trimmed(c, a, "POP", fromStart: false));
        table.Add("SHIFT", 1, 1, (c, a) => Trimmed(c, a, "SHIFT", fromStart: true));
        table.Add("SLICE", 2, 3, Slice);
        table.Add("REMOVE_NTH", 2, 2, RemoveNth);
        table.Add("REPLACE_NTH", 3, 4, ReplaceNth);
        table.Add("REMOVE_VALUE", 2, 3, RemoveValue);
        table.Add("REMOVE_VALUES", 2, 2, RemoveValues);
        table.Add("UNIQUE", 1, 1, (c, a) => Distinct(c, a, "UNIQUE"));
        table.Add("SORTED_UNIQUE", 1, 1, (c, a) => Distinct(c, a, "SORTED_UNIQUE"));
        table.Add("COUNT_DISTINCT", 1, 1, (c, a) => Distinct(c, a, "COUNT_DISTINCT"));
        table.Alias("COUNT_UNIQUE", "COUNT_DISTINCT");
        table.Add("SORTED", 1, 1, Sorted);
        table.Add("UNION", 2, FunctionRegistry.Unbounded, Union);
        table.Add("UNION_DISTINCT", 2, FunctionRegistry.Unbounded, UnionDistinct);
        table.Add("INTERSECTION", 2, FunctionRegistry.Unbounded, Intersection);
        table.Add("OUTERSECTION", 2, FunctionRegistry.Unbounded, Outersection);
        table.Add("MINUS", 2, FunctionRegistry.Unbounded, Minus);
        table.Add("JACCARD", 2, 2, Jaccard);
        table.Add("INTERLEAVE", 2, FunctionRegistry.Unbounded, Interleave);
    }

    /// <summary>LENGTH of any value: elements, attributes, code points, digits of a number, 1 for true.</summary>
    public static long Length(C8Value value) => value.Type switch
    {
        C8Type.Array => value.AsArray.Count,
        C8Type.Object => value.AsObject.Count,
        C8Type.String => CodePoints.Count(value.AsString),
        C8Type.Number => C8NumberFormat.Format(value).Length,
        C8Type.Bool => value.AsBool ? 1 : 0,
        _ => 0,
    };

    private static C8Value Reverse(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var value = arguments[0];
        if (value.IsString)
        {
            return C8Value.From(CodePoints.Reverse(value.AsString));
        }
        if (!value.IsArray)
        {
            return Warning(context, "REVERSE", QueryErrors.ArrayExpected);
        }
        var items = value.AsArray.ToArray();
        System.Array.Reverse(items);
        return C8Value.From(items);
    }

    private static C8Value At(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool first)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, name, QueryErrors.ArrayExpected);
        }
        var items = arguments[0].AsArray;
        if (items.Count == 0)
        {
            return C8Value.Null;
        }
        return first ? items[0] : items[^1];
    }

    private static C8Value Nth(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, "NTH", QueryErrors.ArrayExpected);
        }
        var items = arguments[0].AsArray;
        var index = C8Conversions.ToInteger(arguments[1]);
        return index < 0 || index >= items.Count ? C8Value.Null : items[(int)index];
    }

    private static int IndexOf(IReadOnlyList<C8Value> items, C8Value search)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (C8ValueEquality.AreEqual(items[i], search))
            {
                return i;
            }
        }
        return -1;
    }

    private static C8Value Position(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, "POSITION", QueryErrors.ArrayExpected);
        }
        var index = IndexOf(arguments[0].AsArray, arguments[1]);
        return BoolArg(arguments, 2) ? C8Value.From(index) : C8Value.From(index >= 0);
    }

    private static C8Value Flatten(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, "FLATTEN", QueryErrors.ArrayExpected);
        }
        var depth = 1L;
        if (arguments.Length > 1 && C8Conversions.TryToNumber(arguments[1], out var requested) && requested >= 1)
        {
            depth = (long)Math.Min(requested, int.MaxValue);
        }
        var result = new List<C8Value>();
        FlattenInto(result, arguments[0].AsArray, depth);
        return ArrayOf(result);
    }

    public static void FlattenInto(List<C8Value> result, IReadOnlyList<C8Value> items, long depth)
    {
        foreach (var item in items)
        {
            if (item.IsArray && depth > 0)
            {
                FlattenInto(result, item.AsArray, depth - 1);
            }
            else
            {
                result.Add(item);
            }
        }
    }

    private static C8Value Append(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var list = arguments[0];
        var toAppend = arguments[1];
        if (toAppend.IsNull || (toAppend.IsArray && toAppend.AsArray.Count == 0))
        {
            return list;
        }
        if (list.IsNull)
        {
            return toAppend;
        }
        if (!list.IsArray)
        {
            return InvalidArgument(context, "APPEND");
        }
        var unique = BoolArg(arguments, 2);
        var seen = unique ? new HashSet<C8Value>(C8ValueEquality.Instance) : null;
        var result = new List<C8Value>();
        foreach (var item in list.AsArray)
        {
            if (seen is null || seen.Add(item))
            {
                result.Add(item);
            }
        }
        var additions = toAppend.IsArray ? toAppend.AsArray : [toAppend];
        foreach (var item in additions)
        {
            if (seen is null || seen.Add(item))
            {
                result.Add(item);
            }
        }
        return ArrayOf(result);
    }

    private static C8Value Push(QueryContext context, ReadOnlySpan<C8Value> arguments) =>
        Insert(context, arguments, "PUSH", atStart: false);

    private static C8Value Unshift(QueryContext context, ReadOnlySpan<C8Value> arguments) =>
        Insert(context, arguments, "UNSHIFT", atStart: true);

    private static C8Value Insert(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool atStart)
    {
        var list = arguments[0];
        var value = arguments[1];
        if (list.IsNull)
        {
            return C8Value.From(new[] { value });
        }
        if (!list.IsArray)
        {
            return InvalidArgument(context, name);
        }
        var items = list.AsArray;
        if (BoolArg(arguments, 2) && IndexOf(items, value) >= 0)
        {
            return list;
        }
        var result = new C8Value[items.Count + 1];
        for (var i = 0; i < items.Count; i++)
        {
            result[atStart ? i + 1 : i] = items[i];
        }
        result[atStart ? 0 : items.Count] = value;
        return C8Value.From(result);
    }

    private static C8Value Trimmed(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool fromStart)
    {
        var list = arguments[0];
        if (list.IsNull)
        {
            return C8Value.Null;
        }
        if (!list.IsArray)
        {
            return InvalidArgument(context, name);
        }
        var items = list.AsArray;
        if (items.Count <= 1)
        {
            return C8Value.EmptyArray;
        }
        var result = new C8Value[items.Count - 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items[fromStart ? i + 1 : i];
        }
        return C8Value.From(result);
    }

    private static C8Value Slice(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return InvalidArgument(context, "SLICE");
        }
        var items = arguments[0].AsArray;
        long count = items.Count;
        var from = C8Conversions.ToInteger(arguments[1]);
        if (from < 0)
        {
            from = Math.Max(0, count + from);
        }
        long to;
        var length = Arg(arguments, 2);
        if (length.IsNull)
        {
            to = count;
        }
        else
        {
            to = C8Conversions.ToInteger(length);
            to = to >= 0 ? from + to : Math.Max(0, count + to);
        }
        to = Math.Min(to, count);
        var result = new List<C8Value>();
        for (var i = from; i < to; i++)
        {
            result.Add(items[(int)i]);
        }
        return ArrayOf(result);
    }

    private static C8Value RemoveNth(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var list = arguments[0];
        if (list.IsNull)
        {
            return C8Value.EmptyArray;
        }
        if (!list.IsArray)
        {
            return InvalidArgument(context, "REMOVE_NTH");
        }
        var items = list.AsArray;
        var position = C8Conversions.ToNumber(arguments[1]);
        if (position >= items.Count || position < -items.Count)
        {
            return list;
        }
        var target = (int)(position < 0 ? position + items.Count : position);
        var result = new List<C8Value>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (i != target)
            {
                result.Add(items[i]);
            }
        }
        return ArrayOf(result);
    }

    private static C8Value ReplaceNth(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "REPLACE_NTH";
        if (!arguments[0].IsArray || arguments[1].IsNull)
        {
            return InvalidArgument(context, Name);
        }
        var items = arguments[0].AsArray;
        var position = C8Conversions.ToInteger(arguments[1]);
        if (position < 0)
        {
            position = Math.Max(0, items.Count + position);
        }
        if (position > items.Count && arguments.Length < 4)
        {
            // Padding is needed but none was given: C8QL fails the query rather than warning.
            throw QueryErrors.InvalidArgument(Name);
        }
        var result = new List<C8Value>(items);
        if (position < items.Count)
        {
            result[(int)position] = arguments[2];
            return ArrayOf(result);
        }
        Ranges.CheckSize(position - items.Count);
        while (result.Count < position)
        {
            result.Add(Arg(arguments, 3));
        }
        result.Add(arguments[2]);
        return ArrayOf(result);
    }

    private static C8Value RemoveValue(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var list = arguments[0];
        if (list.IsNull)
        {
            return C8Value.EmptyArray;
        }
        if (!list.IsArray)
        {
            return InvalidArgument(context, "REMOVE_VALUE");
        }
        var limit = arguments.Length > 2 && !arguments[2].IsNull ? C8Conversions.ToInteger(arguments[2]) : long.MaxValue;
        var result = new List<C8Value>();
        foreach (var item in list.AsArray)
        {
            if (limit != 0 && C8ValueEquality.AreEqual(item, arguments[1]))
            {
                limit--;
                continue;
            }
            result.Add(item);
        }
        return ArrayOf(result);
    }

    private static C8Value RemoveValues(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var list = arguments[0];
        var values = arguments[1];
        if (values.IsNull)
        {
            return list;
        }
        if (list.IsNull)
        {
            return C8Value.EmptyArray;
        }
        if (!list.IsArray || !values.IsArray)
        {
            return InvalidArgument(context, "REMOVE_VALUES");
        }
        var remove = new HashSet<C8Value>(values.AsArray, C8ValueEquality.Instance);
        var result = new List<C8Value>();
        foreach (var item in list.AsArray)
        {
            if (!remove.Contains(item))
            {
                result.Add(item);
            }
        }
        return ArrayOf(result);
    }

    private static C8Value Distinct(QueryContext context, ReadOnlySpan<C8Value> arguments, string name)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, name, QueryErrors.ArrayExpected);
        }
        return AggregateFunctions.Over(name, arguments[0].AsArray).Result();
    }

    private static C8Value Sorted(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray)
        {
            return Warning(context, "SORTED", QueryErrors.ArrayExpected);
        }
        var items = arguments[0].AsArray.ToArray();
        // A stable sort keeps equal elements in their original order.
        var ordered = items.Order(C8ValueComparer.Instance).ToArray();
        return C8Value.From(ordered);
    }

    /// <summary>Checks that every argument is an array; the warning differs per function.</summary>
    private static bool AllArrays(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool arrayExpectedWarning)
    {
        foreach (var argument in arguments)
        {
            if (!argument.IsArray)
            {
                if (arrayExpectedWarning)
                {
                    Warning(context, name, QueryErrors.ArrayExpected);
                }
                else
                {
                    InvalidArgument(context, name);
                }
                return false;
            }
        }
        return true;
    }

    private static C8Value Union(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "UNION", arrayExpectedWarning: false))
        {
            return C8Value.Null;
        }
        var result = new List<C8Value>();
        foreach (var argument in arguments)
        {
            result.AddRange(argument.AsArray);
        }
        return ArrayOf(result);
    }

    private static C8Value UnionDistinct(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "UNION_DISTINCT", arrayExpectedWarning: false))
        {
            return C8Value.Null;
        }
        var unique = AggregateFunctions.Create("UNIQUE");
        foreach (var argument in arguments)
        {
            foreach (var item in argument.AsArray)
            {
                unique.Add(item);
            }
        }
        return unique.Result();
    }

    /// <summary>Distinct values with the number of arguments each occurs in (first-occurrence order).</summary>
    private static List<KeyValuePair<C8Value, int>> CountOccurrences(ReadOnlySpan<C8Value> arguments, bool perArgument)
    {
        var counts = new Dictionary<C8Value, int>(C8ValueEquality.Instance);
        var order = new List<C8Value>();
        var seenInArgument = new HashSet<C8Value>(C8ValueEquality.Instance);
        foreach (var argument in arguments)
        {
            seenInArgument.Clear();
            foreach (var item in argument.AsArray)
            {
                if (perArgument && !seenInArgument.Add(item))
                {
                    continue;
                }
                if (counts.TryGetValue(item, out var count))
                {
                    counts[item] = count + 1;
                }
                else
                {
                    counts[item] = 1;
                    order.Add(item);
                }
            }
        }
        return order.Select(item => new KeyValuePair<C8Value, int>(item, counts[item])).ToList();
    }

    private static C8Value Intersection(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "INTERSECTION", arrayExpectedWarning: true))
        {
            return C8Value.Null;
        }
        var required = arguments.Length;
        return NewestFirst(CountOccurrences(arguments, perArgument: true).Where(pair => pair.Value == required).Select(pair => pair.Key));
    }

    private static C8Value Outersection(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "OUTERSECTION", arrayExpectedWarning: true))
        {
            return C8Value.Null;
        }
        return NewestFirst(CountOccurrences(arguments, perArgument: false).Where(pair => pair.Value == 1).Select(pair => pair.Key));
    }

    /// <summary>
    /// The set results of INTERSECTION, OUTERSECTION and MINUS in C8QL's order: it gathers them in a hash table
    /// and returns them as that table iterates, which is the reverse of the order values first appeared in.
    /// </summary>
    private static C8Value NewestFirst(IEnumerable<C8Value> firstAppearanceOrder)
    {
        var result = firstAppearanceOrder.ToList();
        result.Reverse();
        return ArrayOf(result);
    }

    private static C8Value Minus(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "MINUS", arrayExpectedWarning: false))
        {
            return C8Value.Null;
        }
        var removed = new HashSet<C8Value>(C8ValueEquality.Instance);
        foreach (var argument in arguments[1..])
        {
            removed.UnionWith(argument.AsArray);
        }
        var seen = new HashSet<C8Value>(C8ValueEquality.Instance);
        return NewestFirst(arguments[0].AsArray.Where(item => !removed.Contains(item) && seen.Add(item)));
    }

    /// <summary>Distinct elements both arrays share over the distinct elements of either; two empty arrays are alike (1).</summary>
    private static C8Value Jaccard(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "JACCARD", arrayExpectedWarning: false))
        {
            return C8Value.Null;
        }
        var occurrences = CountOccurrences(arguments, perArgument: true);
        if (occurrences.Count == 0)
        {
            return C8Value.From(1);
        }
        var shared = occurrences.Count(pair => pair.Value == 2);
        return C8Value.From((double)shared / occurrences.Count);
    }

    /// <summary>The arrays' elements taken in turn, one from each array per round, until all are used up.</summary>
    private static C8Value Interleave(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!AllArrays(context, arguments, "INTERLEAVE", arrayExpectedWarning: false))
        {
            return C8Value.Null;
        }
        var result = new List<C8Value>();
        var longest = 0;
        foreach (var argument in arguments)
        {
            longest = Math.Max(longest, argument.AsArray.Count);
        }
        for (var i = 0; i < longest; i++)
        {
            foreach (var argument in arguments)
            {
                if (i < argument.AsArray.Count)
                {
                    result.Add(argument.AsArray[i]);
                }
            }
        }
        return ArrayOf(result);
    }
}
