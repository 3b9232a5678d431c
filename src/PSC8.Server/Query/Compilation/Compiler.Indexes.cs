using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query.Compilation;

/// <summary>Choosing a persistent index for a FOR over a collection from the FILTERs right after it.</summary>
internal sealed partial class Compiler
{
    /// <summary>
    /// A scan through the best persistent index whose leading attributes the FILTERs right after the FOR compare with
    /// values that do not depend on the loop: equality first, then IN, then ranges, more attributes narrowed before
    /// fewer, unique before the others, the index named by OPTIONS { indexHint } before all (with forceIndexHint, an
    /// unusable hint is an error). A compound index narrows on its next attribute while the ones before it are
    /// compared for equality. The FILTERs stay: an index may return more documents than they match. A SORT right after the
    /// FILTERs of an outermost FOR, on consecutive fields of a dense index in one direction, is served by that index
    /// (see <see cref="IndexOrder"/>) unless an equality lookup through another index reads less. Without a usable
    /// persistent index, an array index may serve an IN on its array (<see cref="TryArrayScan"/>), and a geo index a
    /// distance filter (<see cref="TryGeoScan"/>).
    /// </summary>
    private IndexScanNode? TryIndexScan(string collection, Variable variable, string name, List<Operation> operations, int index, C8Object? options)
    {
        var hints = IndexHints(options);
        var forced = options is not null && options.TryGetValue("forceIndexHint", out var force) && force.IsBool && force.AsBool;
        var all = _indexes?.Invoke(collection) ?? [];
        var indexes = all.Where(i => i.IsPersistent && !i.IsArray).ToList();
        var conjuncts = FilterConjuncts(operations, index, out var afterFilters);
        var byAttribute = new Dictionary<string, List<(IndexOperator Operator, Evaluator Value)>>(StringComparer.Ordinal);
        foreach (var conjunct in conjuncts)
        {
            if (MatchIndexCondition(conjunct, name, out var attribute, out var op, out var valueExpression))
            {
                var value = Compile(valueExpression);
                if (value.MaxDepth < variable.LoopDepth && value.Deterministic)
                {
                    (byAttribute.TryGetValue(attribute, out var list) ? list : byAttribute[attribute] = []).Add((op, value.Evaluate));
                }
            }
        }
        var sort = ServableSort(operations, index, afterFilters, name);
        var usable = indexes.Where(i => byAttribute.ContainsKey(i.Fields[0]))
            .OrderBy(i => hints.Contains(i.Name) ? 0 : 1)
            .ThenBy(i => Rank(byAttribute[i.Fields[0]]))
            .ThenByDescending(i => Narrowed(i, byAttribute))
            .ThenBy(i => i.Unique ? 0 : 1)
            .ToList();
        var chosen = usable.FirstOrDefault();
        if (forced && hints.Count > 0 && (chosen is null || !hints.Contains(chosen.Name)))
        {
            throw new C8Exception(400, QueryErrors.ForcedIndexHintUnusable,
                $"could not use index hint to serve query; {{\"forceIndexHint\":true,\"lookahead\":1,\"type\":\"simple\",\"hint\":[{string.Join(",", hints.Select(h => "\"" + h + "\""))}]}}");
        }
        IndexOrder? order = null;
        if (sort is not null)
        {
            var sorting = chosen is not null && Serves(chosen, sort.Value, byAttribute) ? chosen
                : chosen is null || !hints.Contains(chosen.Name) && Rank(byAttribute[chosen.Fields[0]]) > 0
                    ? indexes.Where(i => Serves(i, sort.Value, byAttribute)).OrderBy(i => hints.Contains(i.Name) ? 0 : 1).FirstOrDefault()
                    : null;
            if (sorting is not null)
            {
                (chosen, order) = (sorting, new IndexOrder(sort.Value.Attributes, sort.Value.Ascending));
                _servedSorts.Add(sort.Value.Operation);
            }
        }
        if (chosen is null)
        {
            return TryArrayScan(collection, variable, name, operations, index, all, conjuncts)
                ?? TryGeoScan(collection, variable, name, operations, index, all, conjuncts);
        }
        var conditions = chosen.Fields.TakeWhile(byAttribute.ContainsKey)
            .SelectMany((field, position) => byAttribute[field].Select(c => (Field: position, c.Operator, c.Value)))
            .ToList();
        var projection = AttributeUsage.Of(name, operations.Skip(index + 1));
        var served = chosen;
        var sortedFrom = order is null ? 0 : chosen.Fields.ToList().IndexOf(order.Attributes[0]);
        var sortedFields = order is null ? 0 : sortedFrom + order.Attributes.Count;
        IEnumerable<C8Object>? Read(QueryContext context, IReadOnlyList<string>? attributes, bool descending)
        {
            var values = conditions.Select(c => new IndexCondition(c.Field, c.Operator, c.Value(context))).ToList();
            // A SORT on later fields holds only while the fields before them are single exact values.
            if (values.Any(v => v.Field < sortedFrom && !v.IsExactPoint))
            {
                return null;
            }
            return context.Store.IndexScan(collection, served, values, attributes, descending, sortedFields);
        }
        return new IndexScanNode(collection, variable, chosen, Read, projection, order);
    }

    /// <summary>The conjuncts of the FILTERs right after the FOR at <paramref name="index"/>; <paramref name="next"/> is the operation after them.</summary>
    private static List<Expr> FilterConjuncts(List<Operation> operations, int index, out int next)
    {
        var conjuncts = new List<Expr>();
        for (next = index + 1; next < operations.Count && operations[next] is FilterOperation filter; next++)
        {
            SplitConjunction(filter.Condition, conjuncts);
        }
        return conjuncts;
    }

    /// <summary>How many of the index's fields, from the first, the conditions narrow: equalities, then one more.</summary>
    private static int Narrowed(IndexInfo index, Dictionary<string, List<(IndexOperator Operator, Evaluator Value)>> byAttribute)
    {
        var count = 0;
        foreach (var field in index.Fields)
        {
            if (!byAttribute.TryGetValue(field, out var conditions))
            {
                break;
            }
            count++;
            if (conditions.All(c => c.Operator != IndexOperator.Equal))
            {
                break;
            }
        }
        return count;
    }

    /// <summary>
    /// Whether a dense index can deliver the SORT's order: the sorted attributes are consecutive fields of it and every
    /// field before them is compared for equality (no IN there: its points would each start the order again). An IN
    /// on a sorted field is read point by point in key order.
    /// </summary>
    private static bool Serves(IndexInfo index, (SortOperation Operation, IReadOnlyList<string> Attributes, bool Ascending) sort, Dictionary<string, List<(IndexOperator Operator, Evaluator Value)>> byAttribute)
    {
        var position = index.Fields.ToList().IndexOf(sort.Attributes[0]);
        return !index.Sparse && position >= 0 && index.Fields.Skip(position).Take(sort.Attributes.Count).SequenceEqual(sort.Attributes)
            && index.Fields.Take(position).All(f => byAttribute.TryGetValue(f, out var c) && c.Any(x => x.Operator == IndexOperator.Equal));
    }

    /// <summary>
    /// A SORT on attributes of the loop variable, all in one direction, right after the FILTERs, when the FOR is the
    /// query's first loop (only LETs before it): then the SORT orders exactly what this loop yields.
    /// </summary>
    private (SortOperation Operation, IReadOnlyList<string> Attributes, bool Ascending)? ServableSort(List<Operation> operations, int index, int next, string variable)
    {
        if (next >= operations.Count || operations[next] is not SortOperation sort || operations.Take(index).Any(o => o is not LetOperation))
        {
            return null;
        }
        var attributes = sort.Keys.Select(k => AttributePath(k.Value, variable)).OfType<string>().ToList();
        if (attributes.Count < sort.Keys.Count)
        {
            return null;
        }
        var directions = sort.Keys.Select(k => SortAscending(k.Direction)).Distinct().ToList();
        return directions.Count == 1 ? (sort, attributes, directions[0]) : null;
    }

    private static int Rank(List<(IndexOperator Operator, Evaluator Value)> conditions) =>
        conditions.Min(c => c.Operator switch { IndexOperator.Equal => 0, IndexOperator.In => 1, _ => 2 });

    /// <summary><c>value IN d.tags</c> through an array index on tags[*]: the documents whose array has the value.</summary>
    private IndexScanNode? TryArrayScan(string collection, Variable variable, string name, List<Operation> operations, int index, IReadOnlyList<IndexInfo> indexes, List<Expr> conjuncts)
    {
        foreach (var conjunct in conjuncts)
        {
            // Nothing is compiled for conjuncts that cannot match: compiling has effects (slots, sites).
            if (conjunct is not BinaryExpr { Operator: BinaryOperator.In } binary || AttributePath(binary.Right, name) is not { } attribute
                || indexes.FirstOrDefault(i => i.IsArray && i.ArrayAttribute == attribute) is not { } array || !Invariant(binary.Left, variable, out var member))
            {
                continue;
            }
            var projection = AttributeUsage.Of(name, operations.Skip(index + 1));
            return new IndexScanNode(collection, variable, array, (context, attributes, _) => context.Store.ArrayScan(collection, array, member(context), attributes), projection);
        }
        return null;
    }

    /// <summary>
    /// <c>GEO_DISTANCE(point, d.location) &lt;= radius</c> (or <c>&lt;</c>, either argument order, the comparison
    /// turned around) through a geoJson geo index on location, and <c>DISTANCE(d.lat, d.lon, lat, lon) &lt;= radius</c>
    /// through a geo index on [lat, lon]: the scan reads the latitude band the radius can reach, the shapes, and the
    /// documents without a location (their distance is null, which a scan's FILTER lets through too).
    /// </summary>
    private IndexScanNode? TryGeoScan(string collection, Variable variable, string name, List<Operation> operations, int index, IReadOnlyList<IndexInfo> indexes, List<Expr> conjuncts)
    {
        foreach (var conjunct in conjuncts)
        {
            if (conjunct is not BinaryExpr binary)
            {
                continue;
            }
            var (distance, radius) = binary.Operator switch
            {
                BinaryOperator.Less or BinaryOperator.LessOrEqual => (binary.Left, binary.Right),
                BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => (binary.Right, binary.Left),
                _ => (null, null),
            };
            // Nothing is compiled for conjuncts that cannot match: compiling has effects (slots, sites).
            if (distance is not FunctionCallExpr call || call.Name.ToUpperInvariant() is not ("GEO_DISTANCE" or "DISTANCE"))
            {
                continue;
            }
            foreach (var geo in indexes.Where(i => i.IsGeo))
            {
                if (GeoCenter(call, geo, name, variable) is { } center && Invariant(radius!, variable, out var radiusValue))
                {
                    var projection = AttributeUsage.Of(name, operations.Skip(index + 1));
                    IEnumerable<C8Object>? Read(QueryContext context, IReadOnlyList<string>? attributes, bool descending)
                    {
                        var r = radiusValue(context);
                        if (center(context) is not { } latitude || !r.IsNumber)
                        {
                            return null;
                        }
                        var (low, high) = GeoBand.Latitudes(latitude, r.AsNumber);
                        return context.Store.GeoScan(collection, geo, low, high, unlocated: true, attributes);
                    }
                    return new IndexScanNode(collection, variable, geo, Read, projection);
                }
            }
        }
        return null;
    }

    /// <summary>The latitude of the point a distance call measures from, when the call measures from the index's location.</summary>
    private Func<QueryContext, double?>? GeoCenter(FunctionCallExpr call, IndexInfo geo, string name, Variable variable)
    {
        var function = call.Name.ToUpperInvariant();
        var arguments = call.Arguments;
        if (function == "GEO_DISTANCE" && arguments.Count == 2 && geo.Fields.Count == 1 && geo.GeoJson)
        {
            for (var side = 0; side < 2; side++)
            {
                if (AttributePath(arguments[side], name) == geo.Fields[0] && Invariant(arguments[1 - side], variable, out var point))
                {
                    return context => GeoShape.TryRead(point(context)) is { } shape ? shape.Centroid().Latitude : null;
                }
            }
        }
        if (function == "DISTANCE" && arguments.Count == 4 && geo.Fields.Count == 2)
        {
            for (var side = 0; side < 4; side += 2)
            {
                var other = 2 - side;
                if (AttributePath(arguments[side], name) == geo.Fields[0] && AttributePath(arguments[side + 1], name) == geo.Fields[1]
                    && Invariant(arguments[other], variable, out var latitude) && Invariant(arguments[other + 1], variable, out _))
                {
                    return context => latitude(context) is { IsNumber: true } value ? value.AsNumber : null;
                }
            }
        }
        return null;
    }

    /// <summary>Whether the expression has one value for the whole loop (it reads nothing the loop sets).</summary>
    private bool Invariant(Expr expression, Variable variable, out Evaluator value)
    {
        var compiled = Compile(expression);
        value = compiled.Evaluate;
        return compiled.MaxDepth < variable.LoopDepth && compiled.Deterministic;
    }

    private static HashSet<string> IndexHints(C8Object? options)
    {
        var hints = new HashSet<string>(StringComparer.Ordinal);
        if (options is null || !options.TryGetValue("indexHint", out var hint))
        {
            return hints;
        }
        foreach (var item in hint.IsArray ? hint.AsArray.ToArray() : [hint])
        {
            if (item.TryGetString(out var text))
            {
                hints.Add(text);
            }
        }
        return hints;
    }

    /// <summary><c>d.a.b OP value</c> or <c>value OP d.a.b</c> (the comparison turned around).</summary>
    private static bool MatchIndexCondition(Expr condition, string variable, out string attribute, out IndexOperator op, out Expr value)
    {
        attribute = "";
        op = IndexOperator.Equal;
        value = condition;
        if (condition is not BinaryExpr binary || ToIndexOperator(binary.Operator) is not { } forward)
        {
            return false;
        }
        if (AttributePath(binary.Left, variable) is { } left)
        {
            (attribute, op, value) = (left, forward, binary.Right);
            return true;
        }
        if (forward != IndexOperator.In && AttributePath(binary.Right, variable) is { } right)
        {
            (attribute, op, value) = (right, Reverse(forward), binary.Left);
            return true;
        }
        return false;
    }

    private static IndexOperator? ToIndexOperator(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => IndexOperator.Equal,
        BinaryOperator.In => IndexOperator.In,
        BinaryOperator.Less => IndexOperator.Less,
        BinaryOperator.LessOrEqual => IndexOperator.LessOrEqual,
        BinaryOperator.Greater => IndexOperator.Greater,
        BinaryOperator.GreaterOrEqual => IndexOperator.GreaterOrEqual,
        _ => null,
    };

    private static IndexOperator Reverse(IndexOperator op) => op switch
    {
        IndexOperator.Less => IndexOperator.Greater,
        IndexOperator.LessOrEqual => IndexOperator.GreaterOrEqual,
        IndexOperator.Greater => IndexOperator.Less,
        IndexOperator.GreaterOrEqual => IndexOperator.LessOrEqual,
        _ => op,
    };

    private static string? AttributePath(Expr expr, string variable) => expr switch
    {
        AttributeExpr { Subject: NameExpr subject } attribute when subject.Name == variable => attribute.Name,
        AttributeExpr { Subject: AttributeExpr inner } attribute when AttributePath(inner, variable) is { } path => path + "." + attribute.Name,
        _ => null,
    };
}
