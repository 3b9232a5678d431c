namespace PSC8.Server.Query.Sql;

/// <summary>Splits GDN-dialect SQL into words, quoted names, literals, $n parameters and symbols.</summary>
internal static class SqlTokenizer
{
    private static readonly string[] Symbols = ["<>", "!=", "<=", ">=", "=", "<", ">", "(", ")", ",", "*", ".", ";", "-"];

    public static List<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                tokens.Add(new SqlToken(SqlTokenKind.End, string.Empty, i + 1));
                return tokens;
            }
            var start = i;
            var c = text[i];
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new SqlToken(SqlTokenKind.Word, text[start..i], start + 1));
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                tokens.Add(new SqlToken(SqlTokenKind.Number, text[start..i], start + 1));
            }
            else if (c == '$')
            {
                i++;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }
                if (i == start + 1)
                {
                    throw SqlErrors.At("'$' must be followed by a parameter number", start + 1);
                }
                tokens.Add(new SqlToken(SqlTokenKind.Parameter, text[(start + 1)..i], start + 1));
            }
            else if (c is '\'' or '"' or '`')
            {
                var (value, end) = ScanQuoted(text, i);
                i = end;
                tokens.Add(new SqlToken(c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedName, value, start + 1));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    ?? throw SqlErrors.At($"unexpected character '{c}'", start + 1);
                i += symbol.Length;
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol, start + 1));
            }
        }
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }
        if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }
        }
        return i;
    }

    /// <summary>A quoted run; the quote character doubled stands for itself, as in standard SQL.</summary>
    private static (string Value, int End) ScanQuoted(string text, int i)
    {
        var quote = text[i];
        var value = new StringBuilder();
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] != quote)
            {
                value.Append(text[j]);
            }
            else if (j + 1 < text.Length && text[j + 1] == quote)
            {
                value.Append(quote);
                j++;
            }
            else
            {
                return (value.ToString(), j + 1);
            }
        }
        throw SqlErrors.At("unterminated quoted text", i + 1);
    }
}
