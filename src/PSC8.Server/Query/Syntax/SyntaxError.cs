namespace PSC8.Server.Query.Syntax;

/// <summary>Builds 1501 errors in C8QL's wording: "syntax error, … near '…' at position line:column".</summary>
internal static class SyntaxError
{
    private const int SnippetLength = 32;

    public static C8Exception At(string query, SourcePosition position, string problem) =>
        QueryErrors.Syntax($"syntax error, {problem} near '{Snippet(query, position.Offset)}' at position {position}");

    public static C8Exception Unexpected(string query, Token token) => At(query, token.Position, $"unexpected {Describe(token)}");

    /// <summary>A semantic problem found while parsing, reported with the position but without "syntax error".</summary>
    public static C8Exception Invalid(string query, SourcePosition position, string problem) =>
        QueryErrors.Syntax($"{problem} near '{Snippet(query, position.Offset)}' at position {position}");

    private static string Snippet(string query, int offset)
    {
        if (offset >= query.Length)
        {
            return string.Empty;
        }
        var rest = query.Length - offset;
        return rest > SnippetLength ? query.Substring(offset, SnippetLength) + "..." : query[offset..];
    }

    /// <summary>Token names as C8QL's parser reports them.</summary>
    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "end of query string",
        TokenKind.Identifier or TokenKind.QuotedName => "identifier",
        TokenKind.String => "quoted string",
        TokenKind.Integer => "integer number",
        TokenKind.Double => "number",
        TokenKind.BindParameter => "bind parameter",
        TokenKind.CollectionBindParameter => "bind data source parameter",
        TokenKind.For or TokenKind.Let or TokenKind.Filter or TokenKind.Return or TokenKind.Collect
            or TokenKind.Sort or TokenKind.Limit => $"{token.Text.ToUpperInvariant()} declaration",
        TokenKind.Remove or TokenKind.Insert or TokenKind.Update or TokenKind.Replace
            or TokenKind.Upsert => $"{token.Text.ToUpperInvariant()} command",
        TokenKind.Distinct => "DISTINCT modifier",
        TokenKind.Outbound or TokenKind.Inbound or TokenKind.Any or TokenKind.All
            or TokenKind.None => $"{token.Text.ToLowerInvariant()} modifier",
        TokenKind.Not or TokenKind.Bang => "not operator",
        TokenKind.And => "and operator",
        TokenKind.Or => "or operator",
        TokenKind.Like => "like operator",
        TokenKind.Null or TokenKind.True or TokenKind.False => token.Text.ToLowerInvariant(),
        TokenKind.Assign => "assignment",
        _ when token.IsKeyword => $"{token.Text.ToUpperInvariant()} keyword",
        TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater
            or TokenKind.GreaterOrEqual or TokenKind.RegexMatch or TokenKind.RegexNonMatch or TokenKind.Plus
            or TokenKind.Minus or TokenKind.Star or TokenKind.Slash or TokenKind.Percent => $"{token.Text} operator",
        _ => token.Text,
    };
}
