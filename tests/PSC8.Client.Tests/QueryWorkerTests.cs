namespace PSC8.Client.Tests;

public sealed class QueryWorkerTests(C8LocalFixture fixture) : CollectionTest(fixture, C)
{
    private const string C = "accounts";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InsertNumbersAsync(250, "a", (w, i) => w.WriteString("city", i % 2 == 0 ? "Gotham" : "Metropolis"));
    }

    [Fact]
    public async Task Saves_lists_updates_executes_and_deletes_a_worker()
    {
        var saved = await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("byCity", "FOR a IN accounts FILTER a.city == @city SORT a.n RETURN a.n"));
        Assert.Equal("byCity", saved.Name);
        Assert.Equal(Fabric, saved.Fabric);
        Assert.Equal("c8ql", saved.Type);

        var listed = Assert.Single(await Root.QueryWorkers.ListAsync(Fabric), w => w.Name == "byCity");
        Assert.Contains("@city", listed.Query);

        using (var cursor = await Root.QueryWorkers.ExecuteAsync(Fabric, "byCity", new Dictionary<string, object?> { ["city"] = "Gotham" }))
        {
            var rows = await cursor.ToListAsync();
            Assert.Equal(Enumerable.Range(0, 125).Select(i => i * 2), rows.Select(r => r.GetInt32()));
        }

        var updated = await Root.QueryWorkers.UpdateAsync(Fabric, new C8QueryWorkerDefinition("byCity", "FOR a IN accounts FILTER a.city == @city && a.n < 10 SORT a.n RETURN a.n"));
        Assert.Equal("byCity", updated.Name);
        Assert.Contains("a.n < 10", Assert.Single(await Root.QueryWorkers.ListAsync(Fabric), w => w.Name == "byCity").Query);

        using (var cursor = await Root.QueryWorkers.ExecuteAsync(Fabric, "byCity", new Dictionary<string, object?> { ["city"] = "Metropolis" }))
        {
            Assert.Equal(new[] { 1, 3, 5, 7, 9 }, (await cursor.ToListAsync()).Select(r => r.GetInt32()));
        }

        await Root.QueryWorkers.DeleteAsync(Fabric, "byCity");
        Assert.DoesNotContain(await Root.QueryWorkers.ListAsync(Fabric), w => w.Name == "byCity");
    }

    [Fact]
    public async Task Execution_pages_through_restql_fetch()
    {
        await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("all", "FOR a IN accounts SORT a.n RETURN a.n"));
        using var cursor = await Root.QueryWorkers.ExecuteAsync(Fabric, "all", batchSize: 100);
        var pages = new List<C8CursorPage>();
        while (await cursor.ReadPageAsync() is C8CursorPage page)
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 100, 100, 50 }, pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Range(0, 250), pages.SelectMany(p => p.Items).Select(r => r.GetInt32()));
        Assert.Equal(2, LogLines("PUT /_fabric/" + Fabric + "/_api/restql/fetch/").Length);
    }

    [Fact]
    public async Task A_write_worker_returns_no_rows()
    {
        await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("insertOne", "INSERT { _key: @key, n: -1 } INTO accounts"));
        using var cursor = await Root.QueryWorkers.ExecuteAsync(Fabric, "insertOne", new Dictionary<string, object?> { ["key"] = "extra" });
        Assert.Empty(await cursor.ToListAsync());
        Assert.NotNull(await Root.Documents.GetAsync(Fabric, C, "extra"));
    }

    [Fact]
    public async Task Imports_several_workers_with_default_parameters()
    {
        var withDefault = new C8QueryWorkerDefinition("firstN", "FOR a IN accounts SORT a.n LIMIT @n RETURN a.n")
        {
            Parameter = new Dictionary<string, object?> { ["n"] = 2 },
        };
        var result = await Root.QueryWorkers.ImportAsync(Fabric, new[] { withDefault, new C8QueryWorkerDefinition("count", "RETURN LENGTH(accounts)") });
        Assert.Equal(2, result.Created);
        Assert.Equal(0, result.Errors);

        var names = (await Root.QueryWorkers.ListAsync(Fabric)).Select(w => w.Name).ToArray();
        Assert.Contains("firstN", names);
        Assert.Contains("count", names);
        Assert.NotNull(Assert.Single(await Root.QueryWorkers.ListAsync(Fabric), w => w.Name == "firstN").Parameter);

        using var cursor = await Root.QueryWorkers.ExecuteAsync(Fabric, "count");
        Assert.Equal(250, Assert.Single(await cursor.ToListAsync()).GetInt32());
    }

    [Fact]
    public async Task Unknown_workers_map_to_stable_errors()
    {
        var execute = await Assert.ThrowsAsync<C8ApiException>(() => Root.QueryWorkers.ExecuteAsync(Fabric, "nope"));
        Assert.Equal(400, execute.StatusCode);
        Assert.Equal(1502, execute.ErrorNum);
        // GDN answers an unknown worker with "query is empty"; the client says what it means.
        Assert.Equal(("C8.QueryWorkerNotFound", "ObjectNotFound"), (execute.ErrorId, execute.Category));
        Assert.Contains("no RestQL query worker named 'nope' in fabric '" + Fabric + "'", execute.Message);

        var update = await Assert.ThrowsAsync<C8ApiException>(() => Root.QueryWorkers.UpdateAsync(Fabric, new C8QueryWorkerDefinition("nope", "RETURN 1")));
        Assert.Equal(400, update.StatusCode);
        Assert.Equal(404, update.ErrorNum);
        Assert.Equal("C8.QueryWorkerNotFound", update.ErrorId);

        // GDN answers deleting an unknown worker with 404 and the "database not found" number (API.md §8).
        var delete = await Assert.ThrowsAsync<C8ApiException>(() => Root.QueryWorkers.DeleteAsync(Fabric, "nope"));
        Assert.Equal((404, 1228), (delete.StatusCode, delete.ErrorNum));
        Assert.Equal("C8.QueryWorkerNotFound", delete.ErrorId);
        Assert.Contains("no RestQL query worker named 'nope'", delete.Message);
        var noFabric = await Assert.ThrowsAsync<C8ApiException>(() => Root.QueryWorkers.DeleteAsync("nosuchfabric", "nope"));
        Assert.Equal("C8.FabricNotFound", noFabric.ErrorId);

        var empty = await Assert.ThrowsAsync<C8ApiException>(() => Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("blank", "")));
        Assert.Equal(400, empty.StatusCode);
        Assert.Equal("InvalidArgument", empty.Category);
    }
}
