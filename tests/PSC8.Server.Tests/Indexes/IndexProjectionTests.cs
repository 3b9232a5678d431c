namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// Queries that read only _key, _id and indexed attributes through a compound index, answered from its entries alone:
/// the values are exactly the documents' (integers past 2^53, -0, unicode, escapes, null against missing, arrays and
/// objects), in reads and in a writing query, as a scan gives them.
/// </summary>
public sealed class IndexProjectionTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private const string Documents = """
        [{"_key":"big","v":9007199254740993,"w":1},{"_key":"neg","v":-2.5,"w":2},{"_key":"zero","v":-0,"w":3},
         {"_key":"uni","v":"Ünïcode ✓","w":4},{"_key":"nul","v":null,"w":6},
         {"_key":"missing","w":7},{"_key":"yes","v":true,"w":8},{"_key":"arr","v":[1,{"a":2}],"w":9},{"_key":"obj","v":{"b":[3]},"w":10},
         {"_key":"small","v":12345,"w":11},{"_key":"esc","v":"quote \" and \\ back","w":12}]
        """;

    [Theory]
    [InlineData("FOR d IN @@c FILTER d.v >= null SORT d.w RETURN [d._key, d._id, d.v]")]
    [InlineData("FOR d IN @@c SORT d.v RETURN [d._key, d.v, HAS(d, 'v')]")]
    [InlineData("FOR d IN @@c FILTER d.v >= -10 && d.w > 0 SORT d.w RETURN { k: d._key, v: d.v, w: d.w }")]
    [InlineData("FOR d IN @@c FILTER d.v == 9007199254740993 RETURN d.v")]
    [InlineData("FOR d IN @@c FILTER d.v > 'a' SORT d.w UPDATE d WITH { seen: true } IN @@c RETURN [NEW._key, OLD.v]")]
    public async Task Answers_from_the_index_are_the_documents_values(string query)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, collection), System.Text.Encoding.UTF8.GetBytes(Documents), "application/json")).ShouldBe(202);
        var bind = new { bindVars = new Dictionary<string, object> { ["@c"] = collection } };
        var scanned = (await fx.Api().QueryAsync(fabric, query, bind)).Rows.ToJsonString();
        if (query.Contains("UPDATE", StringComparison.Ordinal))
        {
            (await fx.Api().QueryAsync(fabric, "FOR d IN @@c REPLACE d WITH UNSET(d, 'seen') IN @@c", bind)).Rows.ToJsonString();
        }
        (await fx.Api().PostAsync(Paths.Fabric(fabric, "index?collection=" + collection), new { type = "persistent", fields = new[] { "v", "w" } })).ShouldBe(201);
        var indexed = await fx.Api().QueryAsync(fabric, query, bind);
        Assert.Equal(scanned, indexed.Rows.ToJsonString());
        Assert.Equal(0, indexed.Stats.Long("scannedFull"));
    }
}
