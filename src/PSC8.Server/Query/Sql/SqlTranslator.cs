namespace PSC8.Server.Query.Sql;

/// <summary>
/// Turns a parsed SELECT into C8QL over one collection. Plain selects become FOR/FILTER/SORT/LIMIT/RETURN;
/// aggregates gather the matching documents into <c>rows</c> (per group with COLLECT … INTO, or one subquery
/// without GROUP BY, so an empty collection still answers one row with COUNT 0) and compute each aggregate over it.
/// </summary>
internal sealed class SqlTranslator
{
    private const string Doc = "d";
    private readonly C8Object.Builder _literals = new();
    private readonly SortedSet<int> _parameters = [];
    private int _literalCount;

    public static SqlTranslation Translate(string sql)
    {
        var translator = new SqlTranslator();
        var c8ql = translator.Write(SqlParser.Parse(sql));
        return new SqlTranslation(c8ql, translator._literals.Build(), [.. translator._parameters]);
    }

    private string Write(SqlSelect select)
    {
        var text = new StringBuilder($"FOR {Doc} IN {Quote(select.Collection)}");
        if (select.Where is { } where)
        {
            text.Append(" FILTER ").Append(Expression(where));
        }
        var grouped = select.GroupBy.Count > 0 || (select.Columns?.Any(c => c.Value is SqlAggregate) ?? false);
        var names = grouped ? Grouped(select, text) : null;
        if (select.OrderBy.Count > 0)
        {
            text.Append(" SORT ").AppendJoin(", ", select.OrderBy.Select(o =>
                $"{(names is null ? Field(Doc, o.Field) : Resolve(names, o.Field))} {(o.Descending ? "DESC" : "ASC")}"));
        }
        if (select.Limit is { } limit)
        {
            text.Append(CultureInfo.InvariantCulture, $" LIMIT {select.Offset}, {limit}");
        }
        text.Append(" RETURN ");
        if (names is not null)
        {
            text.Append('{').AppendJoin(", ", select.Columns!.Select(c => $"{Quote(c.Name)}: {names[Key(c.Value)]}")).Append('}');
        }
        else if (select.Columns is null)
        {
            text.Append(Doc);
        }
        else
        {
            text.Append('{').AppendJoin(", ", select.Columns.Select(c => $"{Quote(c.Name)}: {Field(Doc, (SqlField)c.Value)}")).Append('}');
        }
        return text.ToString();
    }

    /// <summary>Writes the grouping and one LET per aggregate; answers the C8QL variable for each column's value.</summary>
    private static Dictionary<string, string> Grouped(SqlSelect select, StringBuilder text)
    {
        if (select.Columns is null)
        {
            throw C8Errors.BadRequest("SQL error: SELECT * cannot be combined with GROUP BY or aggregates");
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (select.GroupBy.Count > 0)
        {
            text.Append(" COLLECT ").AppendJoin(", ", select.GroupBy.Select((g, i) => $"g{i} = {Field(Doc, g)}"));
            text.Append($" INTO rows = {Doc}");
            for (var i = 0; i < select.GroupBy.Count; i++)
            {
                names[select.GroupBy[i].Text] = $"g{i}";
            }
        }
        else
        {
            // One pass over all matching documents; the outer loop runs once so that SORT/LIMIT/OFFSET still apply.
            var filtered = text.ToString();
            text.Clear().Append($"FOR rows IN [({filtered} RETURN {Doc})]");
        }
        for (var i = 0; i < select.Columns.Count; i++)
        {
            var column = select.Columns[i];
            if (column.Value is SqlAggregate aggregate)
            {
                text.Append(CultureInfo.InvariantCulture, $" LET a{i} = {Aggregate(aggregate)}");
                names[aggregate.Text] = $"a{i}";
                names.TryAdd(column.Name, $"a{i}");
            }
            else if (!names.ContainsKey(((SqlField)column.Value).Text))
            {
                throw C8Errors.BadRequest($"SQL error: column '{((SqlField)column.Value).Text}' must appear in GROUP BY or be inside an aggregate");
            }
        }
        return names;
    }

    private static string Key(SqlExpression value) => value is SqlAggregate aggregate ? aggregate.Text : ((SqlField)value).Text;

    private static string Resolve(Dictionary<string, string> names, SqlField field) =>
        names.TryGetValue(field.Text, out var name) ? name
            : throw C8Errors.BadRequest($"SQL error: ORDER BY '{field.Text}' must name a grouped column or an aggregate's name");

    private static string Aggregate(SqlAggregate aggregate)
    {
        if (aggregate.Argument is null)
        {
            return "LENGTH(rows)";
        }
        var values = $"rows[*]{Path(aggregate.Argument)}";
        return aggregate.Function switch
        {
            // SQL counts the rows whose value is not NULL.
            "COUNT" => $"LENGTH(REMOVE_VALUE({values}, null))",
            _ => $"{aggregate.Function}({values})",
        };
    }

    private string Expression(SqlExpression expression) => expression switch
    {
        SqlLogical logical => $"({Expression(logical.Left)} {logical.Operator} {Expression(logical.Right)})",
        SqlNot not => $"(NOT {Expression(not.Operand)})",
        SqlComparison comparison => $"({Expression(comparison.Left)} {comparison.Operator} {Expression(comparison.Right)})",
        SqlField field => Field(Doc, field),
        SqlParameter parameter => Parameter(parameter.Number),
        SqlLiteral literal => Literal(literal.Value),
        _ => throw new InvalidOperationException($"unexpected SQL expression {expression.GetType().Name}"),
    };

    private string Parameter(int number)
    {
        _parameters.Add(number);
        return "@" + SqlTranslation.ParameterName(number);
    }

    /// <summary>Literals travel as bind variables, so no SQL text is ever pasted into the C8QL.</summary>
    private string Literal(C8Value value)
    {
        var name = "l" + _literalCount++.ToString(CultureInfo.InvariantCulture);
        _literals.Set(name, value);
        return "@" + name;
    }

    private static string Field(string variable, SqlField field) => variable + Path(field);

    private static string Path(SqlField field) => string.Concat(field.Path.Select(p => "." + Quote(p)));

    private static string Quote(string name) =>
        name.Contains('`', StringComparison.Ordinal) || name.Length == 0
            ? throw C8Errors.BadRequest($"SQL error: invalid name '{name}'")
            : $"`{name}`";
}
