namespace PSC8.Server.Query.Sql;

/// <summary>Every SQL failure is GDN's 400 with errorNum 10, naming where the text went wrong.</summary>
internal static class SqlErrors
{
    public static C8Exception At(string message, int position) =>
        C8Errors.BadRequest($"SQL syntax error: {message} at position {position}");

    public static C8Exception Unexpected(SqlToken token, string expected) =>
        C8Errors.BadRequest($"SQL syntax error: unexpected {token.Describe()}, expected {expected}");

    public static C8Exception Unsupported(SqlToken token) =>
        C8Errors.BadRequest($"SQL not supported by C8 Local: {token.Describe()} (supported: SELECT fields or * or aggregates FROM one collection, WHERE, GROUP BY, ORDER BY, LIMIT/OFFSET)");
}
