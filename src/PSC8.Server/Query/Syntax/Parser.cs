namespace PSC8.Server.Query.Syntax;

/// <summary>
/// Recursive-descent parser for C8QL. Operator precedence, lowest first: ternary, OR, AND,
/// array comparison (ALL/ANY/NONE), equality and LIKE/regex, IN, relational, range, additive,
/// multiplicative, unary, then postfix member access, indexing and expansion.
/// Function names and argument counts are checked here, as C8QL reports them at parse time.
/// This file holds the token cursor and shared state; statements and expressions have their own files.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Bounds recursion so that hostile nesting fails with 1501 instead of exhausting the stack.</summary>
    private const int MaxNesting = 120;

    /// <summary>Bounds array expansions, which nest into one another when chained (<c>a[*][*]…</c>).</summary>
    private const int MaxExpansions = 256;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<string> _valueParameters = new();
    private readonly List<string> _collectionParameters = new();
    private int _position;
    private int _nesting;
    private int _nextExpansionId;

    /// <summary>
    /// False while parsing the top level of a write operation's expression, where IN introduces the
    /// target collection (<c>REMOVE x IN c</c>) rather than the IN operator. Brackets re-allow it.
    /// </summary>
    private bool _inOperatorAllowed = true;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static ParsedQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw QueryErrors.Empty();
        }
        var tokens = Lexer.Tokenize(text);
        if (tokens.Count == 1)
        {
            throw QueryErrors.Empty();
        }
        var parser = new Parser(text, tokens);
        var with = parser.ParseWith();
        var root = parser.ParseQueryBody(with, tokens[0].Position);
        parser.Expect(TokenKind.End);
        return new ParsedQuery(text, root, parser._valueParameters, parser._collectionParameters);
    }

    private Token Current => _tokens[_position];

    private Token PeekToken(int ahead = 1) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_position];
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }
        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw SyntaxError.Unexpected(_text, Current);
        }
        return Advance();
    }

    private C8Exception Unexpected() => SyntaxError.Unexpected(_text, Current);

    private string ExpectName()
    {
        if (!Current.IsName)
        {
            throw Unexpected();
        }
        return Advance().Text;
    }

    private T WithInOperator<T>(bool allowed, Func<T> parse)
    {
        var saved = _inOperatorAllowed;
        _inOperatorAllowed = allowed;
        try
        {
            return parse();
        }
        finally
        {
            _inOperatorAllowed = saved;
        }
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw SyntaxError.At(_text, Current.Position, "query is too deeply nested");
        }
    }

    private static void AddParameter(List<string> parameters, string name)
    {
        if (!parameters.Contains(name))
        {
            parameters.Add(name);
        }
    }
}
