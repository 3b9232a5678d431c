namespace PSC8.Server.Tests.Indexes;

/// <summary>TTL indexes: expired documents are removed in the background, and the removal replicates like any delete; indexes reach every region.</summary>
public sealed class TtlIndexTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    private Task<HttpExchange> WaitForAsync(string region, string path, Func<HttpExchange, bool> done, string what) =>
        Eventually.WaitForAsync(() => fx.Api(region).GetAsync(path), done, TimeSpan.FromSeconds(20), what);

    [Fact]
    public async Task Expired_documents_go_from_every_region_and_the_others_stay()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "ttl", fields = new[] { "expireAt" }, expireAfter = 0 })).ShouldBe(201);
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        var future = DateTimeOffset.UtcNow.AddHours(1);
        var documents = new JsonArray(
            new JsonObject { ["_key"] = "old-number", ["expireAt"] = past.ToUnixTimeSeconds() },
            new JsonObject { ["_key"] = "old-date", ["expireAt"] = past.ToString("O") },
            new JsonObject { ["_key"] = "new-number", ["expireAt"] = future.ToUnixTimeSeconds() },
            new JsonObject { ["_key"] = "new-date", ["expireAt"] = future.ToString("O") },
            new JsonObject { ["_key"] = "never", ["expireAt"] = "not a date" },
            new JsonObject { ["_key"] = "no-attribute" });
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Documents(fabric, collection), documents)).ShouldBe(202);

        foreach (var region in Dc.All)
        {
            await WaitForAsync(region, Paths.Document(fabric, collection, "old-number"), r => r.Status == 404, $"old-number to expire in {region}");
            await WaitForAsync(region, Paths.Document(fabric, collection, "old-date"), r => r.Status == 404, $"old-date to expire in {region}");
            await WaitForAsync(region, Paths.Collection(fabric, collection, "count"), r => r.Json.Long("count") == 4, $"four documents left in {region}");
        }
        foreach (var key in new[] { "new-number", "new-date", "never", "no-attribute" })
        {
            (await fx.Api().GetAsync(Paths.Document(fabric, collection, key))).ShouldBe(200);
        }
    }

    [Fact]
    public async Task ExpireAfter_counts_from_the_attributes_time()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isSpot = true });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "ttl", fields = new[] { "createdAt" }, expireAfter = 3600 })).ShouldBe(201);
        var now = DateTimeOffset.UtcNow;
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new JsonArray(
            new JsonObject { ["_key"] = "recent", ["createdAt"] = now.ToUnixTimeSeconds() },
            new JsonObject { ["_key"] = "stale", ["createdAt"] = now.AddHours(-2).ToUnixTimeSeconds() }))).ShouldBe(202);
        await WaitForAsync(Dc.UsWest, Paths.Document(fabric, collection, "stale"), r => r.Status == 404, "stale to expire");
        (await fx.Api().GetAsync(Paths.Document(fabric, collection, "recent"))).ShouldBe(200);
    }

    [Fact]
    public async Task A_dropped_TTL_index_removes_nothing_more()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric, new { isLocal = true });
        var created = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "ttl", fields = new[] { "at" }, expireAfter = 0 })).ShouldBe(201).Object;
        (await fx.Api().DeleteAsync(Paths.Fabric(fabric, "index/" + created.Str("id")))).ShouldBe(200);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { _key = "kept", at = 1 })).ShouldBe(202);
        Assert.Equal(0, fx.Host.Cluster.TtlSweeper.SweepOnce());
        (await fx.Api().GetAsync(Paths.Document(fabric, collection, "kept"))).ShouldBe(200);
    }

    [Fact]
    public async Task Documents_written_in_another_region_are_found_through_its_copy_of_the_index()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api(Dc.UsWest).PostAsync(Index(fabric, collection), new { type = "persistent", fields = new[] { "n" } })).ShouldBe(201);
        (await fx.Api(Dc.UsWest).PostAsync(Paths.Documents(fabric, collection), new { n = 5 })).ShouldBe(202);
        await fx.DrainAsync();
        foreach (var region in new[] { Dc.EuCentral, Dc.ApSouth })
        {
            var run = await fx.Api(region).QueryAsync(fabric, $"FOR d IN {collection} FILTER d.n == 5 RETURN d.n");
            Assert.Single(run.Rows);
            Assert.Equal(1, run.Stats.Long("scannedIndex"));
        }
    }
}
