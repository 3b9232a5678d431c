namespace PSC8.Server.Query.Syntax;

internal enum TokenKind
{
    End,
    Identifier,
    QuotedName,
    String,
    Integer,
    Double,
    BindParameter,
    CollectionBindParameter,

    // keywords
    For,
    Let,
    Filter,
    Return,
    Collect,
    Sort,
    Limit,
    Distinct,
    Aggregate,
    Asc,
    Desc,
    Not,
    And,
    Or,
    In,
    Into,
    With,
    Remove,
    Insert,
    Update,
    Replace,
    Upsert,
    Window,
    Graph,
    ShortestPath,
    KShortestPaths,
    KPaths,
    Outbound,
    Inbound,
    Any,
    All,
    None,
    Like,
    Null,
    True,
    False,

    // operators and punctuation
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    RegexMatch,
    RegexNonMatch,
    Assign,
    Bang,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Question,
    Colon,
    Scope,
    Range,
    Dot,
    Comma,
    OpenParen,
    CloseParen,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
}

/// <summary>A position in the query text: 1-based line and column, as C8QL error messages show them.</summary>
internal readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// One lexical token. <see cref="Text"/> is the decoded value for names, strings and bind parameters
/// (without the @ signs); <see cref="Number"/> holds numeric literals, integers exactly where they fit in 64 bits.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, C8Value Number, SourcePosition Position, int Length)
{
    /// <summary>A name that may be used as a variable, collection or attribute.</summary>
    public bool IsName => Kind is TokenKind.Identifier or TokenKind.QuotedName;

    public bool IsKeyword => Kind >= TokenKind.For && Kind <= TokenKind.False;

    /// <summary>An unquoted identifier with this text, compared case-insensitively (contextual words such as KEEP).</summary>
    public bool IsWord(string word) =>
        Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}
