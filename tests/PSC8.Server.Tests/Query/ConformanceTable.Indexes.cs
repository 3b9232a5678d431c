namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string SortPage = "aql/high-level-operations/sort.md";
    private const string TypeOrderPage = "aql/fundamentals/type-and-value-order.md";
    private const string PersistentIndexPage = "index-and-search/indexing/basics.md#persistent-index";

    /// <summary>
    /// Queries shaped for persistent indexes (ranges, IN, SORT … LIMIT, compound equality then range, mixed types):
    /// run in memory and over HTTP without indexes, and in <see cref="HttpConformanceTests.Case_with_indexes"/> with
    /// an index on every attribute, they must answer the same.
    /// </summary>
    private static IEnumerable<ConformanceCase> IndexedQueries() =>
    [
        Q("indexed.sort-limit", "FOR u IN users SORT u.age LIMIT 2 RETURN u.name", """["Anna","Carla"]""").On("users").Cites(SortPage),
        Q("indexed.sort-desc-offset-ties-by-key", "FOR u IN users SORT u.age DESC LIMIT 1, 2 RETURN u.name", """["John","Dave"]""").On("users").Cites(SortPage),
        Q("indexed.sort-strings-null-first", "FOR u IN users SORT u.city RETURN u.city", """[null,"Berlin","Berlin","Madrid","Paris"]""").On("users").Cites(TypeOrderPage),
        Q("indexed.sort-strings-desc", "FOR u IN users SORT u.city DESC RETURN u._key", """["2","4","1","3","5"]""").On("users").Cites(SortPage),
        Q("indexed.sort-arrays", "FOR u IN users SORT u.tags RETURN u._key", """["5","3","4","1","2"]""").On("users").Cites(TypeOrderPage),
        Q("indexed.range-then-sort", "FOR u IN users FILTER u.age >= 29 && u.age <= 35 SORT u.age DESC RETURN u.name", """["John","Dave","Carla"]""")
            .On("users").Cites(PersistentIndexPage),
        Q("indexed.in-with-null", "FOR u IN users FILTER u.city IN ['Paris', 'Madrid', null] SORT u._key RETURN u._key", """["2","4","5"]""")
            .On("users").Cites(PersistentIndexPage),
        Q("indexed.compound-equality-range", "FOR u IN users FILTER u.name == 'John' && u.age > 30 RETURN u._key", """["1"]""").On("users").Cites(PersistentIndexPage),
        Q("indexed.equality-then-sort", "FOR u IN users FILTER u.city == 'Berlin' SORT u.age DESC RETURN u.name", """["Bob","John"]""").On("users").Cites(SortPage),
        Q("indexed.nested-attribute", "FOR u IN users FILTER u.address.zip == '10115' RETURN u.name", """["John"]""").On("users"),
        Q("indexed.bool", "FOR u IN users FILTER u.active == false SORT u._key RETURN u._key", """["2","5"]""").On("users").Cites(PersistentIndexPage),
        Q("indexed.missing-is-null", "FOR u IN users FILTER u.tags == null RETURN u._key", """["5"]""").On("users").Cites(TypeOrderPage),
        Q("indexed.array-equality", "FOR u IN users FILTER u.tags == ['a', 'b'] RETURN u._key", """["1"]""").On("users").Cites(TypeOrderPage),
        Q("indexed.number-is-not-string", "FOR u IN users FILTER u.age == '35' RETURN u._key", "[]").On("users").Cites(TypeOrderPage),
        Q("indexed.sort-then-collect", "FOR u IN users SORT u.city COLLECT city = u.city WITH COUNT INTO n RETURN [city, n]",
            """[[null,1],["Berlin",2],["Madrid",1],["Paris",1]]""").On("users").Cites("aql/high-level-operations/collect.md"),
        Q("indexed.sort-limit-projection", "FOR u IN users SORT u.age DESC LIMIT 2 RETURN { k: u._key, a: u.age }", """[{"k":"3","a":41},{"k":"1","a":35}]""")
            .On("users").Cites(SortPage),
        Q("indexed.compound-sort-second-field", "FOR o IN orders FILTER o.user == '1' SORT o.amount DESC RETURN o.amount", "[25,10]").On("orders").Cites(SortPage),
        Q("indexed.compound-range-second-field", "FOR o IN orders FILTER o.user == '1' && o.amount > 15 RETURN o._key", """["o2"]""").On("orders").Cites(PersistentIndexPage),
        Q("indexed.update-through-range", "FOR u IN users FILTER u.age > 30 UPDATE u WITH { senior: true } IN users RETURN NEW.name", """["John","Bob","Dave"]""")
            .On("users").Unordered().AndThen("FOR u IN users FILTER u.senior == true SORT u._key RETURN u._key", """["1","3","5"]""")
            .Cites("aql/high-level-operations/update.md"),
        Q("indexed.remove-youngest", "FOR u IN users SORT u.age LIMIT 1 REMOVE u IN users RETURN OLD.name", """["Anna"]""")
            .On("users").AndThen("FOR u IN users SORT u.age LIMIT 1 RETURN u.name", """["Carla"]""").Cites("aql/high-level-operations/remove.md"),
    ];
}
