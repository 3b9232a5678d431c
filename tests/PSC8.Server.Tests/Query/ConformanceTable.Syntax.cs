namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string OperatorsPage = "aql/operators.md";
    private const string WindowPage = "aql/high-level-operations/window.md";

    private const string ObservationRow = "RETURN { time: t.time, subject: t.subject, val: t.val, rollingAverage, rollingSum }";

    /// <summary>AT LEAST, the question mark operator and WINDOW.</summary>
    private static IEnumerable<ConformanceCase> SyntaxAdditions() =>
    [
        Q("syntax.at-least", "RETURN [[ 1, 2, 3 ]  AT LEAST (2) IN  [ 2, 3, 4 ], [\"foo\", \"bar\"]  AT LEAST (1+1) ==  \"foo\"]", "[[true,false]]")
            .Cites(OperatorsPage + "#array-comparison-operators"),
        Q("syntax.at-least-zero-and-non-array", "RETURN [[1, 2] AT LEAST (0) == 9, 5 AT LEAST (1) == 5, [1, 2] AT LEAST (3) > 0]", "[[true,false,false]]")
            .Cites(OperatorsPage + "#array-comparison-operators"),
        Q("syntax.at-least-not-in", "RETURN [1, 2, 3] AT LEAST (2) NOT IN [3]", "[true]").Cites(OperatorsPage + "#array-comparison-operators"),
        Q("syntax.at-least-words-stay-names", "LET at = 1, least = 2 RETURN at + least", "[3]").Cites(OperatorsPage + "#operator-precedence"),
        Q("syntax.at-least-needs-parentheses", "RETURN [1] AT LEAST 1 == 1", "!1501").Cites(OperatorsPage + "#array-comparison-operators"),
        Q("syntax.question-mark", "LET arr = [ 1, 2, 3, 4 ] RETURN arr[? 2 FILTER CURRENT % 2 == 0]", "[true]").Cites(OperatorsPage + "#question-mark-operator"),
        Q("syntax.question-mark-quantifiers",
            "LET arr = [1, 2, 3, 4] RETURN [arr[? ALL FILTER CURRENT > 0], arr[? NONE FILTER CURRENT > 4], arr[? ANY FILTER CURRENT > 3], " +
            "arr[? AT LEAST (3) FILTER CURRENT > 1], arr[? 1..2 FILTER CURRENT > 2], arr[? 3 FILTER CURRENT > 2]]",
            "[[true,true,true,true,true,false]]").Cites(OperatorsPage + "#question-mark-operator"),
        Q("syntax.question-mark-bare", "RETURN [[1][?], [][?], 'a'[?], null[? FILTER true]]", "[[true,false,false,false]]").Cites(OperatorsPage + "#question-mark-operator"),
        Q("syntax.question-mark-in-filter", "FOR u IN users FILTER u.tags[? ANY FILTER CURRENT == 'a'] SORT u._key RETURN u.name", """["John","Carla"]""")
            .On("users").Cites(OperatorsPage + "#question-mark-operator"),
        Q("syntax.question-mark-after-expansion", "RETURN [{a: 1}, {a: 2}][*].a[? ALL FILTER CURRENT > 0]", "[true]").Cites(OperatorsPage + "#question-mark-operator"),
        Q("syntax.window-rows", "FOR t IN observations SORT t.time WINDOW { preceding: 1, following: 1 } AGGREGATE rollingAverage = AVG(t.val), rollingSum = SUM(t.val) " +
            "WINDOW { preceding: \"unbounded\", following: 0} AGGREGATE cumulativeSum = SUM(t.val) " +
            "RETURN { time: t.time, subject: t.subject, val: t.val, rollingAverage, rollingSum, cumulativeSum }",
            """[{"time":"2021-05-25 07:00:00","subject":"st113","val":10,"rollingAverage":5,"rollingSum":10,"cumulativeSum":10},{"time":"2021-05-25 07:00:00","subject":"xh458","val":0,"rollingAverage":6.333333333333333,"rollingSum":19,"cumulativeSum":10},{"time":"2021-05-25 07:15:00","subject":"st113","val":9,"rollingAverage":6.333333333333333,"rollingSum":19,"cumulativeSum":19},{"time":"2021-05-25 07:15:00","subject":"xh458","val":10,"rollingAverage":14.666666666666666,"rollingSum":44,"cumulativeSum":29},{"time":"2021-05-25 07:30:00","subject":"st113","val":25,"rollingAverage":13.333333333333334,"rollingSum":40,"cumulativeSum":54},{"time":"2021-05-25 07:30:00","subject":"xh458","val":5,"rollingAverage":16.666666666666668,"rollingSum":50,"cumulativeSum":59},{"time":"2021-05-25 07:45:00","subject":"st113","val":20,"rollingAverage":18.333333333333332,"rollingSum":55,"cumulativeSum":79},{"time":"2021-05-25 07:45:00","subject":"xh458","val":30,"rollingAverage":25,"rollingSum":75,"cumulativeSum":109},{"time":"2021-05-25 08:00:00","subject":"xh458","val":25,"rollingAverage":27.5,"rollingSum":55,"cumulativeSum":134}]""")
            .On("observations").Cites(WindowPage + "#row-based-aggregation (windowAggregationRow)"),
        Q("syntax.window-rows-grouped", "FOR t IN observations COLLECT subject = t.subject INTO group = t " +
            "LET subquery = (FOR t2 IN group SORT t2.time WINDOW { preceding: 1, following: 1 } AGGREGATE rollingAverage = AVG(t2.val), rollingSum = SUM(t2.val) " +
            "WINDOW { preceding: \"unbounded\", following: 0 } AGGREGATE cumulativeSum = SUM(t2.val) " +
            "RETURN { time: t2.time, subject: t2.subject, val: t2.val, rollingAverage, rollingSum, cumulativeSum }) FOR t2 IN subquery RETURN t2",
            """[{"time":"2021-05-25 07:00:00","subject":"st113","val":10,"rollingAverage":9.5,"rollingSum":19,"cumulativeSum":10},{"time":"2021-05-25 07:15:00","subject":"st113","val":9,"rollingAverage":14.666666666666666,"rollingSum":44,"cumulativeSum":19},{"time":"2021-05-25 07:30:00","subject":"st113","val":25,"rollingAverage":18,"rollingSum":54,"cumulativeSum":44},{"time":"2021-05-25 07:45:00","subject":"st113","val":20,"rollingAverage":22.5,"rollingSum":45,"cumulativeSum":64},{"time":"2021-05-25 07:00:00","subject":"xh458","val":0,"rollingAverage":5,"rollingSum":10,"cumulativeSum":0},{"time":"2021-05-25 07:15:00","subject":"xh458","val":10,"rollingAverage":5,"rollingSum":15,"cumulativeSum":10},{"time":"2021-05-25 07:30:00","subject":"xh458","val":5,"rollingAverage":15,"rollingSum":45,"cumulativeSum":15},{"time":"2021-05-25 07:45:00","subject":"xh458","val":30,"rollingAverage":20,"rollingSum":60,"cumulativeSum":45},{"time":"2021-05-25 08:00:00","subject":"xh458","val":25,"rollingAverage":27.5,"rollingSum":55,"cumulativeSum":70}]""")
            .On("observations").Cites(WindowPage + "#row-based-aggregation (windowAggregationRowGrouped)"),
        Q("syntax.window-range-value", "FOR t IN observations WINDOW t.val WITH { preceding: 10, following: 5 } AGGREGATE rollingAverage = AVG(t.val), rollingSum = SUM(t.val) " + ObservationRow,
            """[{"time":"2021-05-25 07:00:00","subject":"xh458","val":0,"rollingAverage":2.5,"rollingSum":5},{"time":"2021-05-25 07:30:00","subject":"xh458","val":5,"rollingAverage":6.8,"rollingSum":34},{"time":"2021-05-25 07:15:00","subject":"st113","val":9,"rollingAverage":6.8,"rollingSum":34},{"time":"2021-05-25 07:00:00","subject":"st113","val":10,"rollingAverage":6.8,"rollingSum":34},{"time":"2021-05-25 07:15:00","subject":"xh458","val":10,"rollingAverage":6.8,"rollingSum":34},{"time":"2021-05-25 07:45:00","subject":"st113","val":20,"rollingAverage":18,"rollingSum":90},{"time":"2021-05-25 07:30:00","subject":"st113","val":25,"rollingAverage":25,"rollingSum":100},{"time":"2021-05-25 08:00:00","subject":"xh458","val":25,"rollingAverage":25,"rollingSum":100},{"time":"2021-05-25 07:45:00","subject":"xh458","val":30,"rollingAverage":25,"rollingSum":100}]""")
            .On("observations").Cites(WindowPage + "#range-based-aggregation (windowAggregationRangeValue)"),
        Q("syntax.window-range-duration", "FOR t IN observations WINDOW DATE_TIMESTAMP(t.time) WITH { preceding: \"PT30M\" } AGGREGATE rollingAverage = AVG(t.val), rollingSum = SUM(t.val) " + ObservationRow,
            """[{"time":"2021-05-25 07:00:00","subject":"st113","val":10,"rollingAverage":5,"rollingSum":10},{"time":"2021-05-25 07:00:00","subject":"xh458","val":0,"rollingAverage":5,"rollingSum":10},{"time":"2021-05-25 07:15:00","subject":"st113","val":9,"rollingAverage":7.25,"rollingSum":29},{"time":"2021-05-25 07:15:00","subject":"xh458","val":10,"rollingAverage":7.25,"rollingSum":29},{"time":"2021-05-25 07:30:00","subject":"st113","val":25,"rollingAverage":9.833333333333334,"rollingSum":59},{"time":"2021-05-25 07:30:00","subject":"xh458","val":5,"rollingAverage":9.833333333333334,"rollingSum":59},{"time":"2021-05-25 07:45:00","subject":"st113","val":20,"rollingAverage":16.5,"rollingSum":99},{"time":"2021-05-25 07:45:00","subject":"xh458","val":30,"rollingAverage":16.5,"rollingSum":99},{"time":"2021-05-25 08:00:00","subject":"xh458","val":25,"rollingAverage":21,"rollingSum":105}]""")
            .On("observations").Cites(WindowPage + "#duration-based-aggregation (windowAggregationRangeDuration)"),
        Q("syntax.window-following-unbounded", "FOR x IN [1, 2, 3] WINDOW { preceding: 1, following: 'unbounded' } AGGREGATE s = SUM(x), l = LENGTH(x), u = UNIQUE(x) RETURN [x, s, l, u]",
            "[[1,6,3,[1,2,3]],[2,6,3,[1,2,3]],[3,5,2,[2,3]]]").Cites(WindowPage + "#row-based-aggregation"),
        Q("syntax.window-bit-and-min-max", "FOR x IN [1, 3, 7] WINDOW { preceding: 1 } AGGREGATE a = BIT_AND(x), o = BIT_OR(x), lo = MIN(x), hi = MAX(x) RETURN [a, o, lo, hi]",
            "[[1,1,1,1],[1,3,1,3],[3,7,3,7]]").Cites(WindowPage + "#syntax"),
        Q("syntax.window-bounds-not-constant", "FOR x IN [1, 2] WINDOW { preceding: x } AGGREGATE s = SUM(x) RETURN s", "!1575").Cites(WindowPage + "#row-based-aggregation"),
        Q("syntax.window-bounds-invalid", "FOR x IN [1, 2] WINDOW { preceding: -1 } AGGREGATE s = SUM(x) RETURN s", "!10").Cites(WindowPage + "#row-based-aggregation"),
        Q("syntax.window-row-durations-refused", "FOR x IN [1, 2] WINDOW { preceding: 'PT1H' } AGGREGATE s = SUM(x) RETURN s", "!10").Cites(WindowPage + "#duration-based-aggregation"),
        Q("syntax.window-unknown-aggregate", "FOR x IN [1, 2] WINDOW { preceding: 1 } AGGREGATE s = LOWER(x) RETURN s", "!1574").Cites(WindowPage + "#syntax"),
        Q("syntax.window-range-non-number", "FOR x IN ['a'] WINDOW x WITH { preceding: 1 } AGGREGATE s = SUM(1) RETURN s", "!1561").Cites(WindowPage + "#range-based-aggregation"),
        Q("syntax.window-is-a-keyword", "LET window = 1 RETURN window", "!1501").Cites("aql/fundamentals/syntax.md#keywords"),
    ];
}
