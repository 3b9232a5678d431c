namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    /// <summary>
    /// The results the ArangoDB 3.11 function reference states next to its one-line examples ("ABS(-5) // 5"),
    /// each run as a RETURN. Where the reference contradicts itself or arithmetic, the case is left out: BIT_FROM_STRING
    /// of 2^20, BIT_TO_STRING(60, 8), DATE_FORMAT's day of the year for 2016-03-01 and the rounded COSINE_SIMILARITY.
    /// </summary>
    private static IEnumerable<ConformanceCase> DocReference() =>
    [
        Q("ref.date_hour-50", "RETURN DATE_HOUR(\"1970-01-01T02:00:00\")", "[2]")
            .Cites("aql/functions/date.md#date-and-time-representations"),
        Q("ref.date_trunc-55", "RETURN DATE_TRUNC('2023-03-25 23:00:00', 'day')", "[\"2023-03-25T00:00:00.000Z\"]")
            .Cites("aql/functions/date.md#date_trunc"),
        Q("ref.date_round-56", "RETURN DATE_ROUND('2000-04-28T11:11:11.111Z', 1, 'day')", "[\"2000-04-28T00:00:00.000Z\"]")
            .Cites("aql/functions/date.md#date_round"),
        Q("ref.date_round-57", "RETURN DATE_ROUND('2000-04-10T11:39:29Z', 15, 'minutes')", "[\"2000-04-10T11:30:00.000Z\"]")
            .Cites("aql/functions/date.md#date_round"),
        Q("ref.date_round-58", "RETURN DATE_ROUND('2023-03-25T23:55:55.555Z', 1, 'day')", "[\"2023-03-25T00:00:00.000Z\"]")
            .Cites("aql/functions/date.md#date_round"),
        Q("ref.date_format-59", "RETURN DATE_FORMAT(\"1969\", \"Summer of '%yy\")", "[\"Summer of '69\"]")
            .Cites("aql/functions/date.md#date_format"),
        Q("ref.date_format-60", "RETURN DATE_FORMAT(\"2016\", \"%%l = %l\")", "[\"%l = 1\"]")
            .Cites("aql/functions/date.md#date_format"),
        Q("ref.expr-62", "RETURN !!{ name: \"\" }.name", "[false]")
            .Cites("aql/functions/document-object.md#has"),
        Q("ref.has-63", "RETURN HAS( { name: \"\" }, \"name\")", "[true]")
            .Cites("aql/functions/document-object.md#has"),
        Q("ref.has-66", "RETURN HAS( { name: null }, \"name\" )", "[true]")
            .Cites("aql/functions/document-object.md#has"),
        Q("ref.has-67", "RETURN HAS( { }, \"name\" )", "[false]")
            .Cites("aql/functions/document-object.md#has"),
        Q("ref.percentile-147", "RETURN PERCENTILE( [1, 2, 3, 4], 50, \"rank\" )", "[2]")
            .Cites("aql/functions/numeric.md#percentile"),
        Q("ref.percentile-148", "RETURN PERCENTILE( [1, 2, 3, 4], 50, \"interpolation\" )", "[2.5]")
            .Cites("aql/functions/numeric.md#percentile"),
        Q("ref.product-153", "RETURN PRODUCT( [1, 2, 3, 4] )", "[24]")
            .Cites("aql/functions/numeric.md#product"),
        Q("ref.product-154", "RETURN PRODUCT( [null, -5, 6] )", "[-30]")
            .Cites("aql/functions/numeric.md#product"),
        Q("ref.product-155", "RETURN PRODUCT( [ ] )", "[1]")
            .Cites("aql/functions/numeric.md#product"),
        Q("ref.pow-179", "RETURN POW(27, 1/3)", "[3]")
            .Cites("aql/functions/numeric.md#sqrt"),
        Q("ref.expr-195", "RETURN !!\"non-empty string\"", "[true]")
            .Cites("aql/functions/type-check-and-cast.md#to_bool"),
        Q("ref.expr-196", "RETURN !!\"\"", "[false]")
            .Cites("aql/functions/type-check-and-cast.md#to_bool"),
        Q("ref.to_string-205", "RETURN TO_STRING( { foo: \"bar\", baz: null } )", @"[""{\""foo\"":\""bar\"",\""baz\"":null}""]")
            .Cites("aql/functions/type-check-and-cast.md#to_string"),
        Q("ref.to_array-208", "RETURN TO_ARRAY(true)", "[[true]]")
            .Cites("aql/functions/type-check-and-cast.md#to_array"),
        Q("ref.to_array-210", "RETURN TO_ARRAY(\"foo\")", "[[\"foo\"]]")
            .Cites("aql/functions/type-check-and-cast.md#to_array"),
        Q("ref.to_array-211", "RETURN TO_ARRAY([1, 2, \"foo\"])", "[[1,2,\"foo\"]]")
            .Cites("aql/functions/type-check-and-cast.md#to_array"),
    ];
}
