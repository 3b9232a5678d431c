namespace PSC8.Server.Tests.Query;

/// <summary>The functions that name where a query runs, through the cursor API of a real C8 Local.</summary>
public sealed class FabricFunctionHttpTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task Current_database_is_the_fabric_of_the_request()
    {
        // aql/functions/miscellaneous.md#current_database: the database named in the URL path.
        var fabric = await fx.CreateFabricAsync();
        var run = await fx.Api().QueryAsync(fabric, "RETURN CURRENT_DATABASE()");
        Assert.Equal(fabric, run.Rows.Single()!.GetValue<string>());
    }

    [Fact]
    public async Task Shard_id_names_the_collection_and_unknown_ones_are_not_found()
    {
        // aql/functions/miscellaneous.md#shard_id: outside a cluster, the collection name itself.
        var fabric = await fx.CreateFabricAsync();
        (await fx.Api().PostAsync(Paths.Collections(fabric), new { name = "things" })).ShouldBe(200);
        var run = await fx.Api().QueryAsync(fabric, "RETURN SHARD_ID('things', { _key: 'a' })");
        Assert.Equal("things", run.Rows.Single()!.GetValue<string>());
        var missing = (await fx.Api().OpenCursorAsync(fabric, "RETURN SHARD_ID('nothing', {})")).ShouldBe(404);
        Assert.Equal(1203, missing.Json.Long("errorNum"));
    }
}
