using PSC8.Server.Cluster;
using PSC8.Server.Model;
using PSC8.Server.Query.Execution;
using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query.Compilation;

/// <summary>Choosing a persistent index for a FOR over a collection from the FILTERs right after it.</summary>
internal sealed partial class Compiler
{
    /// <summary>
    /// A scan through the best persistent index whose first attribute the FILTERs right after the FOR compare with
    /// values that do not depend on the loop: equality first, then IN, then ranges, unique before the others, the
    /// index named by OPTIONS { indexHint } before all (with forceIndexHint, an unusable hint is an error). The
    /// FILTERs stay: an index may return more documents than they match.
    /// </summary>
    private IndexScanNode? TryIndexScan(string collection, Variable variable, string name, List<Operation> operations, int index, C8Object? options)
    {
        var hints = IndexHints(options);
        var forced = options is not null && options.TryGetValue("forceIndexHint", out var force) && force.IsBool && force.AsBool;
        var indexes = _indexes?.Invoke(collection).Where(i => i.IsPersistent).ToList() ?? [];
        var conjuncts = new List<Expr>();
        for (var i = index + 1; i < operations.Count && operations[i] is FilterOperation filter; i++)
        {
            SplitConjunction(filter.Condition, conjuncts);
        }
        var byAttribute = new Dictionary<string, List<(IndexOperator, Evaluator)>>(StringComparer.Ordinal);
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
        var usable = indexes.Where(i => byAttribute.ContainsKey(i.Fields[0]))
            .OrderBy(i => hints.Contains(i.Name) ? 0 : 1)
            .ThenBy(i => Rank(byAttribute[i.Fields[0]]))
            .ThenBy(i => i.Unique ? 0 : 1)
            .ToList();
        var chosen = usable.FirstOrDefault();
        if (forced && hints.Count > 0 && (chosen is null || !hints.Contains(chosen.Name)))
        {
            throw new C8Exception(400, QueryErrors.ForcedIndexHintUnusable,
                $"could not use index hint to serve query; {{\"forceIndexHint\":true,\"lookahead\":1,\"type\":\"simple\",\"hint\":[{string.Join(",", hints.Select(h => "\"" + h + "\""))}]}}");
        }
        return chosen is null ? null
            : new IndexScanNode(collection, variable, chosen, byAttribute[chosen.Fields[0]], AttributeUsage.Of(name, operations.Skip(index + 1)));
    }

    private static int Rank(List<(IndexOperator Operator, Evaluator)> conditions) =>
        conditions.Min(c => c.Operator switch { IndexOperator.Equal => 0, IndexOperator.In => 1, _ => 2 });

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
