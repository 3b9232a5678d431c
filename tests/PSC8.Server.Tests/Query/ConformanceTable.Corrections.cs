namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    /// <summary>
    /// Answers that were wrong before and the documentation examples that pin them. The manual runs its AQL examples
    /// through arangosh inside a JavaScript template string, which takes away one level of backslashes first; the
    /// queries here are written as ArangoDB receives them.
    /// </summary>
    private static IEnumerable<ConformanceCase> Corrections() =>
    [
        Q("fix.intersection-order", "RETURN INTERSECTION( [1,2,3,4,5], [2,3,4,5,6], [3,4,5,6,7] )", "[[5,4,3]]")
            .Cites("aql/functions/array.md#intersection (aqlArrayIntersection_1)"),
        Q("fix.minus-order", "RETURN MINUS( [1,2,3,4], [3,4,5,6], [5,6,7,8] )", "[[2,1]]")
            .Cites("aql/functions/array.md#minus (aqlArrayMinus_1)"),
        Q("fix.outersection-order", "RETURN OUTERSECTION( [ 1, 2, 3 ], [ 2, 3, 4 ], [ 3, 4, 5 ] )", "[[5,1]]")
            .Cites("aql/functions/array.md#outersection (aqlArrayOutersection_1)"),
        Q("fix.union-needs-two-arrays", "RETURN UNION([1])", "!1541").Cites("aql/functions/array.md#union"),
        Q("fix.union-distinct-needs-two-arrays", "RETURN UNION_DISTINCT([1])", "!1541").Cites("aql/functions/array.md#union_distinct"),
        Q("fix.intersection-needs-two-arrays", "RETURN INTERSECTION([1])", "!1541").Cites("aql/functions/array.md#intersection"),
        Q("fix.outersection-needs-two-arrays", "RETURN OUTERSECTION([1])", "!1541").Cites("aql/functions/array.md#outersection"),
        Q("fix.minus-needs-two-arrays", "RETURN MINUS([1])", "!1541").Cites("aql/functions/array.md#minus"),
        Q("fix.regex-split-needs-pattern", "RETURN REGEX_SPLIT('a b')", "!1541").Cites("aql/functions/string.md#regex_split"),
        Q("fix.regex-matches-needs-pattern", "RETURN REGEX_MATCHES('a b')", "!1541").Cites("aql/functions/string.md#regex_matches"),
        Q("fix.regex-split-line-breaks",
            "RETURN REGEX_SPLIT(\"This is a line.\\n This is yet another line\\r\\n This again is a line.\\r Mac line \", \"\\\\.?\\r\\n|\\r|\\n\")",
            """[["This is a line."," This is yet another line"," This again is a line."," Mac line "]]""")
            .Cites("aql/functions/string.md#regex_split (aqlRegexSplit_1)"),
        Q("fix.regex-test-whitespace-class", "RETURN REGEX_TEST(\"the quick brown fox\", \"^(a|the)\\\\s+(quick|slow).*f.x$\")", "[true]")
            .Cites("aql/functions/string.md#regex_test (aqlRegexTest_2)"),
        Q("fix.regex-test-line-breaks", "RETURN REGEX_TEST(\"the\\nquick\\nbrown\\nfox\", \"^the(\\n[a-w]+)+\\nfox$\")", "[true]")
            .Cites("aql/functions/string.md#regex_test (aqlRegexTest_3)"),
        Q("fix.regex-digit-and-word-classes", "RETURN [REGEX_TEST('abc123', '^\\\\w+\\\\d{3}$'), REGEX_TEST('abc', '\\\\d')]", "[[true,false]]")
            .Cites("aql/functions/string.md#regex_test"),
        Q("fix.trim-default-whitespace", "RETURN [TRIM(\"  foobar\\t \\r\\n \"), LTRIM(\"\\t\\r\\n foo\"), RTRIM(\"foo \\n\\r\\t\")]",
            """[["foobar","foo","foo"]]""").Cites("aql/functions/string.md#trim (aqlTrim_4)"),
        Q("fix.percentile-zero-rank", "RETURN PERCENTILE( [1, 2, 3, 4], 0 )", "[1]")
            .Cites("release-notes/version-3.11/incompatible-changes-in-3-11.md#percentile-aql-function-inclusive-of-lower-end"),
        Q("fix.percentile-low-interpolation",
            "RETURN [PERCENTILE( [1, 2, 3, 4], 0, 'interpolation'), PERCENTILE( [1, 2, 3, 4], 10, 'interpolation'), PERCENTILE( [1, 2, 3, 4], 20, 'interpolation')]",
            "[[1,1,1]]").Cites("release-notes/version-3.11/incompatible-changes-in-3-11.md#percentile-aql-function-inclusive-of-lower-end"),
        Q("fix.percentile-top", "RETURN [PERCENTILE( [1, 2, 3, 4], 100 ), PERCENTILE( [1, 2, 3, 4], 100, 'interpolation')]", "[[4,4]]")
            .Cites("aql/functions/numeric.md#percentile"),
        Q("fix.percentile-out-of-range", "RETURN PERCENTILE( [1, 2, 3, 4], 101 )", "[null]").Warns(1542).Cites("aql/functions/numeric.md#percentile"),
        Q("fix.replace-nth-append", "RETURN REPLACE_NTH( [ \"a\", \"b\", \"c\" ], 3 , \"z\")", """[["a","b","c","z"]]""")
            .Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_2)"),
        Q("fix.replace-nth-padding", "RETURN REPLACE_NTH( [ \"a\", \"b\", \"c\" ], 6, \"z\", \"y\" )", """[["a","b","c","y","y","y","z"]]""")
            .Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_4)"),
        Q("fix.replace-nth-negative", "RETURN [REPLACE_NTH( [ \"a\", \"b\", \"c\" ], -1, \"z\" ), REPLACE_NTH( [ \"a\", \"b\", \"c\" ], -9, \"z\" )]",
            """[[["a","b","z"],["z","b","c"]]]""").Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_5, _6)"),
        Q("fix.replace-nth-beyond-end-without-padding", "RETURN REPLACE_NTH( [ \"a\", \"b\", \"c\" ], 6 , \"z\")", "!1542")
            .Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_3)"),
        Q("fix.attributes-order", "RETURN ATTRIBUTES( { \"foo\": \"bar\", \"_key\": \"123\", \"_custom\": \"yes\" } )", """[["_custom","_key","foo"]]""")
            .Cites("aql/functions/document-object.md#attributes (aqlAttributes)"),
    ];
}
