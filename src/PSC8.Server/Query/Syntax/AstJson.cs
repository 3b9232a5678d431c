namespace PSC8.Server.Query.Syntax;

/// <summary>
/// The parse tree as a JSON value for <c>POST /query</c> ("ast"), in the shape C8QL uses:
/// nodes with a "type", an optional "name" or "value", and "subNodes".
/// </summary>
internal static class AstJson
{
    public static C8Value Root(QueryNode query) => Node("root", subNodes: QueryParts(query));

    private static IEnumerable<C8Value> QueryParts(QueryNode query)
    {
        if (query.With.Count > 0)
        {
            yield return Node("with", subNodes: query.With.Select(Collection));
        }
        foreach (var operation in query.Operations)
        {
            yield return Operation(operation);
        }
    }

    private static C8Value Collection(CollectionRef reference) =>
        reference.IsParameter
            ? Node("datasource parameter", name: reference.Name)
            : Node("collection", name: reference.Name);

    private static C8Value Variable(string name) => Node("variable", name: name);

    private static C8Value Operation(Operation operation) => operation switch
    {
        ForOperation loop => Node("for", subNodes: [Variable(loop.Variable), Expression(loop.Source), .. Optional(loop.Options)]),
        LetOperation let => Node("let", subNodes: [Variable(let.Variable), Expression(let.Value)]),
        FilterOperation filter => Node("filter", subNodes: [Expression(filter.Condition)]),
        SortOperation sort => Node("sort", subNodes: [Node("array", subNodes: sort.Keys.Select(k =>
            Node("sort element", subNodes: [Expression(k.Value), k.Direction is null ? Value(C8Value.True) : Expression(k.Direction)])))]),
        LimitOperation limit => Node("limit", subNodes: [limit.Offset is null ? Value(C8Value.From(0)) : Expression(limit.Offset), Expression(limit.Count)]),
        CollectOperation collect => Collect(collect),
        WindowOperation window => Node("window", subNodes: [Expression(window.Bounds), .. Optional(window.RangeValue),
            Node("array", subNodes: window.Aggregates.Select(a => Node("assign", subNodes:
                [Variable(a.Variable), Node("function call", name: a.Function, subNodes: [Node("array", subNodes: a.Arguments.Select(Expression))])])))]),
        ReturnOperation ret => Node("return", subNodes: [ret.Distinct ? Node("distinct", subNodes: [Expression(ret.Value)]) : Expression(ret.Value)]),
        ModificationOperation modification => Modification(modification),
        _ => Node("unknown"),
    };

    private static C8Value Collect(CollectOperation collect)
    {
        var parts = new List<C8Value>
        {
            Node("array", subNodes: collect.Groups.Select(g => Node("assign", subNodes: [Variable(g.Variable), Expression(g.Value)]))),
            Node("array", subNodes: collect.Aggregates.Select(a => Node("assign", subNodes:
                [Variable(a.Variable), Node("function call", name: a.Function, subNodes: [Node("array", subNodes: a.Arguments.Select(Expression))])]))),
        };
        if (collect.Into is not null)
        {
            parts.Add(Node("into", subNodes: [Variable(collect.Into), .. Optional(collect.IntoExpression)]));
        }
        if (collect.Keep.Count > 0)
        {
            parts.Add(Node("keep", subNodes: collect.Keep.Select(k => Node("reference", name: k.Name))));
        }
        if (collect.CountInto is not null)
        {
            parts.Add(Node("count", subNodes: [Variable(collect.CountInto)]));
        }
        parts.AddRange(Optional(collect.Options));
        return Node("collect", subNodes: parts);
    }

    private static C8Value Modification(ModificationOperation operation)
    {
        var parts = new List<C8Value>();
        parts.AddRange(Optional(operation.UpsertSearch));
        parts.AddRange(Optional(operation.Key));
        parts.AddRange(Optional(operation.Document));
        parts.AddRange(Optional(operation.UpsertUpdate));
        parts.Add(Collection(operation.Collection));
        parts.AddRange(Optional(operation.Options));
        return Node(operation.Kind.ToString().ToLowerInvariant(), subNodes: parts);
    }

    private static IEnumerable<C8Value> Optional(Expr? expr) => expr is null ? [] : [Expression(expr)];

    private static C8Value Value(C8Value value) => Node("value", value: value);

    private static C8Value Expression(Expr expr)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return ExpressionNode(expr);
    }

    private static C8Value ExpressionNode(Expr expr) => expr switch
    {
        LiteralExpr literal => Value(literal.Value),
        BindParameterExpr parameter => Node("parameter", name: parameter.Name),
        CollectionParameterExpr parameter => Node("datasource parameter", name: parameter.Name),
        NameExpr name => Node("reference", name: name.Name),
        AttributeExpr attribute => Node("attribute access", name: attribute.Name, subNodes: [Expression(attribute.Subject)]),
        BoundAttributeExpr bound => Node("bound attribute access", subNodes: [Expression(bound.Subject), Node("parameter", name: bound.Parameter)]),
        IndexExpr index => Node("indexed access", subNodes: [Expression(index.Subject), Expression(index.Index)]),
        UnaryExpr unary => Node("unary " + unary.Operator.ToString().ToLowerInvariant(), subNodes: [Expression(unary.Operand)]),
        BinaryExpr binary => Node(BinaryName(binary.Operator), subNodes: [Expression(binary.Left), Expression(binary.Right)]),
        ArrayComparisonExpr comparison => Node("array " + BinaryName(comparison.Operator), subNodes:
            [Expression(comparison.Left), Expression(comparison.Right), Quantity(comparison.Quantity)]),
        QuestionMarkExpr question => Node("array filter", subNodes: [Expression(question.Source), Quantity(question.Quantity), .. Optional(question.Filter)]),
        TernaryExpr ternary => Node("ternary", subNodes: [Expression(ternary.Condition), .. Optional(ternary.WhenTrue), Expression(ternary.WhenFalse)]),
        RangeExpr range => Node("range", subNodes: [Expression(range.From), Expression(range.To)]),
        FunctionCallExpr call => Node("function call", name: call.Name, subNodes: [Node("array", subNodes: call.Arguments.Select(Expression))]),
        ArrayExpr array => Node("array", subNodes: array.Items.Select(Expression)),
        ObjectExpr obj => Node("object", subNodes: obj.Members.Select(Member)),
        SubqueryExpr subquery => Node("subquery", subNodes: QueryParts(subquery.Query)),
        ExpansionExpr expansion => Node("expansion", value: C8Value.From(expansion.Levels), subNodes:
            [Expression(expansion.Source), Expression(expansion.Projection), .. Optional(expansion.Filter), .. Optional(expansion.LimitOffset),
             .. Optional(expansion.LimitCount), .. Optional(expansion.Return)]),
        ExpansionItemExpr => Node("reference", name: "CURRENT"),
        PassthruExpr passthru => Expression(passthru.Inner),
        _ => Node("unknown"),
    };

    private static C8Value Quantity(QuantityExpr quantity) =>
        Node("quantifier", value: C8Value.From(quantity.Quantifier.ToString().ToLowerInvariant()),
            subNodes: [.. Optional(quantity.Count), .. Optional(quantity.Maximum)]);

    private static C8Value Member(ObjectMember member) => member.KeyKind switch
    {
        ObjectKeyKind.Computed => Node("calculated object element", subNodes: [Expression(member.KeyExpression!), Expression(member.Value)]),
        ObjectKeyKind.Parameter => Node("object element", name: "@" + member.Name, subNodes: [Expression(member.Value)]),
        _ => Node("object element", name: member.Name, subNodes: [Expression(member.Value)]),
    };

    private static string BinaryName(BinaryOperator op) => op switch
    {
        BinaryOperator.And => "binary and",
        BinaryOperator.Or => "binary or",
        BinaryOperator.Add => "plus",
        BinaryOperator.Subtract => "minus",
        BinaryOperator.Multiply => "times",
        BinaryOperator.Divide => "quotient",
        BinaryOperator.Modulo => "modulus",
        BinaryOperator.Equal => "compare ==",
        BinaryOperator.NotEqual => "compare !=",
        BinaryOperator.Less => "compare <",
        BinaryOperator.LessOrEqual => "compare <=",
        BinaryOperator.Greater => "compare >",
        BinaryOperator.GreaterOrEqual => "compare >=",
        BinaryOperator.In => "compare in",
        _ => "compare not in",
    };

    private static C8Value Node(string type, string? name = null, C8Value? value = null, IEnumerable<C8Value>? subNodes = null)
    {
        var builder = new C8Object.Builder(4);
        builder.Add("type", C8Value.From(type));
        if (name is not null)
        {
            builder.Add("name", C8Value.From(name));
        }
        if (value is { } v)
        {
            builder.Add("value", v);
        }
        if (subNodes is not null)
        {
            builder.Add("subNodes", C8Value.From(subNodes.ToArray()));
        }
        return C8Value.From(builder.Build());
    }
}
