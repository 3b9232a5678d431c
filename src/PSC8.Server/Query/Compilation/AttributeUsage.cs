using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query.Compilation;

/// <summary>
/// Which top-level attributes of a loop variable the rest of a query reads, when attributes are all it reads:
/// <c>FOR d IN c FILTER d.a &gt; 1 RETURN d.b</c> needs only a and b of each document, so the store decodes
/// only those. Any other use needs the whole document: the variable on its own (<c>RETURN d</c>,
/// <c>UPDATE d</c>, <c>MERGE(d, …)</c>, <c>LENGTH(d)</c>, <c>d[*]</c>, <c>d[expr]</c>, <c>d.@attribute</c>,
/// <c>{ d }</c>), KEEP d, and COLLECT … INTO without an expression, which captures every variable in scope.
/// Since C8QL forbids redeclaring a visible variable, a name can only mean another variable where the first
/// is out of scope; counting those uses too only makes the answer more cautious.
/// </summary>
internal static class AttributeUsage
{
    /// <summary>The attributes read, in first-use order; null when the whole value is needed.</summary>
    public static IReadOnlyList<string>? Of(string variable, IEnumerable<Operation> following)
    {
        var usage = new Collector(variable);
        return following.All(usage.Operation) ? usage.Attributes : null;
    }

    private sealed class Collector(string variable)
    {
        private readonly List<string> _attributes = new();

        public IReadOnlyList<string> Attributes => _attributes;

        /// <summary>False when the operation needs the whole variable.</summary>
        public bool Operation(Operation operation) => operation switch
        {
            ForOperation loop => Expression(loop.Source) && Optional(loop.Options),
            LetOperation let => Expression(let.Value),
            FilterOperation filter => Expression(filter.Condition),
            SortOperation sort => sort.Keys.All(key => Expression(key.Value) && Optional(key.Direction)),
            LimitOperation limit => Optional(limit.Offset) && Expression(limit.Count),
            CollectOperation collect => Collect(collect),
            WindowOperation window => Optional(window.RangeValue) && Expression(window.Bounds) && window.Aggregates.All(a => a.Arguments.All(Expression)),
            ReturnOperation ret => Expression(ret.Value),
            ModificationOperation modification => Optional(modification.Key) && Optional(modification.Document) &&
                Optional(modification.UpsertSearch) && Optional(modification.UpsertUpdate) && Optional(modification.Options),
            _ => false,
        };

        private bool Collect(CollectOperation collect)
        {
            if ((collect.Into is not null && collect.IntoExpression is null) || collect.Keep.Any(k => k.Name == variable))
            {
                return false;
            }
            return collect.Groups.All(g => Expression(g.Value)) &&
                collect.Aggregates.All(a => a.Arguments.All(Expression)) &&
                Optional(collect.IntoExpression) && Optional(collect.Options);
        }

        private bool Query(QueryNode query) => query.Operations.All(Operation);

        private bool Optional(Expr? expr) => expr is null || Expression(expr);

        private bool Quantity(QuantityExpr quantity) => Optional(quantity.Count) && Optional(quantity.Maximum);

        /// <summary>False when the expression needs the whole variable.</summary>
        private bool Expression(Expr expr)
        {
            switch (expr)
            {
                case AttributeExpr { Subject: NameExpr subject } attribute when subject.Name == variable:
                    if (!_attributes.Contains(attribute.Name))
                    {
                        _attributes.Add(attribute.Name);
                    }
                    return true;
                case NameExpr name:
                    return name.Name != variable;
                case LiteralExpr or BindParameterExpr or CollectionParameterExpr or ExpansionItemExpr:
                    return true;
                case AttributeExpr attribute:
                    return Expression(attribute.Subject);
                case BoundAttributeExpr bound:
                    return Expression(bound.Subject);
                case IndexExpr index:
                    return Expression(index.Subject) && Expression(index.Index);
                case UnaryExpr unary:
                    return Expression(unary.Operand);
                case BinaryExpr binary:
                    return Expression(binary.Left) && Expression(binary.Right);
                case ArrayComparisonExpr comparison:
                    return Expression(comparison.Left) && Expression(comparison.Right) && Quantity(comparison.Quantity);
                case QuestionMarkExpr question:
                    return Expression(question.Source) && Quantity(question.Quantity) && Optional(question.Filter);
                case TernaryExpr ternary:
                    return Expression(ternary.Condition) && Optional(ternary.WhenTrue) && Expression(ternary.WhenFalse);
                case RangeExpr range:
                    return Expression(range.From) && Expression(range.To);
                case FunctionCallExpr call:
                    return call.Arguments.All(Expression);
                case ArrayExpr array:
                    return array.Items.All(Expression);
                case ObjectExpr obj:
                    return obj.Members.All(m => Optional(m.KeyExpression) && Expression(m.Value));
                case SubqueryExpr subquery:
                    return Query(subquery.Query);
                case ExpansionExpr expansion:
                    return Expression(expansion.Source) && Optional(expansion.Filter) && Optional(expansion.LimitOffset) &&
                        Optional(expansion.LimitCount) && Optional(expansion.Return) && Expression(expansion.Projection);
                case PassthruExpr passthru:
                    return Expression(passthru.Inner);
                default:
                    return false;
            }
        }
    }
}
