namespace PSC8.Server.Query.Functions;

/// <summary>
/// Positions and lengths in Unicode code points, as C8QL's string functions count them.
/// Strings without surrogate pairs (nearly all) take the direct UTF-16 path.
/// </summary>
internal static class CodePoints
{
    public static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    public static int Count(string text)
    {
        if (!HasSurrogates(text))
        {
            return text.Length;
        }
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>The UTF-16 index of code point <paramref name="index"/> (clamped to the string).</summary>
    public static int ToCharIndex(string text, int index)
    {
        if (index <= 0)
        {
            return 0;
        }
        if (!HasSurrogates(text))
        {
            return Math.Min(index, text.Length);
        }
        var chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (index-- == 0)
            {
                break;
            }
            chars += rune.Utf16SequenceLength;
        }
        return chars;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="charIndex"/>.</summary>
    public static int FromCharIndex(string text, int charIndex) =>
        HasSurrogates(text) ? Count(text[..charIndex]) : charIndex;

    /// <summary>The code points <c>[start, start + length)</c>, clamped to the string.</summary>
    public static string Substring(string text, int start, int length)
    {
        if (length <= 0)
        {
            return string.Empty;
        }
        var from = ToCharIndex(text, start);
        var to = ToCharIndex(text, (int)Math.Min((long)start + length, int.MaxValue));
        return text[from..to];
    }

    public static int[] ToArray(string text)
    {
        var result = new int[Count(text)];
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            result[i++] = rune.Value;
        }
        return result;
    }

    public static string Reverse(string text)
    {
        var points = ToArray(text);
        System.Array.Reverse(points);
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var point in points)
        {
            builder.Append(char.ConvertFromUtf32(point));
        }
        return builder.ToString();
    }
}
