using System.Globalization;
using PSC8.Server.Query.Values;

namespace PSC8.Server.Tests.Query;

/// <summary>The string collation against ICU itself: the managed ASCII path must order exactly as the ICU path does.</summary>
public sealed class CollationTests
{
    private static readonly CompareInfo Icu = CultureInfo.InvariantCulture.CompareInfo;

    [Fact]
    public void AsciiOrderIsIcuRootPrimaryOrder()
    {
        var characters = C8Collation.AsciiOrder.Select(c => c.ToString()).ToList();
        var byIcu = characters.OrderBy(c => c, Comparer<string>.Create((x, y) => Icu.Compare(x, y, CompareOptions.IgnoreCase))).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var expected = characters.OrderBy(c => C8Collation.AsciiOrder.IndexOf(char.ToLowerInvariant(c[0]), StringComparison.Ordinal)).ThenBy(c => c, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, byIcu);
        for (var i = 1; i < C8Collation.AsciiOrder.Length; i++)
        {
            var previous = C8Collation.AsciiOrder[i - 1].ToString();
            var current = C8Collation.AsciiOrder[i].ToString();
            var sameLetter = char.ToLowerInvariant(previous[0]) == char.ToLowerInvariant(current[0]);
            Assert.Equal(sameLetter ? 0 : -1, Icu.Compare(previous, current, CompareOptions.IgnoreCase));
        }
    }

    [Fact]
    public void AsciiPathAgreesWithIcuOnGeneratedStrings()
    {
        var random = new Random(20250611);
        const string Alphabet = "aAbBzZ09 _-.~\t\u0001\u00e9\u00c9\u00df";
        string Next() => new(Enumerable.Range(0, random.Next(0, 7)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        for (var i = 0; i < 20000; i++)
        {
            var a = Next();
            var b = Next();
            Assert.True(Math.Sign(C8Collation.Compare(a, b)) == Oracle(a, b), $"'{a}' vs '{b}'");
        }
    }

    [Fact]
    public void UppercaseFirstThenCodePoints()
    {
        Assert.True(C8Collation.Compare("apple", "Banana") < 0);
        Assert.True(C8Collation.Compare("Apple", "apple") < 0);
        Assert.True(C8Collation.Compare("\u00e9", "f") < 0);
        Assert.True(C8Collation.Compare("e\u0301", "\u00e9") != 0);
        Assert.Equal(0, C8Collation.Compare("same", "same"));
    }

    /// <summary>ICU's root order at secondary strength, then at tertiary with the cases swapped (uppercase first), then code points.</summary>
    private static int Oracle(string a, string b)
    {
        var result = Icu.Compare(a, b, CompareOptions.IgnoreCase);
        if (result == 0)
        {
            static string Swap(string s) => new(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
            result = Icu.Compare(Swap(a), Swap(b), CompareOptions.None);
        }
        return Math.Sign(result != 0 ? result : C8ValueComparer.CompareCodePoints(a, b));
    }
}
