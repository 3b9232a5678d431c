using System.Security.Cryptography;
using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// String functions. Like C8QL, they cast their text arguments with TO_STRING (null is ""),
/// and count positions and lengths in code points.
/// </summary>
internal static class StringFunctions
{
    private const string DefaultTrimCharacters = "\r\n\t ";
    private const int MaxRandomTokenLength = 65536;
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static void Register(FunctionTable table)
    {
        table.Add("CONCAT", 1, FunctionRegistry.Unbounded, Concat);
        table.Add("CONCAT_SEPARATOR", 2, FunctionRegistry.Unbounded, ConcatSeparator);
        table.Add("CONTAINS", 2, 3, Contains);
        table.Add("LIKE", 2, 3, (_, a) => C8Value.From(LikePattern.Get(Text(a, 1), BoolArg(a, 2)).IsMatch(Text(a, 0))));
        table.Add("LOWER", 1, 1, (_, a) => C8Value.From(FullCaseMapping.ToLower(Text(a, 0))));
        table.Add("UPPER", 1, 1, (_, a) => C8Value.From(FullCaseMapping.ToUpper(Text(a, 0))));
        table.Add("SUBSTRING", 2, 3, Substring);
        table.Add("SUBSTRING_BYTES", 2, 3, SubstringBytes);
        table.Add("STARTS_WITH", 2, 3, StartsWith);
        table.Add("LEFT", 2, 2, (_, a) => C8Value.From(CodePoints.Substring(Text(a, 0), 0, (int)Math.Clamp(C8Conversions.ToInteger(a[1]), -1, int.MaxValue))));
        table.Add("RIGHT", 2, 2, Right);
        table.Add("TRIM", 1, 2, Trim);
        table.Add("LTRIM", 1, 2, (_, a) => C8Value.From(TrimText(Text(a, 0), TrimCharacters(a), start: true, end: false)));
        table.Add("RTRIM", 1, 2, (_, a) => C8Value.From(TrimText(Text(a, 0), TrimCharacters(a), start: false, end: true)));
        table.Add("SPLIT", 1, 3, Split);
        table.Add("SUBSTITUTE", 2, 4, Substitute);
        table.Add("FIND_FIRST", 2, 4, (c, a) => Find(c, a, last: false));
        table.Add("FIND_LAST", 2, 4, (c, a) => Find(c, a, last: true));
        table.Add("CHAR_LENGTH", 1, 1, CharLength);
        table.Add("ENCODE_URI_COMPONENT", 1, 1, (_, a) => C8Value.From(EncodeUriComponent(Text(a, 0))));
        table.Add("UUID", 0, 0, (_, _) => C8Value.From(Guid.NewGuid().ToString("D")), FunctionTraits.NonDeterministic);
        table.Add("RANDOM_TOKEN", 1, 1, RandomToken, FunctionTraits.NonDeterministic);
        table.Add("JSON_PARSE", 1, 1, JsonParse);
        table.Add("JSON_STRINGIFY", 1, 1, (_, a) => C8Value.From(C8JsonText.Stringify(a[0])));
        table.Add("SOUNDEX", 1, 1, (_, a) => C8Value.From(Soundex(Text(a, 0))));
        table.Add("TO_BASE64", 1, 1, (_, a) => C8Value.From(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(a, 0)))));
        table.Add("TO_HEX", 1, 1, (_, a) => C8Value.From(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Text(a, 0)))));
    }

    /// <summary>An argument cast to string (missing arguments are "").</summary>
    public static string Text(ReadOnlySpan<C8Value> arguments, int index) => C8Conversions.ToStringValue(Arg(arguments, index));

    private static C8Value Concat(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var builder = new StringBuilder();
        if (arguments.Length == 1 && arguments[0].IsArray)
        {
            AppendAll(builder, arguments[0].AsArray, null);
        }
        else
        {
            foreach (var value in arguments)
            {
                AppendText(builder, value);
            }
        }
        return C8Value.From(builder.ToString());
    }

    private static C8Value ConcatSeparator(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var separator = Text(arguments, 0);
        var builder = new StringBuilder();
        if (arguments.Length == 2 && arguments[1].IsArray)
        {
            AppendAll(builder, arguments[1].AsArray, separator);
            return C8Value.From(builder.ToString());
        }
        var first = true;
        foreach (var value in arguments[1..])
        {
            if (value.IsNull)
            {
                continue;
            }
            if (!first)
            {
                builder.Append(separator);
            }
            first = false;
            AppendText(builder, value);
        }
        return C8Value.From(builder.ToString());
    }

    private static void AppendAll(StringBuilder builder, IReadOnlyList<C8Value> values, string? separator)
    {
        var first = true;
        foreach (var value in values)
        {
            if (value.IsNull)
            {
                continue;
            }
            if (!first && separator is not null)
            {
                builder.Append(separator);
            }
            first = false;
            AppendText(builder, value);
        }
    }

    private static void AppendText(StringBuilder builder, C8Value value)
    {
        if (value.TryGetString(out var text))
        {
            builder.Append(text);
        }
        else if (!value.IsNull)
        {
            builder.Append(C8Conversions.ToStringValue(value));
        }
    }

    private static C8Value Contains(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var text = Text(arguments, 0);
        var search = Text(arguments, 1);
        var index = search.Length == 0 ? -1 : text.IndexOf(search, StringComparison.Ordinal);
        if (BoolArg(arguments, 2))
        {
            return C8Value.From(index < 0 ? -1 : CodePoints.FromCharIndex(text, index));
        }
        return C8Value.From(index >= 0);
    }

    private static C8Value Substring(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var text = Text(arguments, 0);
        var offset = C8Conversions.ToInteger(arguments[1]);
        var length = arguments.Length > 2 ? C8Conversions.ToInteger(arguments[2]) : int.MaxValue;
        var count = CodePoints.Count(text);
        if (offset < 0)
        {
            offset = Math.Max(0, count + offset);
        }
        return C8Value.From(CodePoints.Substring(text, (int)Math.Min(offset, count), (int)Math.Clamp(length, -1, int.MaxValue)));
    }

    /// <summary>
    /// SUBSTRING_BYTES(text, offset, length): offset and length count UTF-8 bytes (a negative offset from the end); a
    /// cut inside a character's byte sequence gives null and a warning.
    /// </summary>
    private static C8Value SubstringBytes(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "SUBSTRING_BYTES";
        var length = Arg(arguments, 2);
        if (!arguments[0].TryGetString(out var text) || !arguments[1].IsNumber || !(length.IsNull || length.IsNumber))
        {
            return InvalidArgument(context, Name);
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = C8Conversions.ToInteger(arguments[1]);
        if (start < 0)
        {
            start = Math.Max(0, bytes.Length + start);
        }
        start = Math.Min(start, bytes.Length);
        var end = length.IsNull ? bytes.Length : Math.Clamp(start + Math.Max(0, C8Conversions.ToInteger(length)), start, bytes.Length);
        if (IsContinuationByte(bytes, start) || IsContinuationByte(bytes, end))
        {
            return InvalidArgument(context, Name);
        }
        return C8Value.From(Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start)));
    }

    private static bool IsContinuationByte(byte[] bytes, long index) => index < bytes.Length && (bytes[index] & 0xC0) == 0x80;

    /// <summary>STARTS_WITH(text, prefix) or STARTS_WITH(text, prefixes, minMatchCount).</summary>
    private static C8Value StartsWith(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "STARTS_WITH";
        if (!arguments[0].TryGetString(out var text))
        {
            return InvalidArgument(context, Name);
        }
        if (!arguments[1].IsArray)
        {
            return arguments[1].TryGetString(out var prefix)
                ? C8Value.From(text.StartsWith(prefix, StringComparison.Ordinal))
                : InvalidArgument(context, Name);
        }
        var required = 1L;
        if (arguments.Length > 2)
        {
            if (!arguments[2].IsNumber || arguments[2].AsNumber < 0)
            {
                return InvalidArgument(context, Name);
            }
            required = C8Conversions.ToInteger(arguments[2]);
        }
        var prefixes = arguments[1].AsArray;
        if (required > prefixes.Count)
        {
            return C8Value.False;
        }
        var matched = 0L;
        foreach (var item in prefixes)
        {
            if (matched >= required)
            {
                break;
            }
            if (!item.TryGetString(out var prefix))
            {
                return InvalidArgument(context, Name);
            }
            matched += text.StartsWith(prefix, StringComparison.Ordinal) ? 1 : 0;
        }
        return C8Value.From(matched >= required);
    }

    private static C8Value Right(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var text = Text(arguments, 0);
        var length = C8Conversions.ToInteger(arguments[1]);
        var count = CodePoints.Count(text);
        if (length <= 0)
        {
            return C8Value.EmptyString;
        }
        var start = (int)Math.Max(0, count - length);
        return C8Value.From(CodePoints.Substring(text, start, count - start));
    }

    private static C8Value Trim(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var text = Text(arguments, 0);
        var option = Arg(arguments, 1);
        if (option.IsString)
        {
            return C8Value.From(TrimText(text, option.AsString, start: true, end: true));
        }
        var mode = option.IsNumber ? C8Conversions.ToInteger(option) : 0;
        if (mode is < 0 or > 2)
        {
            mode = 0;
        }
        return C8Value.From(TrimText(text, DefaultTrimCharacters, start: mode != 2, end: mode != 1));
    }

    private static string TrimCharacters(ReadOnlySpan<C8Value> arguments) =>
        arguments.Length > 1 ? Text(arguments, 1) : DefaultTrimCharacters;

    private static string TrimText(string text, string characters, bool start, bool end)
    {
        var set = new HashSet<int>(CodePoints.ToArray(characters));
        var points = CodePoints.ToArray(text);
        var from = 0;
        var to = points.Length;
        while (start && from < to && set.Contains(points[from]))
        {
            from++;
        }
        while (end && to > from && set.Contains(points[to - 1]))
        {
            to--;
        }
        return CodePoints.Substring(text, from, to - from);
    }

    private static C8Value Split(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "SPLIT";
        if (!TryLimit(context, arguments, 2, Name, out var limit, out var early))
        {
            return early;
        }
        if (arguments.Length == 1)
        {
            return C8Value.From(new[] { arguments[0] });
        }
        var separatorValue = arguments[1];
        if (separatorValue.IsObject)
        {
            return InvalidArgument(context, Name);
        }
        var separators = new List<string>();
        if (separatorValue.IsArray)
        {
            foreach (var item in separatorValue.AsArray)
            {
                separators.Add(C8Conversions.ToStringValue(item));
            }
        }
        else
        {
            separators.Add(C8Conversions.ToStringValue(separatorValue));
        }
        separators.RemoveAll(s => s.Length == 0);
        var text = C8Conversions.ToStringValue(arguments[0]);
        var parts = new List<C8Value>();
        if (separators.Count == 0)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (parts.Count == limit)
                {
                    break;
                }
                parts.Add(C8Value.From(rune.ToString()));
            }
            return ArrayOf(parts);
        }
        var position = 0;
        while (parts.Count < limit)
        {
            var (index, length) = FindEarliest(text, separators, position);
            if (index < 0)
            {
                parts.Add(C8Value.From(text[position..]));
                break;
            }
            parts.Add(C8Value.From(text[position..index]));
            position = index + length;
        }
        return ArrayOf(parts);
    }

    /// <summary>
    /// Reads an optional limit argument: a negative limit gives null, 0 gives [], a non-number a warning.
    /// Without the argument the limit is unbounded.
    /// </summary>
    internal static bool TryLimit(
        QueryContext context, ReadOnlySpan<C8Value> arguments, int index, string function, out long limit, out C8Value early)
    {
        limit = long.MaxValue;
        early = C8Value.Null;
        if (arguments.Length <= index)
        {
            return true;
        }
        if (!arguments[index].IsNumber)
        {
            early = InvalidArgument(context, function);
            return false;
        }
        limit = C8Conversions.ToInteger(arguments[index]);
        if (limit < 0)
        {
            return false;
        }
        if (limit == 0)
        {
            early = C8Value.EmptyArray;
            return false;
        }
        return true;
    }

    /// <summary>The leftmost occurrence of any search string; on a tie the one listed first wins.</summary>
    private static (int Index, int Length) FindEarliest(string text, List<string> searches, int from)
    {
        var bestIndex = -1;
        var bestLength = 0;
        foreach (var search in searches)
        {
            var index = text.IndexOf(search, from, StringComparison.Ordinal);
            if (index >= 0 && (bestIndex < 0 || index < bestIndex))
            {
                bestIndex = index;
                bestLength = search.Length;
            }
        }
        return (bestIndex, bestLength);
    }

    private static C8Value Substitute(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "SUBSTITUTE";
        var search = arguments[1];
        var patterns = new List<string>();
        var replacements = new List<string>();
        var limitIndex = 3;
        var replaceWithSingleString = false;
        if (search.IsObject)
        {
            if (arguments.Length > 3)
            {
                return InvalidArgument(context, Name);
            }
            limitIndex = 2;
            foreach (var pair in search.AsObject)
            {
                if (!pair.Value.IsNull && !pair.Value.IsString)
                {
                    return InvalidArgument(context, Name);
                }
                patterns.Add(pair.Key);
                replacements.Add(pair.Value.IsNull ? string.Empty : pair.Value.AsString);
            }
        }
        else
        {
            if (!CollectStrings(search, patterns, allowNull: false))
            {
                return InvalidArgument(context, Name);
            }
            if (arguments.Length > 2)
            {
                var replace = arguments[2];
                replaceWithSingleString = replace.IsString;
                if (!CollectStrings(replace, replacements, allowNull: true))
                {
                    return InvalidArgument(context, Name);
                }
            }
        }
        var limit = arguments.Length > limitIndex ? C8Conversions.ToInteger(arguments[limitIndex]) : -1;
        if (limit == 0 || patterns.Count == 0)
        {
            return arguments[0];
        }
        var text = Text(arguments, 0);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        var count = 0;
        while (limit < 0 || count < limit)
        {
            var (index, which) = FindEarliestPattern(text, patterns, position);
            if (index < 0)
            {
                break;
            }
            builder.Append(text, position, index - position);
            if (which < replacements.Count)
            {
                builder.Append(replacements[which]);
            }
            else if (replaceWithSingleString)
            {
                builder.Append(replacements[0]);
            }
            position = index + patterns[which].Length;
            count++;
        }
        builder.Append(text, position, text.Length - position);
        return C8Value.From(builder.ToString());
    }

    private static bool CollectStrings(C8Value value, List<string> into, bool allowNull)
    {
        if (value.IsString)
        {
            into.Add(value.AsString);
            return true;
        }
        if (!value.IsArray)
        {
            return false;
        }
        foreach (var item in value.AsArray)
        {
            if (item.IsString)
            {
                into.Add(item.AsString);
            }
            else if (allowNull && item.IsNull)
            {
                into.Add(string.Empty);
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static (int Index, int Which) FindEarliestPattern(string text, List<string> patterns, int from)
    {
        var bestIndex = -1;
        var best = -1;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Length == 0)
            {
                continue;
            }
            var index = text.IndexOf(patterns[i], from, StringComparison.Ordinal);
            if (index >= 0 && (bestIndex < 0 || index < bestIndex))
            {
                bestIndex = index;
                best = i;
            }
        }
        return (bestIndex, best);
    }

    /// <summary>FIND_FIRST / FIND_LAST(text, search, start, end): a match must lie within [start, end].</summary>
    private static C8Value Find(QueryContext context, ReadOnlySpan<C8Value> arguments, bool last)
    {
        var text = Text(arguments, 0);
        var search = Text(arguments, 1);
        var start = arguments.Length > 2 ? C8Conversions.ToInteger(arguments[2]) : 0;
        if (start < 0)
        {
            return C8Value.From(-1);
        }
        long end = CodePoints.Count(text);
        var endGiven = arguments.Length > 3 && !arguments[3].IsNull;
        if (endGiven)
        {
            end = C8Conversions.ToInteger(arguments[3]);
            if (end < start || end < 0)
            {
                return C8Value.From(-1);
            }
        }
        if (search.Length == 0)
        {
            return C8Value.From(last ? end + (endGiven ? 1 : 0) : start);
        }
        var points = CodePoints.ToArray(text);
        var needle = CodePoints.ToArray(search);
        var found = -1;
        for (var i = (int)Math.Min(start, points.Length); i + needle.Length <= points.Length && i + needle.Length - 1 <= end; i++)
        {
            if (points.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                found = i;
                if (!last)
                {
                    break;
                }
            }
        }
        return C8Value.From(found);
    }

    private static C8Value CharLength(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var value = arguments[0];
        return value.Type switch
        {
            C8Type.Null => C8Value.From(0),
            C8Type.Bool => C8Value.From(value.AsBool ? 4 : 5),
            _ => C8Value.From(CodePoints.Count(C8Conversions.ToStringValue(value))),
        };
    }

    private static string EncodeUriComponent(string text)
    {
        const string Unreserved = "-_.!~*'()";
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || Unreserved.Contains((char)rune.Value)))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < length; i++)
            {
                builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static C8Value RandomToken(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var length = C8Conversions.ToInteger(arguments[0]);
        if (length is < 0 or > MaxRandomTokenLength)
        {
            throw QueryErrors.InvalidArgument("RANDOM_TOKEN");
        }
        return C8Value.From(RandomNumberGenerator.GetString(TokenAlphabet, (int)length));
    }

    private static C8Value JsonParse(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var text))
        {
            return InvalidArgument(context, "JSON_PARSE");
        }
        try
        {
            return C8Json.Parse(text);
        }
        catch (Exception e) when (e is C8Exception or FormatException or InvalidOperationException)
        {
            return InvalidArgument(context, "JSON_PARSE");
        }
    }

    /// <summary>American Soundex of the letters in the (lower-cased, trimmed) text.</summary>
    private static string Soundex(string text)
    {
        const string Codes = "01230120022455012623010202"; // a..z; 0 = vowel-like
        var builder = new StringBuilder(4);
        var previous = '\0';
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (c < 'a' || c > 'z')
            {
                continue;
            }
            var code = Codes[c - 'a'];
            if (builder.Length == 0)
            {
                builder.Append(char.ToUpperInvariant(c));
                previous = code;
                continue;
            }
            if (c is 'h' or 'w')
            {
                continue;
            }
            if (code == '0')
            {
                previous = code;
                continue;
            }
            if (code != previous)
            {
                builder.Append(code);
                if (builder.Length == 4)
                {
                    break;
                }
            }
            previous = code;
        }
        if (builder.Length == 0)
        {
            return string.Empty;
        }
        return builder.ToString().PadRight(4, '0');
    }
}
