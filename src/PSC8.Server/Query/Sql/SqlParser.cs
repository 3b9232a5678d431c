namespace PSC8.Server.Query.Sql;

/// <summary>
/// Recursive descent over the subset of GDN's SQL that C8 Local serves:
/// <c>SELECT cols FROM name [WHERE cond] [GROUP BY fields] [ORDER BY field [ASC|DESC], …] [LIMIT n [OFFSET m]]</c>.
/// </summary>
internal sealed class SqlParser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "AND", "OR", "NOT", "AS", "ASC", "DESC",
        "TRUE", "FALSE", "NULL", "JOIN", "HAVING", "DISTINCT", "UNION", "INSERT", "UPDATE", "DELETE", "ON", "IN", "LIKE",
        "BETWEEN", "IS",
    };

    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase) { "COUNT", "SUM", "AVG", "MIN", "MAX" };

    private static readonly Dictionary<string, string> Comparisons = new()
    {
        ["="] = "==", ["<>"] = "!=", ["!="] = "!=", ["<"] = "<", ["<="] = "<=", [">"] = ">", [">="] = ">=",
    };

    private readonly List<SqlToken> _tokens;
    private int _next;

    private SqlParser(string text) => _tokens = SqlTokenizer.Tokenize(text);

    private SqlToken Current => _tokens[_next];

    public static SqlSelect Parse(string text) => new SqlParser(text).ParseSelect();

    private SqlSelect ParseSelect()
    {
        ExpectWord("SELECT");
        var columns = ParseColumns();
        ExpectWord("FROM");
        var collection = ParseName("a collection name");
        var where = AcceptWord("WHERE") ? ParseOr() : null;
        var groupBy = new List<SqlField>();
        if (AcceptWord("GROUP"))
        {
            ExpectWord("BY");
            do
            {
                groupBy.Add(ParseField());
            }
            while (AcceptSymbol(","));
        }
        var orderBy = new List<SqlOrder>();
        if (AcceptWord("ORDER"))
        {
            ExpectWord("BY");
            do
            {
                var field = ParseField();
                var descending = AcceptWord("DESC");
                if (!descending)
                {
                    AcceptWord("ASC");
                }
                orderBy.Add(new SqlOrder(field, descending));
            }
            while (AcceptSymbol(","));
        }
        long? limit = null;
        long offset = 0;
        if (AcceptWord("LIMIT"))
        {
            limit = ParseCount("a row count after LIMIT");
            if (AcceptWord("OFFSET"))
            {
                offset = ParseCount("a row count after OFFSET");
            }
        }
        AcceptSymbol(";");
        if (Current.Kind != SqlTokenKind.End)
        {
            throw Current.Kind == SqlTokenKind.Word ? SqlErrors.Unsupported(Current) : SqlErrors.Unexpected(Current, "end of query");
        }
        return new SqlSelect(columns, collection, where, groupBy, orderBy, limit, offset);
    }

    private List<SqlColumn>? ParseColumns()
    {
        if (AcceptSymbol("*"))
        {
            return null;
        }
        var columns = new List<SqlColumn>();
        do
        {
            SqlExpression value = Current.Kind == SqlTokenKind.Word && Aggregates.Contains(Current.Text) && _tokens[_next + 1].IsSymbol("(")
                ? ParseAggregate()
                : ParseField();
            var name = AcceptWord("AS") ? ParseName("a column name after AS")
                : value is SqlAggregate aggregate ? aggregate.Text : ((SqlField)value).Path[^1];
            columns.Add(new SqlColumn(value, name));
        }
        while (AcceptSymbol(","));
        return columns;
    }

    private SqlAggregate ParseAggregate()
    {
        var function = Take().Text.ToUpperInvariant();
        ExpectSymbol("(");
        var argument = function == "COUNT" && AcceptSymbol("*") ? null : ParseField();
        ExpectSymbol(")");
        return new SqlAggregate(function, argument);
    }

    private SqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (AcceptWord("OR"))
        {
            left = new SqlLogical("||", left, ParseAnd());
        }
        return left;
    }

    private SqlExpression ParseAnd()
    {
        var left = ParseNot();
        while (AcceptWord("AND"))
        {
            left = new SqlLogical("&&", left, ParseNot());
        }
        return left;
    }

    private SqlExpression ParseNot()
    {
        if (AcceptWord("NOT"))
        {
            return new SqlNot(ParseNot());
        }
        if (AcceptSymbol("("))
        {
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }
        var left = ParseOperand();
        var op = Current.Kind == SqlTokenKind.Symbol && Comparisons.TryGetValue(Current.Text, out var c8ql) ? c8ql
            : throw (Current.Kind == SqlTokenKind.Word && Reserved.Contains(Current.Text) && !IsClauseWord(Current)
                ? SqlErrors.Unsupported(Current)
                : SqlErrors.Unexpected(Current, "a comparison (=, <>, !=, <, <=, >, >=)"));
        Take();
        return new SqlComparison(op, left, ParseOperand());
    }

    private SqlExpression ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                Take();
                return new SqlLiteral(Number(token.Text));
            case SqlTokenKind.Symbol when token.Text == "-" && _tokens[_next + 1].Kind == SqlTokenKind.Number:
                Take();
                return new SqlLiteral(Number("-" + Take().Text));
            case SqlTokenKind.String:
                Take();
                return new SqlLiteral(C8Value.From(token.Text));
            case SqlTokenKind.Parameter:
                Take();
                return int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? new SqlParameter(n)
                    : throw SqlErrors.At($"parameter '${token.Text}' must be numbered from $1", token.Position);
            case SqlTokenKind.Word when token.IsWord("TRUE") || token.IsWord("FALSE"):
                Take();
                return new SqlLiteral(C8Value.From(token.IsWord("TRUE")));
            case SqlTokenKind.Word when token.IsWord("NULL"):
                Take();
                return new SqlLiteral(C8Value.Null);
            case SqlTokenKind.Word when Aggregates.Contains(token.Text) && _tokens[_next + 1].IsSymbol("("):
                throw SqlErrors.Unsupported(token);
            default:
                return ParseField();
        }
    }

    private static C8Value Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? C8Value.From(whole)
            : C8Value.From(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    private SqlField ParseField()
    {
        var path = new List<string> { ParseName("a field name") };
        while (AcceptSymbol("."))
        {
            path.Add(ParseName("a field name after '.'"));
        }
        return new SqlField(path);
    }

    private string ParseName(string expected)
    {
        var token = Current;
        if (token.Kind == SqlTokenKind.QuotedName || (token.Kind == SqlTokenKind.Word && !Reserved.Contains(token.Text)))
        {
            Take();
            return token.Text;
        }
        if (token.Kind == SqlTokenKind.Parameter)
        {
            throw C8Errors.BadRequest($"SQL error: {expected} cannot be a bind parameter ({token.Describe()})");
        }
        throw token.Kind == SqlTokenKind.Word && !IsClauseWord(token) ? SqlErrors.Unsupported(token) : SqlErrors.Unexpected(token, expected);
    }

    private long ParseCount(string expected)
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.Number || !long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw SqlErrors.Unexpected(token, expected);
        }
        Take();
        return count;
    }

    private static bool IsClauseWord(SqlToken token) =>
        token.IsWord("FROM") || token.IsWord("WHERE") || token.IsWord("GROUP") || token.IsWord("ORDER") || token.IsWord("LIMIT")
        || token.IsWord("OFFSET") || token.IsWord("BY") || token.IsWord("AS") || token.IsWord("AND") || token.IsWord("OR");

    private SqlToken Take() => _tokens[_next < _tokens.Count - 1 ? _next++ : _next];

    private bool AcceptWord(string word)
    {
        if (!Current.IsWord(word))
        {
            return false;
        }
        Take();
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }
        Take();
        return true;
    }

    private void ExpectWord(string word)
    {
        if (!AcceptWord(word))
        {
            throw SqlErrors.Unexpected(Current, word);
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw SqlErrors.Unexpected(Current, $"'{symbol}'");
        }
    }
}
