namespace PSC8.Server.Query.Execution;

/// <summary>
/// Evaluates <c>source[* FILTER … LIMIT … RETURN …]</c> followed by a projection: for each element
/// (placed in the CURRENT slot) that passes the filter and the limit, the RETURN value and then the
/// projection. <c>[**]</c> and deeper flatten the source first. A non-array source gives [].
/// </summary>
internal sealed class ExpansionEvaluator(
    int levels,
    int itemSlot,
    Evaluator source,
    Evaluator? filter,
    Evaluator? offset,
    Evaluator? count,
    Evaluator? returned,
    Evaluator? projection)
{
    public C8Value Evaluate(QueryContext context)
    {
        var value = source(context);
        if (!value.IsArray)
        {
            return C8Value.EmptyArray;
        }
        var items = value.AsArray;
        if (levels > 1)
        {
            var flat = new List<C8Value>();
            ArrayFunctions.FlattenInto(flat, items, levels - 1);
            items = flat;
        }
        var skip = offset is null ? 0 : Math.Max(0, C8Conversions.ToInteger(offset(context)));
        var take = count is null ? long.MaxValue : Math.Max(0, C8Conversions.ToInteger(count(context)));
        var results = new List<C8Value>(items.Count);
        foreach (var item in items)
        {
            if (take == 0)
            {
                break;
            }
            context.Slots[itemSlot] = item;
            if (filter is not null && !C8Conversions.ToBool(filter(context)))
            {
                continue;
            }
            if (skip > 0)
            {
                skip--;
                continue;
            }
            take--;
            var result = returned is null ? item : returned(context);
            if (projection is not null)
            {
                context.Slots[itemSlot] = result;
                result = projection(context);
            }
            results.Add(result);
        }
        return FunctionHelpers.ArrayOf(results);
    }
}
