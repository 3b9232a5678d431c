using System.Buffers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// UPPER and LOWER as ArangoDB computes them with ICU: full case mapping, where one character may become several
/// ("ß" → "SS", "ﬁ" → "FI", "İ" → "i̇") and a capital sigma ending a word lowers to "ς". .NET's invariant casing maps
/// one character to one, so the characters that expand are listed here (Unicode's unconditional special casing).
/// </summary>
internal static class FullCaseMapping
{
    /// <summary>The characters whose upper case is more than one character, in code point order.</summary>
    private const string Expanding =
        "\u00DF\u0149\u01F0\u0390\u03B0\u0587\u1E96\u1E97\u1E98\u1E99\u1E9A\u1F50\u1F52\u1F54\u1F56\u1F80" +
        "\u1F81\u1F82\u1F83\u1F84\u1F85\u1F86\u1F87\u1F88\u1F89\u1F8A\u1F8B\u1F8C\u1F8D\u1F8E\u1F8F\u1F90" +
        "\u1F91\u1F92\u1F93\u1F94\u1F95\u1F96\u1F97\u1F98\u1F99\u1F9A\u1F9B\u1F9C\u1F9D\u1F9E\u1F9F\u1FA0" +
        "\u1FA1\u1FA2\u1FA3\u1FA4\u1FA5\u1FA6\u1FA7\u1FA8\u1FA9\u1FAA\u1FAB\u1FAC\u1FAD\u1FAE\u1FAF\u1FB2" +
        "\u1FB3\u1FB4\u1FB6\u1FB7\u1FBC\u1FC2\u1FC3\u1FC4\u1FC6\u1FC7\u1FCC\u1FD2\u1FD3\u1FD6\u1FD7\u1FE2" +
        "\u1FE3\u1FE4\u1FE6\u1FE7\u1FF2\u1FF3\u1FF4\u1FF6\u1FF7\u1FFC\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05" +
        "\uFB06\uFB13\uFB14\uFB15\uFB16\uFB17";

    /// <summary>The upper case of each character of <see cref="Expanding"/>.</summary>
    private static readonly string[] Expansions =
    [
        "\u0053\u0053", "\u02BC\u004E", "\u004A\u030C", "\u0399\u0308\u0301", "\u03A5\u0308\u0301", "\u0535\u0552",
        "\u0048\u0331", "\u0054\u0308", "\u0057\u030A", "\u0059\u030A", "\u0041\u02BE", "\u03A5\u0313",
        "\u03A5\u0313\u0300", "\u03A5\u0313\u0301", "\u03A5\u0313\u0342", "\u1F08\u0399", "\u1F09\u0399",
        "\u1F0A\u0399", "\u1F0B\u0399", "\u1F0C\u0399", "\u1F0D\u0399", "\u1F0E\u0399", "\u1F0F\u0399",
        "\u1F08\u0399", "\u1F09\u0399", "\u1F0A\u0399", "\u1F0B\u0399", "\u1F0C\u0399", "\u1F0D\u0399",
        "\u1F0E\u0399", "\u1F0F\u0399", "\u1F28\u0399", "\u1F29\u0399", "\u1F2A\u0399", "\u1F2B\u0399",
        "\u1F2C\u0399", "\u1F2D\u0399", "\u1F2E\u0399", "\u1F2F\u0399", "\u1F28\u0399", "\u1F29\u0399",
        "\u1F2A\u0399", "\u1F2B\u0399", "\u1F2C\u0399", "\u1F2D\u0399", "\u1F2E\u0399", "\u1F2F\u0399",
        "\u1F68\u0399", "\u1F69\u0399", "\u1F6A\u0399", "\u1F6B\u0399", "\u1F6C\u0399", "\u1F6D\u0399",
        "\u1F6E\u0399", "\u1F6F\u0399", "\u1F68\u0399", "\u1F69\u0399", "\u1F6A\u0399", "\u1F6B\u0399",
        "\u1F6C\u0399", "\u1F6D\u0399", "\u1F6E\u0399", "\u1F6F\u0399", "\u1FBA\u0399", "\u0391\u0399",
        "\u0386\u0399", "\u0391\u0342", "\u0391\u0342\u0399", "\u0391\u0399", "\u1FCA\u0399", "\u0397\u0399",
        "\u0389\u0399", "\u0397\u0342", "\u0397\u0342\u0399", "\u0397\u0399", "\u0399\u0308\u0300",
        "\u0399\u0308\u0301", "\u0399\u0342", "\u0399\u0308\u0342", "\u03A5\u0308\u0300", "\u03A5\u0308\u0301",
        "\u03A1\u0313", "\u03A5\u0342", "\u03A5\u0308\u0342", "\u1FFA\u0399", "\u03A9\u0399", "\u038F\u0399",
        "\u03A9\u0342", "\u03A9\u0342\u0399", "\u03A9\u0399", "\u0046\u0046", "\u0046\u0049", "\u0046\u004C",
        "\u0046\u0046\u0049", "\u0046\u0046\u004C", "\u0053\u0054", "\u0053\u0054", "\u0544\u0546", "\u0544\u0535",
        "\u0544\u053B", "\u054E\u0546", "\u0544\u053D"
    ];

    private static readonly SearchValues<char> ExpandingSet = SearchValues.Create(Expanding);

    private const char CapitalSigma = '\u03A3';
    private const char FinalSigma = '\u03C2';
    private const char CapitalIWithDot = '\u0130';

    public static string ToUpper(string text)
    {
        var upper = text.ToUpperInvariant();
        if (upper.AsSpan().IndexOfAny(ExpandingSet) < 0)
        {
            return upper;
        }
        var result = new StringBuilder(upper.Length + 8);
        foreach (var c in upper)
        {
            var index = Expanding.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                result.Append(c);
            }
            else
            {
                result.Append(Expansions[index]);
            }
        }
        return result.ToString();
    }

    public static string ToLower(string text)
    {
        var lower = text.ToLowerInvariant();
        if (text.AsSpan().IndexOfAny(CapitalSigma, CapitalIWithDot) < 0)
        {
            return lower;
        }
        var result = new StringBuilder(lower.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case CapitalIWithDot:
                    result.Append("i\u0307");
                    break;
                case CapitalSigma when EndsWord(text, i):
                    result.Append(FinalSigma);
                    break;
                default:
                    result.Append(lower[i]);
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>Unicode's Final_Sigma condition: a cased letter before it, none after it (case-ignorable marks skipped).</summary>
    private static bool EndsWord(string text, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text[before]))
        {
            before--;
        }
        if (before < 0 || !IsCased(text[before]))
        {
            return false;
        }
        var after = index + 1;
        while (after < text.Length && IsCaseIgnorable(text[after]))
        {
            after++;
        }
        return after == text.Length || !IsCased(text[after]);
    }

    private static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c)
        || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) => c is '\'' or '.' or ':' or '\u00AD' or '\u2019'
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.ModifierLetter or System.Globalization.UnicodeCategory.ModifierSymbol;
}
