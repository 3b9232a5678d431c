namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string ValueOrderPage = "aql/fundamentals/type-and-value-order.md";

    /// <summary>String order by the server language's alphabetical rules (ICU root collation, uppercase first).</summary>
    private static IEnumerable<ConformanceCase> Collation() =>
    [
        Q("collation.sort", "FOR n IN ['Banana', 'apple', 'cherry', 'Apple'] SORT n RETURN n", """["Apple","apple","Banana","cherry"]""").Cites(ValueOrderPage),
        Q("collation.sort-desc", "FOR n IN ['Banana', 'apple', 'cherry'] SORT n DESC RETURN n", """["cherry","Banana","apple"]""").Cites(ValueOrderPage),
        Q("collation.comparisons", "RETURN ['apple' < 'Banana', 'a' < 'A', 'A' < 'a', '\u00e9' > 'e', '\u00e9' < 'f', 'Z' < 'a', 'a10' < 'a2', 'a b' < 'ab']",
            "[[true,false,true,true,true,false,true,true]]").Cites(ValueOrderPage),
        Q("collation.accents", "RETURN SORTED(['r\u00e9sum\u00e9', 'resume', 'Resume', 'RESUME'])", "[[\"RESUME\",\"Resume\",\"resume\",\"r\u00e9sum\u00e9\"]]").Cites(ValueOrderPage),
        Q("collation.classes", "RETURN SORTED(['b', '1', '_', 'A', '-', ' ', 'a', '~', '\u00c4', 'Z'])", "[[\" \",\"_\",\"-\",\"~\",\"1\",\"A\",\"a\",\"\u00c4\",\"b\",\"Z\"]]")
            .Cites(ValueOrderPage),
        Q("collation.collect-groups", "FOR x IN ['b', 'B', 'a'] COLLECT v = x RETURN v", """["a","B","b"]""").Cites(ValueOrderPage),
        Q("collation.min-max", "RETURN [MIN(['b', 'B', 'a']), MAX(['Zebra', 'apple']), SORTED_UNIQUE(['a', 'A', 'a'])]", """[["a","Zebra",["A","a"]]]""").Cites(ValueOrderPage),
        Q("collation.equality-is-exact", "RETURN ['a' == 'A', 'a' IN ['A'], ['a', 'A'] ANY == 'A']", "[[false,false,true]]").Cites(ValueOrderPage),
        Q("collation.documents", "FOR u IN users SORT u.city, u.name RETURN u.name", """["Dave","Bob","John","Carla","Anna"]""").On("users").Cites(ValueOrderPage),
    ];
}
