namespace PSC8.Server.Tests.Cursors;

/// <summary>Where queries run and whose cursors are whose: spot collections, replication of C8QL writes, per-region and per-principal cursors.</summary>
public sealed class CursorRegionTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task A_query_on_a_spot_collection_runs_in_the_spot_region_from_any_region()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = string.Join(',', Dc.All), spotDc = Dc.UsWest });
        var spot = await fx.CreateCollectionAsync(fabric, new { isSpot = true });

        // Written through eu-central, read at once through ap-south: both queries are served by us-west.
        await fx.Api(Dc.EuCentral).QueryAsync(fabric, $"INSERT {{ _key: 'a', v: 1 }} INTO `{spot}`");
        var read = await fx.Api(Dc.ApSouth).QueryAsync(fabric, $"FOR d IN `{spot}` FILTER d._key == 'a' RETURN d.v");
        Assert.Equal(1, read.Rows.Single()!.GetValue<long>());

        await fx.Api(Dc.ApSouth).QueryAsync(fabric, $"UPDATE 'a' WITH {{ v: 2 }} IN `{spot}`");
        var again = await fx.Api(Dc.EuCentral).QueryAsync(fabric, $"RETURN DOCUMENT('{spot}/a').v");
        Assert.Equal(2, again.Rows.Single()!.GetValue<long>());

        // The document lives in the spot region only.
        (await fx.Api(Dc.UsWest).GetAsync(Paths.Document(fabric, spot, "a"))).ShouldBe(200);
        Assert.Null(fx.Host.Cluster.Region(Dc.EuCentral).Store.Read(r => r.Get(fx.Host.Cluster.Catalog.FindCollection(fabric, spot)!.Id, "a")));
    }

    [Fact]
    public async Task A_spot_query_cursor_is_read_through_the_region_that_opened_it()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = string.Join(',', Dc.All), spotDc = Dc.UsWest });
        var spot = await fx.CreateCollectionAsync(fabric, new { isSpot = true });
        var api = fx.Api(Dc.ApSouth);
        await api.QueryAsync(fabric, $"FOR i IN 1..7 INSERT {{ n: i }} INTO `{spot}`");

        var run = await api.QueryAsync(fabric, $"FOR d IN `{spot}` SORT d.n RETURN d.n", new { batchSize = 3 });

        Assert.Equal(3, run.Batches.Count);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), run.Rows.Select(r => r!.GetValue<long>()));
    }

    [Fact]
    public async Task C8QL_writes_to_a_global_collection_replicate_like_document_writes()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        await fx.Api(Dc.UsWest).QueryAsync(fabric, $"FOR i IN 1..3 INSERT {{ _key: TO_STRING(i), v: i }} INTO `{c}`");
        await fx.Api(Dc.UsWest).QueryAsync(fabric, $"UPDATE '2' WITH {{ v: 20 }} IN `{c}`");
        await fx.Api(Dc.UsWest).QueryAsync(fabric, $"REMOVE '3' IN `{c}`");

        foreach (var region in new[] { Dc.EuCentral, Dc.ApSouth })
        {
            var api = fx.Api(region);
            await Eventually.WaitForAsync(() => api.QueryAsync(fabric, $"FOR d IN `{c}` SORT d._key RETURN [d._key, d.v]"),
                run => run.Rows.ToJsonString() == """[["1",1],["2",20]]""", TimeSpan.FromSeconds(10), $"the writes to reach {region}");
        }

        // And back: a C8QL write in another region reaches the first one with the same revision.
        var written = await fx.Api(Dc.ApSouth).QueryAsync(fabric, $"INSERT {{ _key: 'x' }} INTO `{c}` RETURN NEW._rev");
        var rev = written.Rows.Single()!.GetValue<string>();
        await Eventually.WaitForAsync(() => fx.Api(Dc.UsWest).GetAsync(Paths.Document(fabric, c, "x")),
            r => r.Status == 200 && r.Json.Str("_rev") == rev, TimeSpan.FromSeconds(10), "the insert to reach us-west");
    }

    [Fact]
    public async Task A_cursor_is_only_known_in_the_region_that_opened_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var id = (await fx.Api(Dc.UsWest).OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", new { batchSize = 2 })).ShouldBe(201).Json.Str("id")!;

        (await fx.Api(Dc.EuCentral).PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
        (await fx.Api(Dc.ApSouth).DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);

        var next = (await fx.Api(Dc.UsWest).PutAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(200);
        Assert.Equal("[3,4]", next.Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task A_cursor_belongs_to_the_principal_that_opened_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var other = await fx.AddUserAsync((fabric, "", AccessLevel.ReadWrite));
        var stranger = fx.WithToken(other.Token);
        var id = (await fx.Api().OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", new { batchSize = 2 })).ShouldBe(201).Json.Str("id")!;

        (await stranger.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);
        (await stranger.DeleteAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);

        (await fx.Api().PutAsync(CursorCalls.Cursor(fabric, id))).ShouldBe(200);

        // The other user's own cursors work as usual.
        var own = (await stranger.OpenCursorAsync(fabric, "FOR i IN 1..6 RETURN i", new { batchSize = 2 })).ShouldBe(201).Json.Str("id")!;
        (await fx.Api().PutAsync(CursorCalls.Cursor(fabric, own))).ShouldFail(404, 1600);
        (await stranger.PutAsync(CursorCalls.Cursor(fabric, own))).ShouldBe(200);
    }
}
