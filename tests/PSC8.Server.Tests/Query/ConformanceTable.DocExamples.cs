namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    /// <summary>
    /// The named examples of the ArangoDB 3.11 manual's AQL pages that run without a data set, each with the result
    /// the manual recorded for it.
    /// Queries are written as ArangoDB receives them (the manual's arangosh template strings take away one level of
    /// backslashes first).
    /// </summary>
    private static IEnumerable<ConformanceCase> DocExamples() =>
    [
        Q("doc.aqlWithoutCollections_1", "RETURN \"this will be returned\"", "[\"this will be returned\"]")
            .Cites("aql/examples-and-query-patterns/queries-without-collections.md (aqlWithoutCollections_1)"),
        Q("doc.aqlWithoutCollections_2", @"LET array = [1, 2, 3, 4]
RETURN { array, sum: SUM(array) }", "[{\"array\":[1,2,3,4],\"sum\":10}]")
            .Cites("aql/examples-and-query-patterns/queries-without-collections.md (aqlWithoutCollections_2)"),
        Q("doc.aqlWithoutCollections_3", @"FOR year IN [ 2011, 2012, 2013 ]
  FOR quarter IN [ 1, 2, 3, 4 ]
    RETURN {
      year,
      quarter,
      formatted: CONCAT(quarter, "" / "", year)
    }", "[{\"year\":2011,\"quarter\":1,\"formatted\":\"1 / 2011\"},{\"year\":2011,\"quarter\":2,\"formatted\":\"2 / 2011\"},{\"year\":2011,\"quarter\":3,\"formatted\":\"3 / 2011\"},{\"year\":2011,\"quarter\":4,\"formatted\":\"4 / 2011\"},{\"year\":2012,\"quarter\":1,\"formatted\":\"1 / 2012\"},{\"year\":2012,\"quarter\":2,\"formatted\":\"2 / 2012\"},{\"year\":2012,\"quarter\":3,\"formatted\":\"3 / 2012\"},{\"year\":2012,\"quarter\":4,\"formatted\":\"4 / 2012\"},{\"year\":2013,\"quarter\":1,\"formatted\":\"1 / 2013\"},{\"year\":2013,\"quarter\":2,\"formatted\":\"2 / 2013\"},{\"year\":2013,\"quarter\":3,\"formatted\":\"3 / 2013\"},{\"year\":2013,\"quarter\":4,\"formatted\":\"4 / 2013\"}]")
            .Cites("aql/examples-and-query-patterns/queries-without-collections.md (aqlWithoutCollections_3)"),
        Q("doc.aqlCharLength_1", "RETURN CHAR_LENGTH(\"foo\")", "[3]")
            .Cites("aql/functions/string.md#char_length (aqlCharLength_1)"),
        Q("doc.aqlCharLength_2", @"LET value = {foo: ""bar""}
RETURN {
  str: JSON_STRINGIFY(value),
  len: CHAR_LENGTH(value)
}", @"[{""str"":""{\""foo\"":\""bar\""}"",""len"":13}]")
            .Cites("aql/functions/string.md#char_length (aqlCharLength_2)"),
        Q("doc.aqlConcatStrings_1", "RETURN CONCAT(\"foo\", \"bar\", \"baz\")", "[\"foobarbaz\"]")
            .Cites("aql/functions/string.md#concat (aqlConcatStrings_1)"),
        Q("doc.aqlConcatPrimitiveTypes_1", "RETURN CONCAT(null, false, 0, true, \"\")", "[\"false0true\"]")
            .Cites("aql/functions/string.md#concat (aqlConcatPrimitiveTypes_1)"),
        Q("doc.aqlConcatCompoundTypes_1", "RETURN CONCAT([5, 6], {foo: \"bar\"})", @"[""[5,6]{\""foo\"":\""bar\""}""]")
            .Cites("aql/functions/string.md#concat (aqlConcatCompoundTypes_1)"),
        Q("doc.aqlConcatStrings_2", "RETURN CONCAT( [ \"foo\", \"bar\", \"baz\" ] )", "[\"foobarbaz\"]")
            .Cites("aql/functions/string.md#concat (aqlConcatStrings_2)"),
        Q("doc.aqlConcatNumbers_2", "RETURN CONCAT( [1, 2, 3] )", "[\"123\"]")
            .Cites("aql/functions/string.md#concat (aqlConcatNumbers_2)"),
        Q("doc.aqlConcatPrimitiveTypes_2", "RETURN CONCAT( [null, false, 0, true, \"\"] )", "[\"false0true\"]")
            .Cites("aql/functions/string.md#concat (aqlConcatPrimitiveTypes_2)"),
        Q("doc.aqlConcatCompoundTypes_2", "RETURN CONCAT( [[5, 6], {foo: \"bar\"}] )", @"[""[5,6]{\""foo\"":\""bar\""}""]")
            .Cites("aql/functions/string.md#concat (aqlConcatCompoundTypes_2)"),
        Q("doc.aqlConcatSeparatorStrings_1", "RETURN CONCAT_SEPARATOR(\", \", \"foo\", \"bar\", \"baz\")", "[\"foo, bar, baz\"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorStrings_1)"),
        Q("doc.aqlConcatSeparatorNumbers_1", "RETURN CONCAT_SEPARATOR(\", \", 1, 2, 3)", "[\"1, 2, 3\"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorNumbers_1)"),
        Q("doc.aqlConcatSeparatorPrimitiveTypes_1", "RETURN CONCAT_SEPARATOR(\", \", null, false, 0, true, \"\")", "[\"false, 0, true, \"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorPrimitiveTypes_1)"),
        Q("doc.aqlConcatSeparatorCompoundTypes_1", "RETURN CONCAT_SEPARATOR(\", \", [5, 6], {foo: \"bar\"})", @"[""[5,6], {\""foo\"":\""bar\""}""]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorCompoundTypes_1)"),
        Q("doc.aqlConcatSeparatorStrings_2", "RETURN CONCAT_SEPARATOR(\", \", [\"foo\", \"bar\", \"baz\"])", "[\"foo, bar, baz\"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorStrings_2)"),
        Q("doc.aqlConcatSeparatorNumbers_2", "RETURN CONCAT_SEPARATOR(\", \", [1, 2, 3])", "[\"1, 2, 3\"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorNumbers_2)"),
        Q("doc.aqlConcatSeparatorPrimitiveTypes_2", "RETURN CONCAT_SEPARATOR(\", \", [null, false, 0, true, \"\"])", "[\"false, 0, true, \"]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorPrimitiveTypes_2)"),
        Q("doc.aqlConcatSeparatorCompoundTypes_2", "RETURN CONCAT_SEPARATOR(\", \", [[5, 6], {foo: \"bar\"}])", @"[""[5,6], {\""foo\"":\""bar\""}""]")
            .Cites("aql/functions/string.md#concat_separator (aqlConcatSeparatorCompoundTypes_2)"),
        Q("doc.aqlContainsMatch", "RETURN CONTAINS(\"foobarbaz\", \"bar\")", "[true]")
            .Cites("aql/functions/string.md#contains (aqlContainsMatch)"),
        Q("doc.aqlContains", "RETURN CONTAINS(\"foobarbaz\", \"horse\")", "[false]")
            .Cites("aql/functions/string.md#contains (aqlContains)"),
        Q("doc.aqlContainsMatchIndex", "RETURN CONTAINS(\"foobarbaz\", \"bar\", true)", "[3]")
            .Cites("aql/functions/string.md#contains (aqlContainsMatchIndex)"),
        Q("doc.aqlContainsNoMatchIndex", "RETURN CONTAINS(\"foobarbaz\", \"horse\", true)", "[-1]")
            .Cites("aql/functions/string.md#contains (aqlContainsNoMatchIndex)"),
        Q("doc.aqlCrc32", "RETURN CRC32(\"foobar\")", "[\"D5F5C7F\"]")
            .Cites("aql/functions/string.md#crc32 (aqlCrc32)"),
        Q("doc.aqlEncodeUriComponent", "RETURN ENCODE_URI_COMPONENT(\"fünf %\")", "[\"f%C3%BCnf%20%25\"]")
            .Cites("aql/functions/string.md#encode_uri_component (aqlEncodeUriComponent)"),
        Q("doc.aqlFindFirst_1", "RETURN FIND_FIRST(\"foobarbaz\", \"ba\")", "[3]")
            .Cites("aql/functions/string.md#find_first (aqlFindFirst_1)"),
        Q("doc.aqlFindFirst_2", "RETURN FIND_FIRST(\"foobarbaz\", \"ba\", 4)", "[6]")
            .Cites("aql/functions/string.md#find_first (aqlFindFirst_2)"),
        Q("doc.aqlFindFirst_3", "RETURN FIND_FIRST(\"foobarbaz\", \"ba\", 0, 3)", "[-1]")
            .Cites("aql/functions/string.md#find_first (aqlFindFirst_3)"),
        Q("doc.aqlFindLast_1", "RETURN FIND_LAST(\"foobarbaz\", \"ba\")", "[6]")
            .Cites("aql/functions/string.md#find_last (aqlFindLast_1)"),
        Q("doc.aqlFindLast_2", "RETURN FIND_LAST(\"foobarbaz\", \"ba\", 7)", "[-1]")
            .Cites("aql/functions/string.md#find_last (aqlFindLast_2)"),
        Q("doc.aqlFindLast_3", "RETURN FIND_LAST(\"foobarbaz\", \"ba\", 0, 4)", "[3]")
            .Cites("aql/functions/string.md#find_last (aqlFindLast_3)"),
        Q("doc.aqlFnv64", "RETURN FNV64(\"foobar\")", "[\"85944171F73967E8\"]")
            .Cites("aql/functions/string.md#fnv64 (aqlFnv64)"),
        Q("doc.aqlIPv4FromNumber_2", "RETURN IPV4_FROM_NUMBER(134744072)", "[\"8.8.8.8\"]")
            .Cites("aql/functions/string.md#ipv4_from_number (aqlIPv4FromNumber_2)"),
        Q("doc.aqlIPv4FromNumber_3", "RETURN IPV4_FROM_NUMBER(2130706433)", "[\"127.0.0.1\"]")
            .Cites("aql/functions/string.md#ipv4_from_number (aqlIPv4FromNumber_3)"),
        Q("doc.aqlIPv4FromNumber_4", "RETURN IPV4_FROM_NUMBER(3232235521)", "[\"192.168.0.1\"]")
            .Cites("aql/functions/string.md#ipv4_from_number (aqlIPv4FromNumber_4)"),
        Q("doc.aqlIPv4ToNumber_2", "RETURN IPV4_TO_NUMBER(\"8.8.8.8\")", "[134744072]")
            .Cites("aql/functions/string.md#ipv4_to_number (aqlIPv4ToNumber_2)"),
        Q("doc.aqlIPv4ToNumber_3", "RETURN IPV4_TO_NUMBER(\"127.0.0.1\")", "[2130706433]")
            .Cites("aql/functions/string.md#ipv4_to_number (aqlIPv4ToNumber_3)"),
        Q("doc.aqlIPv4ToNumber_4", "RETURN IPV4_TO_NUMBER(\"192.168.0.1\")", "[3232235521]")
            .Cites("aql/functions/string.md#ipv4_to_number (aqlIPv4ToNumber_4)"),
        Q("doc.aqlIsIPv4_2", "RETURN IS_IPV4(\"8.8.8.8\")", "[true]")
            .Cites("aql/functions/string.md#is_ipv4 (aqlIsIPv4_2)"),
        Q("doc.aqlIsIPv4_3", "RETURN IS_IPV4(\"008.008.008.008\")", "[false]")
            .Cites("aql/functions/string.md#is_ipv4 (aqlIsIPv4_3)"),
        Q("doc.aqlIsIPv4_4", "RETURN IS_IPV4(\"12345.2.3.4\")", "[false]")
            .Cites("aql/functions/string.md#is_ipv4 (aqlIsIPv4_4)"),
        Q("doc.aqlIsIPv4_5", "RETURN IS_IPV4(\"12.34\")", "[false]")
            .Cites("aql/functions/string.md#is_ipv4 (aqlIsIPv4_5)"),
        Q("doc.aqlIsIPv4_6", "RETURN IS_IPV4(8888)", "[false]")
            .Cites("aql/functions/string.md#is_ipv4 (aqlIsIPv4_6)"),
        Q("doc.aqlJsonParse_1", "RETURN JSON_PARSE(\"123\")", "[123]")
            .Cites("aql/functions/string.md#json_parse (aqlJsonParse_1)"),
        Q("doc.aqlJsonParse_2", "RETURN JSON_PARSE(\"[ true, false, null, -0.5 ]\")", "[[true,false,null,-0.5]]")
            .Cites("aql/functions/string.md#json_parse (aqlJsonParse_2)"),
        Q("doc.aqlJsonParse_3", "RETURN JSON_PARSE('{\"a\": 1}')", "[{\"a\":1}]")
            .Cites("aql/functions/string.md#json_parse (aqlJsonParse_3)"),
        Q("doc.aqlJsonParse_4", "RETURN JSON_PARSE('\"abc\"')", "[\"abc\"]")
            .Cites("aql/functions/string.md#json_parse (aqlJsonParse_4)"),
        Q("doc.aqlJsonParse_5", "RETURN JSON_PARSE(\"abc\") // invalid JSON", "[null]")
            .Cites("aql/functions/string.md#json_parse (aqlJsonParse_5)"),
        Q("doc.aqlJsonStringify_1", "RETURN JSON_STRINGIFY(true)", "[\"true\"]")
            .Cites("aql/functions/string.md#json_stringify (aqlJsonStringify_1)"),
        Q("doc.aqlJsonStringify_2", "RETURN JSON_STRINGIFY(\"abc\")", @"[""\""abc\""""]")
            .Cites("aql/functions/string.md#json_stringify (aqlJsonStringify_2)"),
        Q("doc.aqlJsonStringify_3", "RETURN JSON_STRINGIFY( [1, {'2': .5}] )", @"[""[1,{\""2\"":0.5}]""]")
            .Cites("aql/functions/string.md#json_stringify (aqlJsonStringify_3)"),
        Q("doc.aqlLeft_1", "RETURN LEFT(\"foobar\", 3)", "[\"foo\"]")
            .Cites("aql/functions/string.md#left (aqlLeft_1)"),
        Q("doc.aqlLeft_2", "RETURN LEFT(\"foobar\", 10)", "[\"foobar\"]")
            .Cites("aql/functions/string.md#left (aqlLeft_2)"),
        Q("doc.aqlLengthString_1", "RETURN LENGTH(\"foobar\")", "[6]")
            .Cites("aql/functions/string.md#length (aqlLengthString_1)"),
        Q("doc.aqlLengthString_2", "RETURN LENGTH(\"电脑坏了\")", "[4]")
            .Cites("aql/functions/string.md#length (aqlLengthString_2)"),
        Q("doc.aqlLevenshteinDistance_2", "RETURN LEVENSHTEIN_DISTANCE(\" \", \"\")", "[1]")
            .Cites("aql/functions/string.md#levenshtein_distance (aqlLevenshteinDistance_2)"),
        Q("doc.aqlLevenshteinDistance_3", "RETURN LEVENSHTEIN_DISTANCE(\"The quick brown fox jumps over the lazy dog\", \"The quick black dog jumps over the brown fox\")", "[13]")
            .Cites("aql/functions/string.md#levenshtein_distance (aqlLevenshteinDistance_3)"),
        Q("doc.aqlLevenshteinDistance_4", "RETURN LEVENSHTEIN_DISTANCE(\"der mötör trötet\", \"der trötet\")", "[6]")
            .Cites("aql/functions/string.md#levenshtein_distance (aqlLevenshteinDistance_4)"),
        Q("doc.aqlLikeString_1", @"RETURN [
  LIKE(""cart"", ""ca_t""),
  LIKE(""carrot"", ""ca_t""),
  LIKE(""carrot"", ""ca%t"")
]", "[[true,false,true]]")
            .Cites("aql/functions/string.md#like (aqlLikeString_1)"),
        Q("doc.aqlLikeString_2", @"RETURN [
  LIKE(""foo bar baz"", ""bar""),
  LIKE(""foo bar baz"", ""%bar%""),
  LIKE(""bar"", ""%bar%"")
]", "[[false,true,true]]")
            .Cites("aql/functions/string.md#like (aqlLikeString_2)"),
        Q("doc.aqlLikeString_3", @"RETURN [
  LIKE(""FoO bAr BaZ"", ""fOo%bAz""),
  LIKE(""FoO bAr BaZ"", ""fOo%bAz"", true)
]", "[[false,true]]")
            .Cites("aql/functions/string.md#like (aqlLikeString_3)"),
        Q("doc.aqlLower", "RETURN LOWER(\"AVOcado\")", "[\"avocado\"]")
            .Cites("aql/functions/string.md#lower (aqlLower)"),
        Q("doc.aqlLtrim_1", "RETURN LTRIM(\"foo bar\")", "[\"foo bar\"]")
            .Cites("aql/functions/string.md#ltrim (aqlLtrim_1)"),
        Q("doc.aqlLtrim_2", "RETURN LTRIM(\"  foo bar  \")", "[\"foo bar  \"]")
            .Cites("aql/functions/string.md#ltrim (aqlLtrim_2)"),
        Q("doc.aqlLtrim_3", "RETURN LTRIM(\"--==[foo-bar]==--\", \"-=[]\")", "[\"foo-bar]==--\"]")
            .Cites("aql/functions/string.md#ltrim (aqlLtrim_3)"),
        Q("doc.aqlMd5", "RETURN MD5(\"foobar\")", "[\"3858f62230ac3c915f300c664312c63f\"]")
            .Cites("aql/functions/string.md#md5 (aqlMd5)"),
        Q("doc.aqlRegexMatches_1", "RETURN REGEX_MATCHES(\"My-us3r_n4m3\", \"^[a-z0-9_-]{3,16}$\", true)", "[[\"My-us3r_n4m3\"]]")
            .Cites("aql/functions/string.md#regex_matches (aqlRegexMatches_1)"),
        Q("doc.aqlRegexMatches_2", "RETURN REGEX_MATCHES(\"#4d82h4\", \"^#?([a-f0-9]{6}|[a-f0-9]{3})$\", true)", "[null]")
            .Cites("aql/functions/string.md#regex_matches (aqlRegexMatches_2)"),
        Q("doc.aqlRegexMatches_3", @"RETURN REGEX_MATCHES(""john@doe.com"", ""^([a-z0-9_\\.-]+)@([\\da-z-]+)\\.([a-z\\.]{2,6})$"", false)", "[[\"john@doe.com\",\"john\",\"doe\",\"com\"]]")
            .Cites("aql/functions/string.md#regex_matches (aqlRegexMatches_3)"),
        Q("doc.aqlRegexSplit_2", @"RETURN REGEX_SPLIT(""hypertext language, programming"", ""[\\s, ]+"")", "[[\"hypertext\",\"language\",\"programming\"]]")
            .Cites("aql/functions/string.md#regex_split (aqlRegexSplit_2)"),
        Q("doc.aqlRegexSplit_3", @"RETURN [
  REGEX_SPLIT(""Capture the article"", ""(the)""),
  REGEX_SPLIT(""Don't capture the article"", ""the"")
]", "[[[\"Capture \",\"the\",\" article\"],[\"Don't capture \",\" article\"]]]")
            .Cites("aql/functions/string.md#regex_split (aqlRegexSplit_3)"),
        Q("doc.aqlRegexSplit_4", "RETURN REGEX_SPLIT(\"cA,Bc,A,BcA,BcA,Bc\", \"a,b\", true, 3)", "[[\"c\",\"c,\",\"c\"]]")
            .Cites("aql/functions/string.md#regex_split (aqlRegexSplit_4)"),
        Q("doc.aqlRegexTest_1", "RETURN REGEX_TEST(\"the quick brown fox\", \"the.*fox\")", "[true]")
            .Cites("aql/functions/string.md#regex_test (aqlRegexTest_1)"),
        Q("doc.aqlRegexReplace_1", "RETURN REGEX_REPLACE(\"the quick brown fox\", \"the.*fox\", \"jumped over\")", "[\"jumped over\"]")
            .Cites("aql/functions/string.md#regex_replace (aqlRegexReplace_1)"),
        Q("doc.aqlRegexReplace_2", "RETURN REGEX_REPLACE(\"An Avocado\", \"a\", \"_\")", "[\"An Avoc_do\"]")
            .Cites("aql/functions/string.md#regex_replace (aqlRegexReplace_2)"),
        Q("doc.aqlRegexReplace_3", "RETURN REGEX_REPLACE(\"An Avocado\", \"a\", \"_\", true)", "[\"_n _voc_do\"]")
            .Cites("aql/functions/string.md#regex_replace (aqlRegexReplace_3)"),
        Q("doc.aqlReverse_1", "RETURN REVERSE(\"foobar\")", "[\"raboof\"]")
            .Cites("aql/functions/string.md#reverse (aqlReverse_1)"),
        Q("doc.aqlReverse_2", "RETURN REVERSE(\"电脑坏了\")", "[\"了坏脑电\"]")
            .Cites("aql/functions/string.md#reverse (aqlReverse_2)"),
        Q("doc.aqlRight_1", "RETURN RIGHT(\"foobar\", 3)", "[\"bar\"]")
            .Cites("aql/functions/string.md#right (aqlRight_1)"),
        Q("doc.aqlRight_2", "RETURN RIGHT(\"foobar\", 10)", "[\"foobar\"]")
            .Cites("aql/functions/string.md#right (aqlRight_2)"),
        Q("doc.aqlRtrim_1", "RETURN RTRIM(\"foo bar\")", "[\"foo bar\"]")
            .Cites("aql/functions/string.md#rtrim (aqlRtrim_1)"),
        Q("doc.aqlRtrim_2", "RETURN RTRIM(\"  foo bar  \")", "[\"  foo bar\"]")
            .Cites("aql/functions/string.md#rtrim (aqlRtrim_2)"),
        Q("doc.aqlRtrim_3", "RETURN RTRIM(\"--==[foo-bar]==--\", \"-=[]\")", "[\"--==[foo-bar\"]")
            .Cites("aql/functions/string.md#rtrim (aqlRtrim_3)"),
        Q("doc.aqlSha1", "RETURN SHA1(\"foobar\")", "[\"8843d7f92416211de9ebb963ff4ce28125932878\"]")
            .Cites("aql/functions/string.md#sha1 (aqlSha1)"),
        Q("doc.aqlSha512", "RETURN SHA512(\"foobar\")", "[\"0a50261ebd1a390fed2bf326f2673c145582a6342d523204973d0219337f81616a8069b012587cf5635f6925f1b56c360230c19b273500ee013e030601bf2425\"]")
            .Cites("aql/functions/string.md#sha512 (aqlSha512)"),
        Q("doc.aqlSoundex", @"RETURN [
  SOUNDEX(""example""),
  SOUNDEX(""ekzampul""),
  SOUNDEX(""soundex""),
  SOUNDEX(""sounteks"")
]", "[[\"E251\",\"E251\",\"S532\",\"S532\"]]")
            .Cites("aql/functions/string.md#soundex (aqlSoundex)"),
        Q("doc.aqlSplit_1", "RETURN SPLIT( \"foo-bar-baz\", \"-\" )", "[[\"foo\",\"bar\",\"baz\"]]")
            .Cites("aql/functions/string.md#split (aqlSplit_1)"),
        Q("doc.aqlSplit_2", "RETURN SPLIT( \"foo-bar-baz\", \"-\", 1 )", "[[\"foo\"]]")
            .Cites("aql/functions/string.md#split (aqlSplit_2)"),
        Q("doc.aqlSplit_3", "RETURN SPLIT( \"foo, bar & baz\", [ \", \", \" & \" ] )", "[[\"foo\",\"bar\",\"baz\"]]")
            .Cites("aql/functions/string.md#split (aqlSplit_3)"),
        Q("doc.aqlStartsWith_2", "RETURN STARTS_WITH(\"foobar\", \"baz\")", "[false]")
            .Cites("aql/functions/string.md#starts_with (aqlStartsWith_2)"),
        Q("doc.aqlStartsWith_4", "RETURN STARTS_WITH(\"foobar\", [\"bar\", \"baz\"])", "[false]")
            .Cites("aql/functions/string.md#starts_with (aqlStartsWith_4)"),
        Q("doc.aqlSubstitute_1", "RETURN SUBSTITUTE( \"the quick brown foxx\", \"quick\", \"lazy\" )", "[\"the lazy brown foxx\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_1)"),
        Q("doc.aqlSubstitute_2", "RETURN SUBSTITUTE( \"the quick brown foxx\", [ \"quick\", \"foxx\" ], [ \"slow\", \"dog\" ] )", "[\"the slow brown dog\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_2)"),
        Q("doc.aqlSubstitute_3", "RETURN SUBSTITUTE( \"the quick brown foxx\", [ \"the\", \"foxx\" ], [ \"that\", \"dog\" ], 1 )", "[\"that quick brown foxx\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_3)"),
        Q("doc.aqlSubstitute_4", "RETURN SUBSTITUTE( \"the quick brown foxx\", [ \"the\", \"quick\", \"foxx\" ], [ \"A\", \"VOID!\" ] )", "[\"A VOID! brown \"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_4)"),
        Q("doc.aqlSubstitute_5", "RETURN SUBSTITUTE( \"the quick brown foxx\", [ \"quick\", \"foxx\" ], \"xx\" )", "[\"the xx brown xx\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_5)"),
        Q("doc.aqlSubstitute_6", @"RETURN SUBSTITUTE(""the quick brown foxx"", {
  ""quick"": ""small"",
  ""brown"": ""slow"",
  ""foxx"": ""ant""
})", "[\"the small slow ant\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_6)"),
        Q("doc.aqlSubstitute_7", @"RETURN SUBSTITUTE(""the quick brown foxx"", { 
  ""quick"": """",
  ""brown"": null,
  ""foxx"": ""ant""
})", "[\"the   ant\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_7)"),
        Q("doc.aqlSubstitute_8", @"RETURN SUBSTITUTE(""the quick brown foxx"", {
  ""quick"": ""small"",
  ""brown"": ""slow"",
  ""foxx"": ""ant""
}, 2)", "[\"the small slow foxx\"]")
            .Cites("aql/functions/string.md#substitute (aqlSubstitute_8)"),
        Q("doc.aqlSubstring_1", "RETURN SUBSTRING(\"Holy Guacamole!\", 5)", "[\"Guacamole!\"]")
            .Cites("aql/functions/string.md#substring (aqlSubstring_1)"),
        Q("doc.aqlSubstring_2", "RETURN SUBSTRING(\"Holy Guacamole!\", 10, 4)", "[\"mole\"]")
            .Cites("aql/functions/string.md#substring (aqlSubstring_2)"),
        Q("doc.aqlSubstring_3", "RETURN SUBSTRING(\"Holy Guacamole!\", -5, 4)", "[\"mole\"]")
            .Cites("aql/functions/string.md#substring (aqlSubstring_3)"),
        Q("doc.aqlSubstringBytes_2", "RETURN SUBSTRING_BYTES(\"We ❤️ avocado!\", 3, 3)", "[\"❤\"]")
            .Cites("aql/functions/string.md#substring_bytes (aqlSubstringBytes_2)"),
        Q("doc.aqlSubstringBytes_3", "RETURN SUBSTRING_BYTES(\"We ❤️ avocado!\", -15, 6)", "[\"❤️\"]")
            .Cites("aql/functions/string.md#substring_bytes (aqlSubstringBytes_3)"),
        Q("doc.aqlToBase64", @"RETURN [
  TO_BASE64(""ABC.""),
  TO_BASE64(""123456"")
]", "[[\"QUJDLg==\",\"MTIzNDU2\"]]")
            .Cites("aql/functions/string.md#to_base64 (aqlToBase64)"),
        Q("doc.aqlToHex", @"RETURN [
  TO_HEX(""ABC.""),
  TO_HEX(""ü"")
]", "[[\"4142432e\",\"c3bc\"]]")
            .Cites("aql/functions/string.md#to_hex (aqlToHex)"),
        Q("doc.aqlTrim_1", "RETURN TRIM(\"foo bar\")", "[\"foo bar\"]")
            .Cites("aql/functions/string.md#trim (aqlTrim_1)"),
        Q("doc.aqlTrim_2", "RETURN TRIM(\"  foo bar  \")", "[\"foo bar\"]")
            .Cites("aql/functions/string.md#trim (aqlTrim_2)"),
        Q("doc.aqlTrim_3", "RETURN TRIM(\"--==[foo-bar]==--\", \"-=[]\")", "[\"foo-bar\"]")
            .Cites("aql/functions/string.md#trim (aqlTrim_3)"),
        Q("doc.aqlTrim_5", "RETURN TRIM(\";foo;bar;baz, \", \",; \")", "[\"foo;bar;baz\"]")
            .Cites("aql/functions/string.md#trim (aqlTrim_5)"),
        Q("doc.aqlUpper", "RETURN UPPER(\"AVOcado\")", "[\"AVOCADO\"]")
            .Cites("aql/functions/string.md#upper (aqlUpper)"),
        Q("doc.aqlMiscInRange_1", @"LET value = 4
RETURN IN_RANGE(value, 3, 5, true, true)
/* same as:
   RETURN value >= 3 AND value <= 5
*/", "[true]")
            .Cites("aql/functions/miscellaneous.md#in_range (aqlMiscInRange_1)"),
        Q("doc.aqlMiscInRange_2", @"FOR value IN 2..6
  RETURN { value, in_range: IN_RANGE(value, 3, 5, false, true) }
  /* same as:
     RETURN { value, in_range: value > 3 AND value <= 5 }
  */", "[{\"value\":2,\"in_range\":false},{\"value\":3,\"in_range\":false},{\"value\":4,\"in_range\":true},{\"value\":5,\"in_range\":true},{\"value\":6,\"in_range\":false}]")
            .Cites("aql/functions/miscellaneous.md#in_range (aqlMiscInRange_2)"),
        Q("doc.aqlMiscInRange_3", @"LET coll = [
  { text: ""fennel"" },
  { text: ""fox grape"" },
  { text: ""forest strawberry"" },
  { text: ""fungus"" }
]
FOR doc IN coll
  FILTER IN_RANGE(doc.text,""fo"", ""fp"", true, false) // values with prefix ""fo""
  /* same as:
     FILTER doc.text >= ""fo"" AND doc.text < ""fp""
  */
  RETURN doc", "[{\"text\":\"fox grape\"},{\"text\":\"forest strawberry\"}]")
            .Cites("aql/functions/miscellaneous.md#in_range (aqlMiscInRange_3)"),
        Q("doc.aqlArrayCountDistinct_1", "RETURN COUNT_DISTINCT([ 1, 2, 3 ])", "[3]")
            .Cites("aql/functions/array.md#count_distinct (aqlArrayCountDistinct_1)"),
        Q("doc.aqlArrayCountDistinct_2", "RETURN COUNT_DISTINCT([ \"yes\", \"no\", \"yes\", \"sauron\", \"no\", \"yes\" ])", "[3]")
            .Cites("aql/functions/array.md#count_distinct (aqlArrayCountDistinct_2)"),
        Q("doc.aqlArrayFirst_1", "RETURN FIRST([ 1, 2, 3 ])", "[1]")
            .Cites("aql/functions/array.md#first (aqlArrayFirst_1)"),
        Q("doc.aqlArrayFirst_2", "RETURN FIRST([])", "[null]")
            .Cites("aql/functions/array.md#first (aqlArrayFirst_2)"),
        Q("doc.aqlArrayInterleave_2", "RETURN INTERLEAVE( [ 1 ], [2, 2], [3, 3, 3] )", "[[1,2,3,2,3,3]]")
            .Cites("aql/functions/array.md#interleave (aqlArrayInterleave_2)"),
        Q("doc.aqlArrayJaccard_2", "RETURN JACCARD( [1,1,2,2,2,3], [2,2,3,4] )", "[0.5]")
            .Cites("aql/functions/array.md#jaccard (aqlArrayJaccard_2)"),
        Q("doc.aqlArrayJaccard_3", "RETURN JACCARD( [1,2,3], [] )", "[0]")
            .Cites("aql/functions/array.md#jaccard (aqlArrayJaccard_3)"),
        Q("doc.aqlArrayJaccard_4", "RETURN JACCARD( [], [] )", "[1]")
            .Cites("aql/functions/array.md#jaccard (aqlArrayJaccard_4)"),
        Q("doc.aqlArrayLast_1", "RETURN LAST( [1,2,3,4,5] )", "[5]")
            .Cites("aql/functions/array.md#last (aqlArrayLast_1)"),
        Q("doc.aqlArrayLength_1", "RETURN LENGTH( \"🥑\" )", "[1]")
            .Cites("aql/functions/array.md#length (aqlArrayLength_1)"),
        Q("doc.aqlArrayLength_2", "RETURN LENGTH( 1234 )", "[4]")
            .Cites("aql/functions/array.md#length (aqlArrayLength_2)"),
        Q("doc.aqlArrayLength_3", "RETURN LENGTH( [1,2,3,4,5,6,7] )", "[7]")
            .Cites("aql/functions/array.md#length (aqlArrayLength_3)"),
        Q("doc.aqlArrayLength_4", "RETURN LENGTH( false )", "[0]")
            .Cites("aql/functions/array.md#length (aqlArrayLength_4)"),
        Q("doc.aqlArrayLength_5", "RETURN LENGTH( {a:1, b:2, c:3, d:4, e:{f:5,g:6}} )", "[5]")
            .Cites("aql/functions/array.md#length (aqlArrayLength_5)"),
        Q("doc.aqlArrayNth_1", "RETURN NTH( [ \"foo\", \"bar\", \"baz\" ], 2 )", "[\"baz\"]")
            .Cites("aql/functions/array.md#nth (aqlArrayNth_1)"),
        Q("doc.aqlArrayNth_2", "RETURN NTH( [ \"foo\", \"bar\", \"baz\" ], 3 )", "[null]")
            .Cites("aql/functions/array.md#nth (aqlArrayNth_2)"),
        Q("doc.aqlArrayNth_3", "RETURN NTH( [ \"foo\", \"bar\", \"baz\" ], -1 )", "[null]")
            .Cites("aql/functions/array.md#nth (aqlArrayNth_3)"),
        Q("doc.aqlArrayPop_1", "RETURN POP( [ 1, 2, 3, 4 ] )", "[[1,2,3]]")
            .Cites("aql/functions/array.md#pop (aqlArrayPop_1)"),
        Q("doc.aqlArrayPop_2", "RETURN POP( [ 1 ] )", "[[]]")
            .Cites("aql/functions/array.md#pop (aqlArrayPop_2)"),
        Q("doc.aqlArrayPosition_1", "RETURN POSITION( [2,4,6,8], 4 )", "[true]")
            .Cites("aql/functions/array.md#position (aqlArrayPosition_1)"),
        Q("doc.aqlArrayPosition_2", "RETURN POSITION( [2,4,6,8], 4, true )", "[1]")
            .Cites("aql/functions/array.md#position (aqlArrayPosition_2)"),
        Q("doc.aqlArrayPosition_3", @"LET arr = [ { value: ""foo"" }, { value: ""bar"" }, { value: ""baz"" }, { value: ""bay""} ]
RETURN POSITION(arr[*].value, ""baz"", true)", "[2]")
            .Cites("aql/functions/array.md#position (aqlArrayPosition_3)"),
        Q("doc.aqlArrayPush_1", "RETURN PUSH([ 1, 2, 3 ], 4)", "[[1,2,3,4]]")
            .Cites("aql/functions/array.md#push (aqlArrayPush_1)"),
        Q("doc.aqlArrayPush_2", "RETURN PUSH([ 1, 2, 2, 3 ], 2, true)", "[[1,2,2,3]]")
            .Cites("aql/functions/array.md#push (aqlArrayPush_2)"),
        Q("doc.aqlArrayRemoveNth_1", "RETURN REMOVE_NTH( [ \"a\", \"b\", \"c\", \"d\", \"e\" ], 1 )", "[[\"a\",\"c\",\"d\",\"e\"]]")
            .Cites("aql/functions/array.md#remove_nth (aqlArrayRemoveNth_1)"),
        Q("doc.aqlArrayRemoveNth_2", "RETURN REMOVE_NTH( [ \"a\", \"b\", \"c\", \"d\", \"e\" ], -2 )", "[[\"a\",\"b\",\"c\",\"e\"]]")
            .Cites("aql/functions/array.md#remove_nth (aqlArrayRemoveNth_2)"),
        Q("doc.aqlArrayReplaceNth_1", "RETURN REPLACE_NTH( [ \"a\", \"b\", \"c\" ], 1 , \"z\")", "[[\"a\",\"z\",\"c\"]]")
            .Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_1)"),
        Q("doc.aqlArrayReplaceNth_6", "RETURN REPLACE_NTH( [ \"a\", \"b\", \"c\" ], -9, \"z\" )", "[[\"z\",\"b\",\"c\"]]")
            .Cites("aql/functions/array.md#replace_nth (aqlArrayReplaceNth_6)"),
        Q("doc.aqlArrayRemoveValue_1", "RETURN REMOVE_VALUE( [ \"a\", \"b\", \"b\", \"a\", \"c\" ], \"a\" )", "[[\"b\",\"b\",\"c\"]]")
            .Cites("aql/functions/array.md#remove_value (aqlArrayRemoveValue_1)"),
        Q("doc.aqlArrayRemoveValue_2", "RETURN REMOVE_VALUE( [ \"a\", \"b\", \"b\", \"a\", \"c\" ], \"a\", 1 )", "[[\"b\",\"b\",\"a\",\"c\"]]")
            .Cites("aql/functions/array.md#remove_value (aqlArrayRemoveValue_2)"),
        Q("doc.aqlArrayRemoveValues_1", "RETURN REMOVE_VALUES( [ \"a\", \"a\", \"b\", \"c\", \"d\", \"e\", \"f\" ], [ \"a\", \"f\", \"d\" ] )", "[[\"b\",\"c\",\"e\"]]")
            .Cites("aql/functions/array.md#remove_values (aqlArrayRemoveValues_1)"),
        Q("doc.aqlArrayShift_1", "RETURN SHIFT( [ 1, 2, 3, 4 ] )", "[[2,3,4]]")
            .Cites("aql/functions/array.md#shift (aqlArrayShift_1)"),
        Q("doc.aqlArrayShift_2", "RETURN SHIFT( [ 1 ] )", "[[]]")
            .Cites("aql/functions/array.md#shift (aqlArrayShift_2)"),
        Q("doc.aqlArraySlice_1", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], 0, 1 )", "[[1]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_1)"),
        Q("doc.aqlArraySlice_2", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], 1, 2 )", "[[2,3]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_2)"),
        Q("doc.aqlArraySlice_3", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], 3 )", "[[4,5]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_3)"),
        Q("doc.aqlArraySlice_4", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], 1, -1 )", "[[2,3,4]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_4)"),
        Q("doc.aqlArraySlice_5", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], 0, -2 )", "[[1,2,3]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_5)"),
        Q("doc.aqlArraySlice_6", "RETURN SLICE( [ 1, 2, 3, 4, 5 ], -3, 2 )", "[[3,4]]")
            .Cites("aql/functions/array.md#slice (aqlArraySlice_6)"),
        Q("doc.aqlArrayUnion_1", @"RETURN UNION(
    [ 1, 2, 3 ],
    [ 1, 2 ]
)", "[[1,2,3,1,2]]")
            .Cites("aql/functions/array.md#union (aqlArrayUnion_1)"),
        Q("doc.aqlArrayUnion_2", @"RETURN UNIQUE(
    UNION(
        [ 1, 2, 3 ],
        [ 1, 2 ]
    )
)", "[[1,2,3]]")
            .Cites("aql/functions/array.md#union (aqlArrayUnion_2)"),
        Q("doc.aqlArrayUnionDistinct_1", @"RETURN UNION_DISTINCT(
    [ 1, 2, 3 ],
    [ 1, 2 ]
)", "[[1,2,3]]")
            .Cites("aql/functions/array.md#union_distinct (aqlArrayUnionDistinct_1)"),
        Q("doc.aqlArrayUnique_1", "RETURN UNIQUE( [ 1,2,2,3,3,3,4,4,4,4,5,5,5,5,5 ] )", "[[1,2,3,4,5]]")
            .Cites("aql/functions/array.md#unique (aqlArrayUnique_1)"),
        Q("doc.aqlArrayUnshift_1", "RETURN UNSHIFT( [ 1, 2, 3 ], 4 )", "[[4,1,2,3]]")
            .Cites("aql/functions/array.md#unshift (aqlArrayUnshift_1)"),
        Q("doc.aqlArrayUnshift_2", "RETURN UNSHIFT( [ 1, 2, 3 ], 2, true )", "[[1,2,3]]")
            .Cites("aql/functions/array.md#unshift (aqlArrayUnshift_2)"),
        Q("doc.datedyofwk1", "RETURN DATE_DAYOFWEEK(\"2020-08-29\")", "[6]")
            .Cites("aql/functions/date.md#date_dayofweek (datedyofwk1)"),
        Q("doc.datedyofwk2", "RETURN DATE_DAYOFWEEK(0)", "[4]")
            .Cites("aql/functions/date.md#date_dayofweek (datedyofwk2)"),
        Q("doc.dateyr1", "RETURN DATE_YEAR(\"2020-08-29\")", "[2020]")
            .Cites("aql/functions/date.md#date_year (dateyr1)"),
        Q("doc.dateyr2", "RETURN DATE_YEAR(0)", "[1970]")
            .Cites("aql/functions/date.md#date_year (dateyr2)"),
        Q("doc.datemn1", "RETURN DATE_MONTH(\"2020-08-29\")", "[8]")
            .Cites("aql/functions/date.md#date_month (datemn1)"),
        Q("doc.datemn2", "RETURN DATE_MONTH(0)", "[1]")
            .Cites("aql/functions/date.md#date_month (datemn2)"),
        Q("doc.datedy1", "RETURN DATE_DAY(\"2020-08-29\")", "[29]")
            .Cites("aql/functions/date.md#date_day (datedy1)"),
        Q("doc.datedy2", "RETURN DATE_DAY(0)", "[1]")
            .Cites("aql/functions/date.md#date_day (datedy2)"),
        Q("doc.datehr1", "RETURN DATE_HOUR(\"2020-08-29T16:30:05.123\")", "[16]")
            .Cites("aql/functions/date.md#date_hour (datehr1)"),
        Q("doc.datehr2", "RETURN DATE_HOUR(14400000)", "[4]")
            .Cites("aql/functions/date.md#date_hour (datehr2)"),
        Q("doc.datemin1", "RETURN DATE_MINUTE(\"2020-08-29T16:30:05.123\")", "[30]")
            .Cites("aql/functions/date.md#date_minute (datemin1)"),
        Q("doc.datemin2", "RETURN DATE_MINUTE(2520000)", "[42]")
            .Cites("aql/functions/date.md#date_minute (datemin2)"),
        Q("doc.datesec1", "RETURN DATE_SECOND(\"2020-08-29T16:30:05.123\")", "[5]")
            .Cites("aql/functions/date.md#date_second (datesec1)"),
        Q("doc.datesec2", "RETURN DATE_SECOND(1234567890)", "[7]")
            .Cites("aql/functions/date.md#date_second (datesec2)"),
        Q("doc.datemilsec1", "RETURN DATE_MILLISECOND(\"2020-08-29T16:30:05.123\")", "[123]")
            .Cites("aql/functions/date.md#date_millisecond (datemilsec1)"),
        Q("doc.datemilsec2", "RETURN DATE_MILLISECOND(1234567890)", "[890]")
            .Cites("aql/functions/date.md#date_millisecond (datemilsec2)"),
        Q("doc.datedyofyr1", "RETURN DATE_DAYOFYEAR(\"2020-08-29\")", "[242]")
            .Cites("aql/functions/date.md#date_dayofyear (datedyofyr1)"),
        Q("doc.datedyofyr2", "RETURN DATE_DAYOFYEAR(86400000)", "[2]")
            .Cites("aql/functions/date.md#date_dayofyear (datedyofyr2)"),
        Q("doc.dateisofwk1", "RETURN DATE_ISOWEEK(\"2020-08-29\")", "[35]")
            .Cites("aql/functions/date.md#date_isoweek (dateisofwk1)"),
        Q("doc.dateisofwk2", "RETURN DATE_ISOWEEK(1234567890)", "[3]")
            .Cites("aql/functions/date.md#date_isoweek (dateisofwk2)"),
        Q("doc.aqlDateIsoWeekYear2", "RETURN DATE_ISOWEEKYEAR(\"2019-12-30\")", "[{\"week\":1,\"year\":2020}]")
            .Cites("aql/functions/date.md#date_isoweekyear (aqlDateIsoWeekYear2)"),
        Q("doc.datelpyr1", "RETURN DATE_LEAPYEAR(\"2020-01-01\")", "[true]")
            .Cites("aql/functions/date.md#date_leapyear (datelpyr1)"),
        Q("doc.datelpyr2", "RETURN DATE_LEAPYEAR(\"2021-01-01\")", "[false]")
            .Cites("aql/functions/date.md#date_leapyear (datelpyr2)"),
        Q("doc.dateqtr1", "RETURN DATE_QUARTER(\"2020-08-29\")", "[3]")
            .Cites("aql/functions/date.md#date_quarter (dateqtr1)"),
        Q("doc.datedysmn1", "RETURN DATE_DAYS_IN_MONTH(\"2020-08-01\")", "[31]")
            .Cites("aql/functions/date.md#date_days_in_month (datedysmn1)"),
        Q("doc.datedysmn2", "RETURN DATE_DAYS_IN_MONTH(\"2020-09-01\")", "[30]")
            .Cites("aql/functions/date.md#date_days_in_month (datedysmn2)"),
        Q("doc.datedysmn3", "RETURN DATE_DAYS_IN_MONTH(\"2020-02-01\")", "[29]")
            .Cites("aql/functions/date.md#date_days_in_month (datedysmn3)"),
        Q("doc.datedysmn4", "RETURN DATE_DAYS_IN_MONTH(\"2021-02-01\")", "[28]")
            .Cites("aql/functions/date.md#date_days_in_month (datedysmn4)"),
        Q("doc.datedysmn5", "RETURN DATE_DAYS_IN_MONTH(3045600000)", "[28]")
            .Cites("aql/functions/date.md#date_days_in_month (datedysmn5)"),
        Q("doc.dateTruncGroup", @"RETURN MERGE(
  FOR doc IN @data
    COLLECT q = DATE_TRUNC(doc.date, ""year"") INTO bucket
    RETURN { [DATE_YEAR(q)]: bucket[*].doc.value }
)", "[{\"2018\":[\"Spring\",\"Summer\",\"Autumn\"],\"2019\":[\"Winter\",\"Spring\"]}]").Bind("{\"data\":[{\"date\":\"2018-03-05\",\"value\":\"Spring\"},{\"date\":\"2018-07-11\",\"value\":\"Summer\"},{\"date\":\"2018-10-26\",\"value\":\"Autumn\"},{\"date\":\"2019-01-09\",\"value\":\"Winter\"},{\"date\":\"2019-04-02\",\"value\":\"Spring\"}]}")
            .Cites("aql/functions/date.md#date_trunc (dateTruncGroup)"),
        Q("doc.dateRoundAggregate", @"FOR doc IN @sensorData
  COLLECT
    date = DATE_ROUND(doc.timestamp, 5, ""minutes"")
  AGGREGATE
    count = COUNT(1),
    avg = AVG(doc.temp),
    min = MIN(doc.temp),
    max = MAX(doc.temp)
  RETURN { date, count, avg, min, max }", "[{\"date\":\"2019-12-04T21:15:00.000Z\",\"count\":2,\"avg\":20.4,\"min\":20.2,\"max\":20.6},{\"date\":\"2019-12-04T21:20:00.000Z\",\"count\":2,\"avg\":19.85,\"min\":19.8,\"max\":19.9},{\"date\":\"2019-12-04T21:25:00.000Z\",\"count\":2,\"avg\":19.75,\"min\":19.7,\"max\":19.8}]").Bind("{\"sensorData\":[{\"timestamp\":\"2019-12-04T21:17:52.583Z\",\"temp\":20.6},{\"timestamp\":\"2019-12-04T21:19:53.516Z\",\"temp\":20.2},{\"timestamp\":\"2019-12-04T21:21:53.610Z\",\"temp\":19.9},{\"timestamp\":\"2019-12-04T21:23:52.522Z\",\"temp\":19.8},{\"timestamp\":\"2019-12-04T21:25:52.988Z\",\"temp\":19.8},{\"timestamp\":\"2019-12-04T21:27:54.005Z\",\"temp\":19.7}]}")
            .Cites("aql/functions/date.md#date_round (dateRoundAggregate)"),
        Q("doc.dateFormat", @"FOR format IN @formats
  RETURN CONCAT(
    format.equalTo,
    ""('"",
    format.date,
    ""') = "",
    DATE_FORMAT(format.date, format.placeholder)
  )", "[\"DATE_DAYOFWEEK('2023-03-25T23:00:00.000Z') = 6\",\"DATE_YEAR('2023-12-31T23:00:00.000Z') = 2023\",\"DATE_MONTH('2023-12-31T23:00:00.000Z') = 12\",\"DATE_DAY('2023-12-31T23:00:00.000Z') = 31\",\"DATE_HOUR('2023-12-31T23:00:00.000Z') = 23\",\"DATE_MINUTE('2023-12-31T23:00:00.000Z') = 0\",\"DATE_SECOND('2023-12-31T23:00:23.000Z') = 23\",\"DATE_MILLISECOND('2023-12-31T23:00:00.031Z') = 31\",\"DATE_DAYOFYEAR('2023-12-31T23:00:00.000Z') = 365\",\"DATE_ISOWEEK('2023-12-31T23:00:00.000Z') = 52\",\"DATE_LEAPYEAR('2016-12-31T23:00:00.000Z') = 1\",\"DATE_QUARTER('2023-12-31T23:00:00.000Z') = 4\",\"DATE_DAYS_IN_MONTH('2023-11-30T23:00:00.000Z') = 30\",\"DATE_TIMESTAMP('2023-11-30T23:00:00.000Z') = 1701385200000\"]").Bind("{\"formats\":[{\"date\":\"2023-03-25T23:00:00.000Z\",\"placeholder\":\"%w\",\"equalTo\":\"DATE_DAYOFWEEK\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%yyyy\",\"equalTo\":\"DATE_YEAR\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%m\",\"equalTo\":\"DATE_MONTH\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%d\",\"equalTo\":\"DATE_DAY\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%h\",\"equalTo\":\"DATE_HOUR\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%i\",\"equalTo\":\"DATE_MINUTE\"},{\"date\":\"2023-12-31T23:00:23.000Z\",\"placeholder\":\"%s\",\"equalTo\":\"DATE_SECOND\"},{\"date\":\"2023-12-31T23:00:00.031Z\",\"placeholder\":\"%f\",\"equalTo\":\"DATE_MILLISECOND\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%x\",\"equalTo\":\"DATE_DAYOFYEAR\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%k\",\"equalTo\":\"DATE_ISOWEEK\"},{\"date\":\"2016-12-31T23:00:00.000Z\",\"placeholder\":\"%l\",\"equalTo\":\"DATE_LEAPYEAR\"},{\"date\":\"2023-12-31T23:00:00.000Z\",\"placeholder\":\"%q\",\"equalTo\":\"DATE_QUARTER\"},{\"date\":\"2023-11-30T23:00:00.000Z\",\"placeholder\":\"%a\",\"equalTo\":\"DATE_DAYS_IN_MONTH\"},{\"date\":\"2023-11-30T23:00:00.000Z\",\"placeholder\":\"%t\",\"equalTo\":\"DATE_TIMESTAMP\"}]}")
            .Cites("aql/functions/date.md#date_format (dateFormat)"),
        Q("doc.datediff1", "RETURN DATE_DIFF(\"2023-12-01\", \"2024-04-01\", \"days\")", "[122]")
            .Cites("aql/functions/date.md#date_diff (datediff1)"),
        Q("doc.aqlAttributesRemoveInternal", "RETURN ATTRIBUTES( { \"foo\": \"bar\", \"_key\": \"123\", \"_custom\": \"yes\" }, true )", "[[\"foo\"]]")
            .Cites("aql/functions/document-object.md#attributes (aqlAttributesRemoveInternal)"),
        Q("doc.aqlAttributesSort", "RETURN ATTRIBUTES( { \"foo\": \"bar\", \"_key\": \"123\", \"_custom\": \"yes\" }, false, true )", "[[\"_custom\",\"_key\",\"foo\"]]")
            .Cites("aql/functions/document-object.md#attributes (aqlAttributesSort)"),
        Q("doc.aqlHas_1", "RETURN HAS( { name: \"Jane\" }, \"name\" )", "[true]")
            .Cites("aql/functions/document-object.md#has (aqlHas_1)"),
        Q("doc.aqlHas_2", "RETURN HAS( { name: \"Jane\" }, \"age\" )", "[false]")
            .Cites("aql/functions/document-object.md#has (aqlHas_2)"),
        Q("doc.aqlHas_3", "RETURN HAS( { name: null }, \"name\" )", "[true]")
            .Cites("aql/functions/document-object.md#has (aqlHas_3)"),
        Q("doc.aqlIsSameCollection", @"RETURN [
  IS_SAME_COLLECTION( ""_users"", ""_users/my-user"" ),
  IS_SAME_COLLECTION( ""_users"", { _id: ""_users/my-user"" } ),
  IS_SAME_COLLECTION( ""_users"", ""foobar/baz""),
  IS_SAME_COLLECTION( ""_users"", { _id: ""something/else"" } )
]", "[[true,true,false,false]]")
            .Cites("aql/functions/document-object.md#is_same_collection (aqlIsSameCollection)"),
        Q("doc.aqlKeep_1", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP(doc, ""foo"")", "[{\"foo\":{\"bar\":{\"foo\":1,\"baz\":2},\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#keep (aqlKeep_1)"),
        Q("doc.aqlKeep_2", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP(doc, ""bar"")", "[{}]")
            .Cites("aql/functions/document-object.md#keep (aqlKeep_2)"),
        Q("doc.aqlKeep_3", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP(doc, ""baz"")", "[{\"baz\":4}]")
            .Cites("aql/functions/document-object.md#keep (aqlKeep_3)"),
        Q("doc.aqlKeep_4", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP(doc, ""foo"", ""baz"")", "[{\"baz\":4,\"foo\":{\"bar\":{\"foo\":1,\"baz\":2},\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#keep (aqlKeep_4)"),
        Q("doc.aqlKeep_5", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP(doc, [""foo"", ""baz""])", "[{\"baz\":4,\"foo\":{\"bar\":{\"foo\":1,\"baz\":2},\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#keep (aqlKeep_5)"),
        Q("doc.aqlKeepRecursive_5", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN KEEP_RECURSIVE(doc, ""foo"", ""baz"")", "[{\"baz\":4,\"foo\":{\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#keep_recursive (aqlKeepRecursive_5)"),
        Q("doc.aqlLengthObject", "RETURN LENGTH({ name: \"Emma\", age: 36, phone: { mobile: \"...\" } })", "[3]")
            .Cites("aql/functions/document-object.md#length (aqlLengthObject)"),
        Q("doc.aqlMatches_1", @"LET doc = {
  name: ""jane"",
  age: 27,
  active: true
}
RETURN MATCHES(doc, { age: 27, active: true } )", "[true]")
            .Cites("aql/functions/document-object.md#matches (aqlMatches_1)"),
        Q("doc.aqlMatches_2", @"RETURN MATCHES(
  { ""test"": 1 },
  [
    { ""test"": 1, ""foo"": ""bar"" },
    { ""foo"": 1 },
    { ""test"": 1 }
  ],
true)", "[2]")
            .Cites("aql/functions/document-object.md#matches (aqlMatches_2)"),
        Q("doc.aqlMerge_1", @"RETURN MERGE(
  { ""user1"": { ""name"": ""Jane"" } },
  { ""user2"": { ""name"": ""Tom"" } }
)", "[{\"user1\":{\"name\":\"Jane\"},\"user2\":{\"name\":\"Tom\"}}]")
            .Cites("aql/functions/document-object.md#merge (aqlMerge_1)"),
        Q("doc.aqlMerge_2", @"RETURN MERGE(
  { ""users"": { ""name"": ""Jane"" } },
  { ""users"": { ""name"": ""Tom"" } }
)", "[{\"users\":{\"name\":\"Tom\"}}]")
            .Cites("aql/functions/document-object.md#merge (aqlMerge_2)"),
        Q("doc.aqlMerge_3", @"RETURN MERGE(
  [
    { foo: ""bar"" },
    { quux: ""quetzalcoatl"", ruled: true },
    { bar: ""baz"", foo: ""done"" }
  ]
)", "[{\"foo\":\"done\",\"quux\":\"quetzalcoatl\",\"ruled\":true,\"bar\":\"baz\"}]")
            .Cites("aql/functions/document-object.md#merge (aqlMerge_3)"),
        Q("doc.aqlMergeRecursive_1", @"RETURN MERGE_RECURSIVE(
  { ""user-1"": { ""name"": ""Jane"", ""livesIn"": { ""city"": ""LA"" } } },
  { ""user-1"": { ""age"": 42, ""livesIn"": { ""state"": ""CA"" } } }
)", "[{\"user-1\":{\"livesIn\":{\"city\":\"LA\",\"state\":\"CA\"},\"name\":\"Jane\",\"age\":42}}]")
            .Cites("aql/functions/document-object.md#merge_recursive (aqlMergeRecursive_1)"),
        Q("doc.aqlMergeRecursive_2", @"RETURN MERGE_RECURSIVE(
  [
    { ""user-1"": { ""name"": ""Jane"", ""livesIn"": { ""city"": ""LA"" } } },
    { ""user-1"": { ""age"": 42, ""livesIn"": { ""city"": ""NY"" } } }
  ]
)", "[{\"user-1\":{\"livesIn\":{\"city\":\"NY\"},\"name\":\"Jane\",\"age\":42}}]")
            .Cites("aql/functions/document-object.md#merge_recursive (aqlMergeRecursive_2)"),
        Q("doc.aqlParseIdentifier_1", "RETURN PARSE_IDENTIFIER(\"_users/my-user\")", "[{\"collection\":\"_users\",\"key\":\"my-user\"}]")
            .Cites("aql/functions/document-object.md#parse_identifier (aqlParseIdentifier_1)"),
        Q("doc.aqlParseIdentifier_2", "RETURN PARSE_IDENTIFIER( { \"_id\": \"mycollection/mykey\", \"value\": \"some value\" } )", "[{\"collection\":\"mycollection\",\"key\":\"mykey\"}]")
            .Cites("aql/functions/document-object.md#parse_identifier (aqlParseIdentifier_2)"),
        Q("doc.aqlTranslate_1", "RETURN TRANSLATE(\"FR\", { US: \"United States\", UK: \"United Kingdom\", FR: \"France\" } )", "[\"France\"]")
            .Cites("aql/functions/document-object.md#translate (aqlTranslate_1)"),
        Q("doc.aqlTranslate_2", "RETURN TRANSLATE(42, { foo: \"bar\", bar: \"baz\" } )", "[42]")
            .Cites("aql/functions/document-object.md#translate (aqlTranslate_2)"),
        Q("doc.aqlTranslate_3", "RETURN TRANSLATE(42, { foo: \"bar\", bar: \"baz\" }, \"not found!\")", "[\"not found!\"]")
            .Cites("aql/functions/document-object.md#translate (aqlTranslate_3)"),
        Q("doc.aqlTranslate_4", "RETURN TRANSLATE(42, { \"42\": true } )", "[true]")
            .Cites("aql/functions/document-object.md#translate (aqlTranslate_4)"),
        Q("doc.aqlUnset_1", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET(doc, ""foo"")", "[{\"baz\":4}]")
            .Cites("aql/functions/document-object.md#unset (aqlUnset_1)"),
        Q("doc.aqlUnset_2", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET(doc, ""bar"")", "[{\"baz\":4,\"foo\":{\"bar\":{\"foo\":1,\"baz\":2},\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#unset (aqlUnset_2)"),
        Q("doc.aqlUnset_3", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET(doc, ""baz"")", "[{\"foo\":{\"bar\":{\"foo\":1,\"baz\":2},\"baz\":3}}]")
            .Cites("aql/functions/document-object.md#unset (aqlUnset_3)"),
        Q("doc.aqlUnset_4", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET(doc, ""foo"", ""baz"")", "[{}]")
            .Cites("aql/functions/document-object.md#unset (aqlUnset_4)"),
        Q("doc.aqlUnset_5", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET(doc, [""foo"", ""bar""])", "[{\"baz\":4}]")
            .Cites("aql/functions/document-object.md#unset (aqlUnset_5)"),
        Q("doc.aqlUnsetRecursive_1", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, ""foo"")", "[{\"baz\":4}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_1)"),
        Q("doc.aqlUnsetRecursive_3", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, ""baz"")", "[{\"foo\":{\"bar\":{\"foo\":1}}}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_3)"),
        Q("doc.aqlUnsetRecursive_4", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, ""foo"", ""bar"")", "[{\"baz\":4}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_4)"),
        Q("doc.aqlUnsetRecursive_5", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, ""foo"", ""baz"")", "[{}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_5)"),
        Q("doc.aqlUnsetRecursive_6", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, ""foo"", ""bar"", ""baz"")", "[{}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_6)"),
        Q("doc.aqlUnsetRecursive_7", @"LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 }
RETURN UNSET_RECURSIVE(doc, [""baz""])", "[{\"foo\":{\"bar\":{\"foo\":1}}}]")
            .Cites("aql/functions/document-object.md#unset_recursive (aqlUnsetRecursive_7)"),
        Q("doc.aqlValues_1", "RETURN VALUES( { \"_id\": \"users/jane\", \"name\": \"Jane\", \"age\": 35 } )", "[[\"users/jane\",\"Jane\",35]]")
            .Cites("aql/functions/document-object.md#values (aqlValues_1)"),
        Q("doc.aqlValues_2", "RETURN VALUES( { \"_id\": \"users/jane\", \"name\": \"Jane\", \"age\": 35 }, true )", "[[\"Jane\",35]]")
            .Cites("aql/functions/document-object.md#values (aqlValues_2)"),
        Q("doc.aqlZip", "RETURN ZIP( [ \"name\", \"active\", \"hobbies\" ], [ \"some user\", true, [ \"swimming\", \"riding\" ] ] )", "[{\"name\":\"some user\",\"active\":true,\"hobbies\":[\"swimming\",\"riding\"]}]")
            .Cites("aql/functions/document-object.md#zip (aqlZip)"),
        Q("doc.joinTuples", @"FOR u IN users
  FILTER u.active == true
  LIMIT 0, 4
  FOR f IN relations
    FILTER f.type == @friend && f.friendOf == u.userId
    RETURN {
      ""user"" : u.name,
      ""friendId"" : f.thisUser
    }", """[{"user":"Abigail","friendId":2},{"user":"Abigail","friendId":3},{"user":"Abigail","friendId":4},{"user":"Fred","friendId":5},{"user":"Fred","friendId":2},{"user":"Mary","friendId":4},{"user":"Mary","friendId":1},{"user":"Mariah","friendId":1},{"user":"Mariah","friendId":2}]""")
            .Bind("""{"friend":"friend"}""").On("join-users", "join-relations")
            .Cites("aql/examples-and-query-patterns/joins.md#join-tuples (joinTuples, data set joinSampleDataset)"),
        // The manual returns whole documents; their generated _key, _id and _rev are left out here.
        Q("doc.working_with_date_time", @"FOR d IN exampleTime
    FILTER d.ts > '2014-05-07T14:19:09.522' AND d.ts < '2014-05-08T18:19:09.522'
    RETURN UNSET(d, '_key', '_id', '_rev')",
            """[{"value":1,"ts":"2014-05-07T21:19:09.522"},{"value":2,"ts":"2014-05-08T04:19:09.522"},{"value":3,"ts":"2014-05-08T11:19:09.522"}]""")
            .On("example-time").Cites("aql/functions/date.md#working-with-dates-and-indexes (working_with_date_time)"),
    ];
}
