namespace PSC8.Server.Query.Syntax;

/// <summary>
/// Turns C8QL text into tokens. Keywords are case-insensitive; names are case-sensitive and may be
/// quoted with backticks or forward ticks (´); strings use single or double quotes with backslash escapes.
/// </summary>
internal sealed class Lexer
{
    private const char ForwardTick = '\u00B4';

    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FOR"] = TokenKind.For,
        ["LET"] = TokenKind.Let,
        ["FILTER"] = TokenKind.Filter,
        ["RETURN"] = TokenKind.Return,
        ["COLLECT"] = TokenKind.Collect,
        ["SORT"] = TokenKind.Sort,
        ["LIMIT"] = TokenKind.Limit,
        ["DISTINCT"] = TokenKind.Distinct,
        ["AGGREGATE"] = TokenKind.Aggregate,
        ["ASC"] = TokenKind.Asc,
        ["DESC"] = TokenKind.Desc,
        ["NOT"] = TokenKind.Not,
        ["AND"] = TokenKind.And,
        ["OR"] = TokenKind.Or,
        ["IN"] = TokenKind.In,
        ["INTO"] = TokenKind.Into,
        ["WITH"] = TokenKind.With,
        ["REMOVE"] = TokenKind.Remove,
        ["INSERT"] = TokenKind.Insert,
        ["UPDATE"] = TokenKind.Update,
        ["REPLACE"] = TokenKind.Replace,
        ["UPSERT"] = TokenKind.Upsert,
        ["WINDOW"] = TokenKind.Window,
        ["GRAPH"] = TokenKind.Graph,
        ["SHORTEST_PATH"] = TokenKind.ShortestPath,
        ["K_SHORTEST_PATHS"] = TokenKind.KShortestPaths,
        ["K_PATHS"] = TokenKind.KPaths,
        ["OUTBOUND"] = TokenKind.Outbound,
        ["INBOUND"] = TokenKind.Inbound,
        ["ANY"] = TokenKind.Any,
        ["ALL"] = TokenKind.All,
        ["NONE"] = TokenKind.None,
        ["LIKE"] = TokenKind.Like,
        ["NULL"] = TokenKind.Null,
        ["TRUE"] = TokenKind.True,
        ["FALSE"] = TokenKind.False,
    };

    private readonly string _text;
    private readonly List<Token> _tokens = new();
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text)
    {
        _text = text;
    }

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private SourcePosition Here => new(_offset, _line, _offset - _lineStart + 1);

    private char Peek(int ahead = 0) => _offset + ahead < _text.Length ? _text[_offset + ahead] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (_offset >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, string.Empty, default, Here, 0));
                return;
            }
            _tokens.Add(Next());
        }
    }

    private void SkipTrivia()
    {
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == '\n')
            {
                NewLine(_offset + 1);
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                _offset++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_offset < _text.Length && _text[_offset] != '\n')
                {
                    _offset++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>An unterminated block comment simply runs to the end of the query.</summary>
    private void SkipBlockComment()
    {
        _offset += 2;
        while (_offset < _text.Length)
        {
            if (_text[_offset] == '*' && Peek(1) == '/')
            {
                _offset += 2;
                return;
            }
            if (_text[_offset] == '\n')
            {
                NewLine(_offset + 1);
            }
            else
            {
                _offset++;
            }
        }
    }

    private void NewLine(int next)
    {
        _offset = next;
        _line++;
        _lineStart = next;
    }

    private Token Next()
    {
        var start = Here;
        var c = _text[_offset];
        if (char.IsAsciiLetter(c) || c == '_' || (c == '$' && char.IsAsciiLetter(Peek(1))))
        {
            return Name(start);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)) && !PreviousEndsOperand()))
        {
            return NumberLiteral(start);
        }
        switch (c)
        {
            case '"':
            case '\'':
                return new Token(TokenKind.String, Quoted(start, c, "quoted string"), default, start, _offset - start.Offset);
            case '`':
            case ForwardTick:
                return new Token(TokenKind.QuotedName, Quoted(start, c, "quoted name"), default, start, _offset - start.Offset);
            case '@':
                return BindParameter(start);
        }
        var (kind, length) = Operator(c, Peek(1), Peek(2));
        if (length == 0)
        {
            throw SyntaxError.At(_text, start, $"unexpected character '{c}'");
        }
        _offset += length;
        return new Token(kind, _text.Substring(start.Offset, length), default, start, length);
    }

    /// <summary>Whether a '.' right now is attribute access rather than the start of ".5".</summary>
    private bool PreviousEndsOperand()
    {
        if (_tokens.Count == 0)
        {
            return false;
        }
        return _tokens[^1].Kind is TokenKind.Identifier or TokenKind.QuotedName or TokenKind.String
            or TokenKind.Integer or TokenKind.Double or TokenKind.BindParameter or TokenKind.CloseParen
            or TokenKind.CloseBracket or TokenKind.CloseBrace;
    }

    private static (TokenKind Kind, int Length) Operator(char c, char next, char after) => c switch
    {
        '=' when next == '=' => (TokenKind.Equal, 2),
        '=' when next == '~' => (TokenKind.RegexMatch, 2),
        '=' => (TokenKind.Assign, 1),
        '!' when next == '=' => (TokenKind.NotEqual, 2),
        '!' when next == '~' => (TokenKind.RegexNonMatch, 2),
        '!' => (TokenKind.Bang, 1),
        '<' when next == '=' => (TokenKind.LessOrEqual, 2),
        '<' => (TokenKind.Less, 1),
        '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
        '>' => (TokenKind.Greater, 1),
        '&' when next == '&' => (TokenKind.And, 2),
        '|' when next == '|' => (TokenKind.Or, 2),
        '+' => (TokenKind.Plus, 1),
        '-' => (TokenKind.Minus, 1),
        '*' => (TokenKind.Star, 1),
        '/' => (TokenKind.Slash, 1),
        '%' => (TokenKind.Percent, 1),
        '?' => (TokenKind.Question, 1),
        ':' when next == ':' => (TokenKind.Scope, 2),
        ':' => (TokenKind.Colon, 1),
        '.' when next == '.' && after != '.' => (TokenKind.Range, 2),
        '.' => (TokenKind.Dot, 1),
        ',' => (TokenKind.Comma, 1),
        '(' => (TokenKind.OpenParen, 1),
        ')' => (TokenKind.CloseParen, 1),
        '{' => (TokenKind.OpenBrace, 1),
        '}' => (TokenKind.CloseBrace, 1),
        '[' => (TokenKind.OpenBracket, 1),
        ']' => (TokenKind.CloseBracket, 1),
        _ => (TokenKind.End, 0),
    };

    /// <summary>Names follow <c>$?[a-zA-Z][_a-zA-Z0-9]*</c> or <c>_+[a-zA-Z]+[_a-zA-Z0-9]*</c>.</summary>
    private Token Name(SourcePosition start)
    {
        if (_text[_offset] == '$')
        {
            _offset++;
        }
        else if (_text[_offset] == '_')
        {
            while (Peek() == '_')
            {
                _offset++;
            }
            if (!char.IsAsciiLetter(Peek()))
            {
                throw SyntaxError.At(_text, start, "unexpected character '_'");
            }
        }
        while (_offset < _text.Length && (char.IsAsciiLetterOrDigit(_text[_offset]) || _text[_offset] == '_'))
        {
            _offset++;
        }
        var word = _text.Substring(start.Offset, _offset - start.Offset);
        var kind = Keywords.TryGetValue(word, out var keyword) ? keyword : TokenKind.Identifier;
        return new Token(kind, word, default, start, word.Length);
    }

    private Token NumberLiteral(SourcePosition start)
    {
        if (_text[_offset] == '0' && (Peek(1) == 'x' || Peek(1) == 'X') && char.IsAsciiHexDigit(Peek(2)))
        {
            return RadixLiteral(start, 16, char.IsAsciiHexDigit);
        }
        if (_text[_offset] == '0' && (Peek(1) == 'b' || Peek(1) == 'B') && (Peek(2) == '0' || Peek(2) == '1'))
        {
            return RadixLiteral(start, 2, ch => ch == '0' || ch == '1');
        }
        var isDouble = false;
        if (_text[_offset] == '0')
        {
            // C8QL integers have no leading zeros: "01" is the two numbers 0 and 1.
            _offset++;
        }
        else
        {
            SkipDigits();
        }
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isDouble = true;
            _offset++;
            SkipDigits();
        }
        if ((Peek() == 'e' || Peek() == 'E') &&
            (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsAsciiDigit(Peek(2)))))
        {
            isDouble = true;
            _offset += 2;
            SkipDigits();
        }
        var text = _text.Substring(start.Offset, _offset - start.Offset);
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw SyntaxError.At(_text, start, "number out of range");
        }
        var number = !isDouble && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
            ? C8Value.From(integer)
            : C8Value.From(value);
        return new Token(isDouble ? TokenKind.Double : TokenKind.Integer, text, number, start, text.Length);
    }

    /// <summary>0x… and 0b… literals: exact while they fit in 64 bits, a double beyond.</summary>
    private Token RadixLiteral(SourcePosition start, int radix, Func<char, bool> isDigit)
    {
        _offset += 2;
        double value = 0;
        long exact = 0;
        var fits = true;
        while (_offset < _text.Length && isDigit(_text[_offset]))
        {
            var c = _text[_offset];
            var digit = char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            value = value * radix + digit;
            fits &= exact <= (long.MaxValue - digit) / radix;
            exact = fits ? exact * radix + digit : 0;
            _offset++;
        }
        var text = _text.Substring(start.Offset, _offset - start.Offset);
        return new Token(TokenKind.Integer, text, fits ? C8Value.From(exact) : C8Value.From(value), start, text.Length);
    }

    private void SkipDigits()
    {
        while (_offset < _text.Length && char.IsAsciiDigit(_text[_offset]))
        {
            _offset++;
        }
    }

    private Token BindParameter(SourcePosition start)
    {
        _offset++;
        var kind = TokenKind.BindParameter;
        if (Peek() == '@')
        {
            kind = TokenKind.CollectionBindParameter;
            _offset++;
        }
        var nameStart = _offset;
        while (Peek() == '_')
        {
            _offset++;
        }
        if (!char.IsAsciiLetterOrDigit(Peek()))
        {
            throw SyntaxError.At(_text, start, "unexpected character '@'");
        }
        while (_offset < _text.Length && (char.IsAsciiLetterOrDigit(_text[_offset]) || _text[_offset] == '_'))
        {
            _offset++;
        }
        var name = _text.Substring(nameStart, _offset - nameStart);
        return new Token(kind, name, default, start, _offset - start.Offset);
    }

    /// <summary>Reads a quoted string or name. Unknown escapes stand for the escaped character itself.</summary>
    private string Quoted(SourcePosition start, char quote, string what)
    {
        _offset++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_offset >= _text.Length)
            {
                throw SyntaxError.At(_text, start, $"unexpected unterminated {what}");
            }
            var c = _text[_offset];
            if (c == quote)
            {
                _offset++;
                return builder.ToString();
            }
            if (c == '\n')
            {
                builder.Append(c);
                NewLine(_offset + 1);
                continue;
            }
            if (c != '\\' || _offset + 1 >= _text.Length)
            {
                builder.Append(c);
                _offset++;
                continue;
            }
            _offset++;
            AppendEscape(builder, _text[_offset]);
        }
    }

    private void AppendEscape(StringBuilder builder, char escaped)
    {
        _offset++;
        switch (escaped)
        {
            case 'n':
                builder.Append('\n');
                break;
            case 'r':
                builder.Append('\r');
                break;
            case 't':
                builder.Append('\t');
                break;
            case 'b':
                builder.Append('\b');
                break;
            case 'f':
                builder.Append('\f');
                break;
            case 'u' when HasHexDigits(4):
                builder.Append((char)int.Parse(_text.AsSpan(_offset, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                _offset += 4;
                break;
            case '\n':
                builder.Append('\n');
                NewLine(_offset);
                break;
            default:
                builder.Append(escaped);
                break;
        }
    }

    private bool HasHexDigits(int count)
    {
        if (_offset + count > _text.Length)
        {
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiHexDigit(_text[_offset + i]))
            {
                return false;
            }
        }
        return true;
    }
}
