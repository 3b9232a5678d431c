namespace PSC8.Server.Query.Sql;

internal enum SqlTokenKind
{
    Word,
    QuotedName,
    Number,
    String,
    Parameter,
    Symbol,
    End,
}

/// <summary>One token of a SQL text; <see cref="Position"/> is its 1-based character offset, for error messages.</summary>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    public string Describe() => Kind == SqlTokenKind.End ? "end of query" : $"'{Text}' at position {Position}";
}
