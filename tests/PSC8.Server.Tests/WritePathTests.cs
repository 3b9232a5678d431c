using System.Net.Http.Headers;

namespace PSC8.Server.Tests;

/// <summary>
/// The document write path keeps some state in memory for the length of one transaction (key counters, whether a
/// collection has tombstones), lets the insert itself find a taken generated key, and reads request bodies into
/// pooled buffers. None of that may show: keys, tombstones and bodies behave as when every step went to SQLite.
/// And a lone region keeps no replication log it would never ship; answers, reused buffers or not, carry their length.
/// </summary>
public sealed class WritePathTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private const long Stride = 10; // generated keys are counter * 10 + region index with three regions

    private static readonly JsonObject Edge = new() { ["_from"] = "people/a", ["_to"] = "people/b" };

    [Fact]
    public async Task A_rolled_back_insert_gives_its_key_back()
    {
        var fabric = await fx.CreateFabricAsync();
        var edges = await fx.CreateCollectionAsync(fabric, new { type = 3 });

        var first = await InsertAsync(fabric, edges, Edge.DeepClone());
        (await fx.Api().PostAsync(Paths.Documents(fabric, edges), new { v = 1 })).ShouldBe(400);
        var second = await InsertAsync(fabric, edges, Edge.DeepClone());

        Assert.Equal(Stride, second - first);
    }

    [Fact]
    public async Task A_failed_item_of_a_batch_uses_up_its_key_and_the_counter_is_kept_at_commit()
    {
        var fabric = await fx.CreateFabricAsync();
        var edges = await fx.CreateCollectionAsync(fabric, new { type = 3 });

        var results = (await fx.Api().PostAsync(Paths.Documents(fabric, edges), new JsonArray(Edge.DeepClone(), new JsonObject { ["v"] = 1 }, Edge.DeepClone())))
            .ShouldBe(202).Json!.AsArray();
        Assert.True(results[1].Bool("error"));
        var keys = new[] { long.Parse(results[0].Str("_key")!), long.Parse(results[2].Str("_key")!) };
        Assert.Equal(2 * Stride, keys[1] - keys[0]);

        Assert.Equal(keys[1] + Stride, await InsertAsync(fabric, edges, Edge.DeepClone()));
    }

    [Fact]
    public async Task Autoincrement_continues_above_a_user_key_given_in_the_same_batch()
    {
        var fabric = await fx.CreateFabricAsync();
        var counted = await fx.CreateCollectionAsync(fabric, new { isLocal = true, keyOptions = new { type = "autoincrement", offset = 1, increment = 1 } });

        var results = (await fx.Api().PostAsync(Paths.Documents(fabric, counted), new JsonArray(new JsonObject(), new JsonObject { ["_key"] = "100" }, new JsonObject())))
            .ShouldBe(202).Json!.AsArray();

        Assert.Equal(["1", "100", "101"], results.Select(r => r.Str("_key")));
        Assert.Equal(102, await InsertAsync(fabric, counted, new JsonObject()));
    }

    [Fact]
    public async Task Writing_a_removed_key_again_removes_its_tombstone_and_no_other()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        foreach (var key in new[] { "a", "b" })
        {
            (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = key })).ShouldBe(202);
            (await fx.Api().DeleteAsync(Paths.Document(fabric, name, key))).ShouldBe(202);
        }

        (await fx.Api().PostAsync(Paths.Documents(fabric, name), new JsonArray(new JsonObject { ["_key"] = "a" }, new JsonObject { ["v"] = 1 }))).ShouldBe(202);

        var id = fx.Host.Cluster.Catalog.FindCollection(fabric, name)!.Id;
        var (a, b) = fx.Host.Cluster.Region(Dc.UsWest).Store.Write(w => (w.GetTombstone(id, "a"), w.GetTombstone(id, "b")));
        Assert.Null(a);
        Assert.NotNull(b);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Document(fabric, name, "a"))).ShouldBe(200);
            (await fx.Api(region).GetAsync(Paths.Document(fabric, name, "b"))).ShouldBe(404);
        }
    }

    [Fact]
    public async Task A_chunked_body_many_times_larger_than_the_first_buffer_is_read_whole()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        const int count = 5000;
        var json = "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"i":{{i}},"text":"{{new string('x', 80)}}"}""")) + "]";

        var response = await fx.Api().SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, name), [], "application/json", request =>
        {
            // No Content-Length: the body arrives chunked and its size is only known at its end.
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        });

        Assert.Equal(count, response.ShouldBe(202).Json!.AsArray().Count);
        Assert.Equal(count, (await fx.Api().GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Key_counters_written_at_commit_survive_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "c8local-keys-" + Guid.NewGuid().ToString("N"));
        var options = C8LocalOptions.ForTests() with { InMemory = false, DataDirectory = data };
        try
        {
            string fabric, name;
            long last;
            await using (var first = await C8LocalHost.StartAsync(options))
            {
                var api = await ApiAsync(first);
                fabric = "keys";
                (await api.PostAsync(Paths.Databases, new { name = fabric })).ShouldBe(201);
                name = "counted";
                (await api.PostAsync(Paths.Collections(fabric), new { name })).ShouldBe(200);
                var results = (await api.PostAsync(Paths.Documents(fabric, name), new JsonArray(new JsonObject(), new JsonObject(), new JsonObject()))).ShouldBe(202).Json!.AsArray();
                last = long.Parse(results[2].Str("_key")!);
            }

            await using var second = await C8LocalHost.StartAsync(options);
            var again = await ApiAsync(second);
            var next = (await again.PostAsync(Paths.Documents(fabric, name), new { v = 1 })).ShouldBe(202).Json.Str("_key");
            Assert.Equal(last + Stride, long.Parse(next!));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_lone_region_does_not_keep_a_replication_log()
    {
        await using var host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests(Dc.UsWest));
        var api = await ApiAsync(host);
        (await api.PostAsync(Paths.Collections("_system"), new { name = "solo" })).ShouldBe(200);
        var inserted = (await api.PostAsync(Paths.Documents("_system", "solo"), new JsonArray(new JsonObject(), new JsonObject()))).ShouldBe(202);
        var firstKey = inserted.Json!.AsArray()[0]!["_key"]!.GetValue<string>();

        // Nothing is shipped from a lone region, so nothing is logged: not even for the time until a pruning round.
        (await api.DeleteAsync(Paths.Document("_system", "solo", firstKey))).ShouldBe(202);
        Assert.Equal(0, host.Cluster.Region(Dc.UsWest).Store.LastLogSeq());
        Assert.Equal(1, (await api.GetAsync(Paths.Collection("_system", "solo", "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Answers_carry_their_length_and_a_reused_buffer_leaves_nothing_of_a_longer_answer()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        var documents = new JsonArray(Enumerable.Range(0, 2000).Select(i => (JsonNode)new JsonObject { ["i"] = i, ["pad"] = new string('p', 100) }).ToArray());

        var large = (await fx.Api().PostAsync(Paths.Documents(fabric, collection) + "?returnNew=true", documents)).ShouldBe(202);
        var small = (await fx.Api().GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200);
        var key = large.Array[0]!["_key"]!.GetValue<string>();
        var head = await fx.Api().HeadAsync(Paths.Document(fabric, collection, key));

        Assert.Equal(Encoding.UTF8.GetByteCount(large.Body), large.ContentHeaders.ContentLength);
        Assert.Equal(2000, large.Array.Count);
        Assert.Equal(Encoding.UTF8.GetByteCount(small.Body), small.ContentHeaders.ContentLength);
        Assert.Equal(2000, small.Json.Long("count"));
        Assert.Equal(200, head.Status);
        Assert.Equal("", head.Body);
        Assert.True(head.ContentHeaders.ContentLength > 100);
    }

    private async Task<long> InsertAsync(string fabric, string collection, JsonNode document) =>
        long.Parse((await fx.Api().PostAsync(Paths.Documents(fabric, collection), document)).ShouldBe(202).Json.Str("_key")!);

    private static async Task<RegionClient> ApiAsync(C8LocalHost host)
    {
        var anonymous = new RegionClient(Dc.UsWest, host.UrlOf(Dc.UsWest), null, $"{Dc.UsWest}.{host.Options.Domain}");
        return anonymous.WithAuthorization("bearer " + await anonymous.LoginAsync(host.RootEmail, host.RootPassword));
    }
}
