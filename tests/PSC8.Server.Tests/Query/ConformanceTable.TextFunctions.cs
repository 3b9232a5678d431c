namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string StringPage = "aql/functions/string.md";
    private const string SearchFunctionsPage = "aql/functions/arangosearch.md";

    /// <summary>The string functions added for 3.11: addresses, prefixes, bytes, hashes and similarity.</summary>
    private static IEnumerable<ConformanceCase> TextFunctions() =>
    [
        Q("string.ipv4-from-number", "RETURN [IPV4_FROM_NUMBER(0), IPV4_FROM_NUMBER(134744072), IPV4_FROM_NUMBER(2130706433), IPV4_FROM_NUMBER(3232235521)]",
            """[["0.0.0.0","8.8.8.8","127.0.0.1","192.168.0.1"]]""").Cites(StringPage + "#ipv4_from_number (aqlIPv4FromNumber_1-4)"),
        Q("string.ipv4-from-number-invalid", "RETURN [IPV4_FROM_NUMBER(-23), IPV4_FROM_NUMBER(4294967296), IPV4_FROM_NUMBER('1')]", "[[null,null,null]]")
            .Warns(1542).Cites(StringPage + "#ipv4_from_number (aqlIPv4FromNumber_5)"),
        Q("string.ipv4-to-number", "RETURN [IPV4_TO_NUMBER(\"0.0.0.0\"), IPV4_TO_NUMBER(\"8.8.8.8\"), IPV4_TO_NUMBER(\"127.0.0.1\"), IPV4_TO_NUMBER(\"192.168.0.1\")]",
            "[[0,134744072,2130706433,3232235521]]").Cites(StringPage + "#ipv4_to_number (aqlIPv4ToNumber_1-4)"),
        Q("string.ipv4-to-number-invalid", "RETURN [IPV4_TO_NUMBER(\"milk\"), IPV4_TO_NUMBER(123)]", "[[null,null]]").Warns(1542)
            .Cites(StringPage + "#ipv4_to_number (aqlIPv4ToNumber_5)"),
        Q("string.is-ipv4", "RETURN [IS_IPV4(\"127.0.0.1\"), IS_IPV4(\"8.8.8.8\"), IS_IPV4(\"008.008.008.008\"), IS_IPV4(\"12345.2.3.4\"), IS_IPV4(\"12.34\"), IS_IPV4(8888)]",
            "[[true,true,false,false,false,false]]").Cites(StringPage + "#is_ipv4 (aqlIsIPv4_1-6)"),
        Q("string.is-ipv4-edges", "RETURN [IS_IPV4('256.1.1.1'), IS_IPV4('1.2.3.4.'), IS_IPV4('0.0.0.0'), IS_IPV4('1.2.3.04')]", "[[false,false,true,false]]")
            .Cites(StringPage + "#is_ipv4"),
        Q("string.starts-with", "RETURN [STARTS_WITH(\"foobar\", \"foo\"), STARTS_WITH(\"foobar\", \"baz\")]", "[[true,false]]")
            .Cites(StringPage + "#starts_with (aqlStartsWith_1, _2)"),
        Q("string.starts-with-array", "RETURN [STARTS_WITH(\"foobar\", [\"bar\", \"foo\"]), STARTS_WITH(\"foobar\", [\"bar\", \"baz\"])]", "[[true,false]]")
            .Cites(StringPage + "#starts_with (aqlStartsWith_3, _4)"),
        Q("string.starts-with-min-match", "RETURN [STARTS_WITH('foobar', ['foo', 'fo'], 2), STARTS_WITH('foobar', ['foo', 'x'], 2), STARTS_WITH('foobar', ['x'], 0)]",
            "[[true,false,true]]").Cites(StringPage + "#starts_with"),
        Q("string.starts-with-invalid", "RETURN [STARTS_WITH(1, 'x'), STARTS_WITH('x', 1)]", "[[null,null]]").Warns(1542).Cites(StringPage + "#starts_with"),
        Q("string.substring-bytes", "RETURN [SUBSTRING_BYTES(\"We ❤️ avocado!\", 10), SUBSTRING_BYTES(\"We ❤️ avocado!\", 3, 3), SUBSTRING_BYTES(\"We ❤️ avocado!\", -15, 6)]",
            """[["avocado!","❤","❤️"]]""").Cites(StringPage + "#substring_bytes (aqlSubstringBytes_1-3)"),
        Q("string.substring-bytes-inside-character", "RETURN SUBSTRING_BYTES(\"We ❤️ avocado!\", -15, 4)", "[null]").Warns(1542)
            .Cites(StringPage + "#substring_bytes (aqlSubstringBytes_4)"),
        Q("string.sha256", "RETURN [SHA256(\"foobar\"), SHA256(\"ArangoDB\")]",
            """[["c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2","acbd84398a61fcc6fd784f7e16c32e02a0087fd5d631421bf7b5ede5db7fda31"]]""")
            .Cites(StringPage + "#sha256 (aqlSha256); release-notes/version-3.11/whats-new-in-3-11.md#added-aql-functions"),
        Q("string.ngram-similarity",
            "RETURN [NGRAM_SIMILARITY(\"quick fox\", \"quick foxx\", 2), NGRAM_SIMILARITY(\"quick fox\", \"quick foxx\", 3), NGRAM_SIMILARITY(\"quick fox\", \"quirky fox\", 2), NGRAM_SIMILARITY(\"quick fox\", \"quirky fox\", 3)]",
            "[[0.8888888955116272,0.875,0.5555555820465088,0.375]]").Cites(StringPage + "#ngram_similarity (aqlNgramSimilarity)"),
        Q("string.ngram-positional-similarity",
            "RETURN [NGRAM_POSITIONAL_SIMILARITY(\"quick fox\", \"quick foxx\", 2), NGRAM_POSITIONAL_SIMILARITY(\"quick fox\", \"quick foxx\", 3), NGRAM_POSITIONAL_SIMILARITY(\"quick fox\", \"quirky fox\", 2), NGRAM_POSITIONAL_SIMILARITY(\"quick fox\", \"quirky fox\", 3)]",
            "[[0.8888888955116272,0.875,0.7222222089767456,0.6666666865348816]]").Cites(StringPage + "#ngram_positional_similarity (aqlNgramPositionalSimilarity)"),
        Q("string.ngram-short-strings", "RETURN [NGRAM_SIMILARITY('ab', 'ab', 3), NGRAM_SIMILARITY('ab', 'abc', 5), NGRAM_POSITIONAL_SIMILARITY('', '', 2), NGRAM_POSITIONAL_SIMILARITY('ab', 'ac', 3)]",
            "[[1,0,1,0.5]]").Cites(StringPage + "#ngram_similarity"),
        Q("string.ngram-invalid-size", "RETURN NGRAM_SIMILARITY('a', 'b', 0)", "[null]").Warns(10).Cites(StringPage + "#ngram_similarity"),
        Q("string.ngram-invalid-type", "RETURN NGRAM_POSITIONAL_SIMILARITY(1, 'b', 2)", "[null]").Warns(1542).Cites(StringPage + "#ngram_positional_similarity"),
        Q("string.levenshtein-match-transpositions",
            "RETURN [LEVENSHTEIN_MATCH('quick', 'quikc', 2, false), LEVENSHTEIN_MATCH('quick', 'quikc', 1), LEVENSHTEIN_MATCH('quick', 'quikc', 1, false)]",
            "[[true,true,false]]").Cites(SearchFunctionsPage + "#example-matching-with-and-without-transpositions"),
        Q("string.levenshtein-match-prefix", "RETURN [LEVENSHTEIN_MATCH('quick', 'kc', 1, true, 64, 'qui'), LEVENSHTEIN_MATCH('slick', 'kc', 1, true, 64, 'qui')]",
            "[[true,false]]").Cites(SearchFunctionsPage + "#example-matching-with-prefix-search"),
        Q("string.levenshtein-match-distance-range", "RETURN [LEVENSHTEIN_MATCH('a', 'b', 4), LEVENSHTEIN_MATCH('a', 'b', 5, false)]", "[[null,null]]")
            .Warns(1542).Cites(SearchFunctionsPage + "#levenshtein_match"),
        Q("string.levenshtein-distance-doc", "RETURN [LEVENSHTEIN_DISTANCE(\"foobar\", \"bar\"), LEVENSHTEIN_DISTANCE(\" \", \"\")]", "[[3,1]]")
            .Cites(StringPage + "#levenshtein_distance (aqlLevenshteinDistance_1, _2)"),
    ];
}
