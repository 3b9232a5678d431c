namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// Counting a collection after another collection got an index. The count statement each region reader keeps was
/// re-prepared by SQLite after the index appeared, with the indexed collection's id bound, and could keep a plan
/// through the index partial on that collection: every other collection then counted 0 (found by the conformance
/// table's indexed run: LENGTH(users), then LENGTH(c) of another fabric).
/// </summary>
public sealed class IndexedCountTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task Counts_stay_right_for_every_collection_after_an_index_is_created()
    {
        var fabric = await fx.CreateFabricAsync();
        var indexed = await fx.CreateCollectionAsync(fabric);
        var other = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, indexed), new[] { new { a = 1 } })).ShouldBe(202);
        (await fx.Api().PostAsync(Paths.Documents(fabric, other), new[] { new { a = 1 }, new { a = 2 } })).ShouldBe(202);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("[[1,2]]", (await fx.Api().QueryAsync(fabric, $"RETURN [LENGTH({indexed}), LENGTH({other})]")).Rows.ToJsonString());
            (await fx.Api().PostAsync(Paths.Fabric(fabric, "index?collection=" + indexed), new { type = "persistent", fields = new[] { "a" + round } })).ShouldBe(201);
            Assert.Equal("[[1,2]]", (await fx.Api().QueryAsync(fabric, $"RETURN [LENGTH({indexed}), COLLECTION_COUNT('{other}')]")).Rows.ToJsonString());
        }
    }
}
