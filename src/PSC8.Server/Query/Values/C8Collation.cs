using System.Buffers;

namespace PSC8.Server.Query.Values;

/// <summary>
/// String order as ArangoDB's default collator has it: the ICU root collation (language-aware, so "apple" sorts
/// before "Banana"), uppercase before lowercase where strings differ only in case, and the code points as the last
/// word, so that only identical strings compare equal.
/// </summary>
/// <remarks>
/// Why ICU through <see cref="CompareInfo"/> rather than a collation of our own: the root collation covers every
/// script, with contractions and expansions, and ICU ships with the operating system (the server runs with
/// invariant globalization off for this alone). Strings made only of printable ASCII and ASCII whitespace, nearly
/// all keys and names, take a managed path over the same order that costs about what an ordinal comparison costs;
/// a test checks that path against ICU.
/// </remarks>
internal static class C8Collation
{
    /// <summary>
    /// The root collation's primary order of printable ASCII and ASCII whitespace: whitespace, punctuation and
    /// symbols, digits, then letters, each letter's two cases sharing a weight. Other control characters are
    /// ignorable in the collation, so strings holding them take the ICU path.
    /// </summary>
    public const string AsciiOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

    private static readonly CompareInfo Root = CultureInfo.InvariantCulture.CompareInfo;

    /// <summary>Primary weight by character of <see cref="AsciiOrder"/>.</summary>
    private static readonly byte[] Primary = BuildPrimaryWeights();

    private static readonly SearchValues<char> Covered = SearchValues.Create(AsciiOrder);

    public static int Compare(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        return TryCompareAscii(a, b, out var result) ? result : CompareWithIcu(a, b);
    }

    private static byte[] BuildPrimaryWeights()
    {
        var weights = new byte[128];
        byte weight = 0;
        for (var i = 0; i < AsciiOrder.Length; i++)
        {
            var c = AsciiOrder[i];
            var sameAsPrevious = i > 0 && char.IsAsciiLetter(c) && char.ToLowerInvariant(c) == char.ToLowerInvariant(AsciiOrder[i - 1]);
            weights[c] = sameAsPrevious ? weight : ++weight;
        }
        return weights;
    }

    /// <summary>
    /// All primary weights first, then the length, then the first difference in case (uppercase first). Only the
    /// characters that can decide need to be covered: after the common prefix (which must be ASCII) up to the first
    /// difference in primary weight, and the longer string's rest when a case difference would otherwise decide.
    /// </summary>
    private static bool TryCompareAscii(string a, string b, out int result)
    {
        result = 0;
        var length = Math.Min(a.Length, b.Length);
        var i = a.AsSpan().CommonPrefixLength(b);
        if (a.AsSpan(0, i).ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return false;
        }
        var caseDifference = 0;
        for (; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x >= 128 || y >= 128 || Primary[x] == 0 || Primary[y] == 0)
            {
                return false;
            }
            if (Primary[x] != Primary[y])
            {
                result = Primary[x] < Primary[y] ? -1 : 1;
                return true;
            }
            if (caseDifference == 0 && x != y)
            {
                caseDifference = char.IsAsciiLetterUpper(x) ? -1 : 1;
            }
        }
        if (a.Length == b.Length)
        {
            result = caseDifference;
            return true;
        }
        var longer = a.Length > b.Length ? a : b;
        if (caseDifference != 0 && longer.AsSpan(length).ContainsAnyExcept(Covered))
        {
            return false;
        }
        // A string that the other one extends sorts first, whatever the extension weighs.
        result = a.Length < b.Length ? -1 : 1;
        return true;
    }

    /// <summary>
    /// Base letters and accents first; then case and the other tertiary differences with uppercase first (ICU orders
    /// lowercase first by default, so both strings are compared with their case swapped); then the code points.
    /// </summary>
    private static int CompareWithIcu(string a, string b)
    {
        var result = Root.Compare(a, b, CompareOptions.IgnoreCase);
        if (result == 0)
        {
            result = Root.Compare(SwapCase(a), SwapCase(b), CompareOptions.None);
        }
        return result != 0 ? Math.Sign(result) : C8ValueComparer.CompareCodePoints(a, b);
    }

    private static string SwapCase(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = source[i];
            span[i] = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
        }
    });
}
