namespace PSC8.Client.Tests;

public sealed class CollectionTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    [Fact]
    public async Task Creates_a_document_collection_and_finds_it()
    {
        var created = await Root.Collections.CreateAsync(Fabric, "accounts");
        Assert.Equal("accounts", created.Name);
        Assert.Equal(Fabric, created.Fabric);
        Assert.Equal(C8CollectionType.Document, created.Type);
        Assert.False(created.IsSpot);
        Assert.False(created.IsLocal);
        Assert.False(created.IsSystem);

        var got = await Root.Collections.GetAsync(Fabric, "accounts");
        Assert.Equal(created.Id, got.Id);
        Assert.True(await Root.Collections.ExistsAsync(Fabric, "accounts"));

        var listed = await Root.Collections.ListAsync(Fabric);
        Assert.Contains(listed, c => c.Name == "accounts" && c.Fabric == Fabric);
        Assert.DoesNotContain(listed, c => c.IsSystem);
        var all = await Root.Collections.ListAsync(Fabric, excludeSystem: false);
        Assert.Contains(all, c => c.Name == "accounts");
        Assert.True(all.Count >= listed.Count);
    }

    [Fact]
    public async Task Creates_edge_local_stream_and_keyed_collections()
    {
        var edge = await Root.Collections.CreateAsync(Fabric, "links", new C8CollectionCreateOptions { Type = C8CollectionType.Edge });
        Assert.Equal(C8CollectionType.Edge, edge.Type);

        var local = await Root.Collections.CreateAsync(Fabric, "cache", new C8CollectionCreateOptions { IsLocal = true });
        Assert.True(local.IsLocal);
        Assert.True((await Root.Collections.GetAsync(Fabric, "cache")).IsLocal);

        var streamed = await Root.Collections.CreateAsync(Fabric, "events", new C8CollectionCreateOptions { Stream = true, WaitForSync = true });
        Assert.True(streamed.HasStream);
        Assert.True(streamed.WaitForSync);

        // Autoincrement keys need a single writer, so C8 Local allows them on local and spot collections only.
        var keyed = await Root.Collections.CreateAsync(Fabric, "numbered", new C8CollectionCreateOptions
        {
            IsLocal = true,
            KeyOptions = new C8KeyOptions { Type = "autoincrement", AllowUserKeys = false, Increment = 5, Offset = 10 },
        });
        Assert.Equal("autoincrement", keyed.KeyOptions?.Type);
        Assert.False(keyed.KeyOptions?.AllowUserKeys);
        var first = await Root.Documents.InsertAsync(Fabric, "numbered", J("{\"v\":1}"));
        var second = await Root.Documents.InsertAsync(Fabric, "numbered", J("{\"v\":2}"));
        Assert.Equal(long.Parse(first.Key!) + 5, long.Parse(second.Key!));
    }

    [Fact]
    public async Task Spot_collections_need_a_fabric_with_a_spot_region()
    {
        var spot = await Root.Collections.CreateAsync(Fabric, "ledger", new C8CollectionCreateOptions { IsSpot = true });
        Assert.True(spot.IsSpot);
        Assert.True((await Root.Collections.GetAsync(Fabric, "ledger")).IsSpot);
        Assert.Contains(await Root.Collections.ListAsync(Fabric), c => c.Name == "ledger" && c.IsSpot);

        var plain = await CreateFabricAsync("plain", C8SpotRegion.None);
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.CreateAsync(plain, "ledger", new C8CollectionCreateOptions { IsSpot = true }));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(10, ex.ErrorNum);
        Assert.Equal("InvalidArgument", ex.Category);
        Assert.Contains(plain, ex.ServerMessage);
    }

    [Fact]
    public async Task Spot_and_local_together_are_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Root.Collections.CreateAsync(Fabric, "both", new C8CollectionCreateOptions { IsSpot = true, IsLocal = true }));
        Assert.Empty(LogLines("POST /_fabric/" + Fabric + "/_api/collection"));
    }

    [Fact]
    public async Task Counts_figures_properties_truncate_and_delete()
    {
        await Root.Collections.CreateAsync(Fabric, "items");
        await Root.Documents.InsertManyAsync(Fabric, "items", Docs("[{\"a\":1},{\"a\":2},{\"a\":3}]"));

        Assert.Equal(3, await Root.Collections.CountAsync(Fabric, "items"));
        Assert.Equal(3, (await Root.Collections.GetAsync(Fabric, "items", includeCount: true)).Count);
        Assert.Equal(3, (await Root.Collections.ListAsync(Fabric, includeCount: true)).Single(c => c.Name == "items").Count);

        var figures = await Root.Collections.GetFiguresAsync(Fabric, "items");
        Assert.Equal("items", figures.Collection.Name);

        var properties = await Root.Collections.GetPropertiesAsync(Fabric, "items");
        Assert.Equal("items", properties.Name);
        Assert.False(properties.WaitForSync);

        var changed = await Root.Collections.SetPropertiesAsync(Fabric, "items", waitForSync: true, hasStream: true);
        Assert.True(changed.WaitForSync);
        Assert.True(changed.HasStream);
        Assert.True((await Root.Collections.GetPropertiesAsync(Fabric, "items")).WaitForSync);

        var truncated = await Root.Collections.TruncateAsync(Fabric, "items");
        Assert.Equal("items", truncated.Name);
        Assert.Equal(0, await Root.Collections.CountAsync(Fabric, "items"));

        var id = await Root.Collections.DeleteAsync(Fabric, "items");
        Assert.False(string.IsNullOrEmpty(id));
        Assert.False(await Root.Collections.ExistsAsync(Fabric, "items"));
    }

    [Fact]
    public async Task Missing_and_duplicate_collections_map_to_stable_errors()
    {
        var missing = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.GetAsync(Fabric, "nothing_here"));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(1203, missing.ErrorNum);
        Assert.Equal("C8.CollectionNotFound", missing.ErrorId);
        Assert.Equal("/_fabric/" + Fabric + "/_api/collection/nothing_here", missing.Path);

        var deleteMissing = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.DeleteAsync(Fabric, "nothing_here"));
        Assert.Equal("C8.CollectionNotFound", deleteMissing.ErrorId);

        var truncateMissing = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.TruncateAsync(Fabric, "nothing_here"));
        Assert.Equal("C8.CollectionNotFound", truncateMissing.ErrorId);

        await Root.Collections.CreateAsync(Fabric, "once");
        var duplicate = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.CreateAsync(Fabric, "once"));
        Assert.Equal(409, duplicate.StatusCode);
        Assert.Equal(1207, duplicate.ErrorNum);
        Assert.Equal("ResourceExists", duplicate.Category);

        var inMissingFabric = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.ListAsync(C8LocalFixture.Unique("nofabric")));
        Assert.Equal("C8.FabricNotFound", inMissingFabric.ErrorId);
    }

    [Fact]
    public async Task Illegal_collection_name_is_InvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Collections.CreateAsync(Fabric, "bad name!"));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("InvalidArgument", ex.Category);
    }
}
