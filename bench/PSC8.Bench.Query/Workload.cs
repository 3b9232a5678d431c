namespace PSC8.Bench.Query;

/// <summary>
/// One measured task, written twice: as C8QL for C8 Local (the collection bound as @@c, a point lookup's key as
/// @key) and as SQL over C8 Local's own table (docs: cid, key, body) with json_extract — the floor any engine
/// reading these documents from SQLite has to pay.
/// </summary>
internal sealed record Workload(string Name, string C8ql, string Sql, bool IsPointLookup)
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("filtered scan",
            "FOR a IN @@c FILTER a.status == 'frozen' && a.balance > 9500 RETURN a._key",
            "SELECT key FROM docs WHERE cid = $c AND json_extract(body, '$.status') = 'frozen' AND json_extract(body, '$.balance') > 9500",
            IsPointLookup: false),
        new("sort + limit 10",
            "FOR a IN @@c SORT a.balance DESC LIMIT 10 RETURN { key: a._key, balance: a.balance }",
            "SELECT key, json_extract(body, '$.balance') AS b FROM docs WHERE cid = $c ORDER BY b DESC LIMIT 10",
            IsPointLookup: false),
        new("COLLECT aggregate",
            "FOR a IN @@c COLLECT country = a.country AGGREGATE accounts = COUNT(1), total = SUM(a.balance) RETURN { country, accounts, total }",
            "SELECT json_extract(body, '$.country') AS country, COUNT(*), SUM(json_extract(body, '$.balance')) FROM docs WHERE cid = $c GROUP BY country",
            IsPointLookup: false),
        new("point lookup (_key)",
            "FOR a IN @@c FILTER a._key == @key RETURN a",
            "SELECT body FROM docs WHERE cid = $c AND key = $key",
            IsPointLookup: true),
    ];
}
