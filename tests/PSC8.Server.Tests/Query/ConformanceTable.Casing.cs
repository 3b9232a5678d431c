namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    /// <summary>
    /// UPPER and LOWER convert with ICU's full case mapping (ArangoDB calls icu::UnicodeString::toUpper/toLower), so a
    /// character may become several and a final capital sigma lowers to "ς"; the expected values are Unicode's
    /// SpecialCasing rules.
    /// </summary>
    private static IEnumerable<ConformanceCase> Casing() =>
    [
        Q("case.upper-expands", "RETURN [UPPER('straße'), UPPER('\ufb01x'), UPPER('\u1fb3'), UPPER('abc')]", """[["STRASSE","FIX","\u0391\u0399","ABC"]]""")
            .Cites("aql/functions/string.md#upper (Unicode SpecialCasing: ß, ligatures, iota subscript)"),
        Q("case.lower-dotted-capital-i", "RETURN LOWER('\u0130stanbul')", """["i\u0307stanbul"]""")
            .Cites("aql/functions/string.md#lower (Unicode SpecialCasing: U+0130)"),
        Q("case.lower-final-sigma", "RETURN [LOWER('\u039f\u0394\u039f\u03a3'), LOWER('\u03a3\u0391\u03a3 \u03a3\u0391\u03a3.'), LOWER('\u03a3'), LOWER('\u0391\u03a3\u0392')]",
            """[["\u03bf\u03b4\u03bf\u03c2","\u03c3\u03b1\u03c2 \u03c3\u03b1\u03c2.","\u03c3","\u03b1\u03c3\u03b2"]]""")
            .Cites("aql/functions/string.md#lower (Unicode Final_Sigma: only a sigma that ends a word)"),
        Q("case.like-underscore-is-one-code-point", "RETURN [LIKE('\ud83d\ude00', '_'), LIKE('a\ud83d\ude00b', 'a_b'), LIKE('\ud83d\ude00\ud83d\ude00', '%__%'), LIKE('\ud83d\ude00', '__')]",
            "[[true,true,true,false]]").Cites("aql/operators.md#comparison-operators (LIKE: _ matches a single arbitrary character)"),
    ];
}
