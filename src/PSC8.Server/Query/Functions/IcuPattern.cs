namespace PSC8.Server.Query.Functions;

/// <summary>
/// Rewrites ArangoDB's (ICU) regular expression syntax into .NET's where the two differ: <c>.</c> matches no line
/// terminator (\n, \v, \f, \r, U+0085, U+2028, U+2029; .NET only excludes \n), <c>$</c> matches at the end or before a
/// line terminator that ends the text, <c>\Q…\E</c> quotes, <c>\x{…}</c> is a code point. Patterns that set the s or
/// m flag inline (<c>(?s)</c>, <c>(?m)</c>) keep their <c>.</c> and <c>$</c> as written, since those flags change them.
/// In replacements ICU reads a backslash as "the next character literally", where .NET writes a dollar as <c>$$</c>.
/// </summary>
internal static class IcuPattern
{
    private const string LineTerminators = @"\n\v\f\r\u0085\u2028\u2029";
    private const string AnyButLineTerminator = "[^" + LineTerminators + "]";
    private const string EndOfText = @"(?=(?:\r\n|[" + LineTerminators + @"])?\z)";

    public static string ToDotNet(string pattern)
    {
        if (pattern.AsSpan().IndexOfAny(".$\\") < 0)
        {
            return pattern;
        }
        var keepDotAndDollar = HasInlineFlags(pattern);
        var result = new StringBuilder(pattern.Length + 16);
        var classDepth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = Escape(pattern, i, result);
            }
            else if (c == '[')
            {
                classDepth++;
                result.Append(c);
                // A ']' or '^]' right after the opening bracket is a literal member, not the end of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append(pattern[++i]);
                }
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(@"\]");
                    i++;
                }
            }
            else if (c == ']' && classDepth > 0)
            {
                classDepth--;
                result.Append(c);
            }
            else if (classDepth == 0 && !keepDotAndDollar && c == '.')
            {
                result.Append(AnyButLineTerminator);
            }
            else if (classDepth == 0 && !keepDotAndDollar && c == '$')
            {
                result.Append(EndOfText);
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>Copies the escape sequence at <paramref name="start"/>, rewritten where ICU's differs; returns its last index.</summary>
    private static int Escape(string pattern, int start, StringBuilder result)
    {
        var next = pattern[start + 1];
        if (next == 'Q')
        {
            var end = pattern.IndexOf(@"\E", start + 2, StringComparison.Ordinal);
            var quoted = end < 0 ? pattern[(start + 2)..] : pattern[(start + 2)..end];
            result.Append(Regex.Escape(quoted));
            return end < 0 ? pattern.Length - 1 : end + 1;
        }
        if (next == 'x' && start + 2 < pattern.Length && pattern[start + 2] == '{')
        {
            var close = pattern.IndexOf('}', start + 3);
            if (close > 0 && int.TryParse(pattern.AsSpan(start + 3, close - start - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                foreach (var unit in char.ConvertFromUtf32(code))
                {
                    result.Append(CultureInfo.InvariantCulture, $@"\u{(int)unit:X4}");
                }
                return close;
            }
        }
        result.Append('\\').Append(next);
        return start + 1;
    }

    /// <summary>Whether the pattern sets the s or m flag in a group such as (?s), (?m-i) or (?sm:…).</summary>
    private static bool HasInlineFlags(string pattern)
    {
        for (var i = pattern.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            var j = i + 2;
            var changesDotOrDollar = false;
            while (j < pattern.Length && (char.IsAsciiLetter(pattern[j]) || pattern[j] == '-'))
            {
                changesDotOrDollar |= pattern[j] is 's' or 'm';
                j++;
            }
            if (changesDotOrDollar && j < pattern.Length && pattern[j] is ')' or ':')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An ICU replacement text as .NET's: "\x" is a literal x (a literal $ becomes "$$"); $n and ${name} stay.</summary>
    public static string ReplacementToDotNet(string replacement)
    {
        if (!replacement.Contains('\\'))
        {
            return replacement;
        }
        var result = new StringBuilder(replacement.Length);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                c = replacement[++i];
                result.Append(c == '$' ? "$$" : c.ToString());
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
