using System.Collections;
using PSC8.Client;
using PSC8.Client.Automation;
using PSC8.Client.Models;
using PSC8.Engine;
using PSC8.Json;
using PSC8.Module.Tests.Infrastructure;

namespace PSC8.Module.Tests.Live;

/// <summary>
/// What Invoke-C8Query and the RestQL cmdlets do: pages read one at a time on the pipeline thread, so a consumer
/// that stops early costs one page. Needs C8 Local's cursor and RestQL endpoints.
/// </summary>
[Collection(C8LocalCollection.Name)]
public sealed class QueryTests(C8LocalFixture c8)
{
    private static readonly DocumentJson Json = new(ReflectionShape.Instance);

    [Fact]
    public async Task Stopping_after_the_first_row_fetches_one_page_and_deletes_the_cursor()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = await FilledCollectionAsync(root, 50);
        try
        {
            using var bridge = new AsyncBridge(_ => { });
            var cursor = bridge.Run(token => root.Queries.OpenAsync(null, new C8Query("FOR d IN " + collection + " RETURN d") { BatchSize = 5 }, false, token));
            var serverId = cursor.Id;

            // Select-Object -First 1: the consumer takes one row and disposes the enumeration.
            var first = CursorPages.Read(cursor, bridge).SelectMany(p => p.Items).First();

            Assert.True(JsonObjects.IsDocument(first));
            Assert.Equal(1, cursor.PagesFetched);
            Assert.False(cursor.HasMore);
            Assert.NotNull(serverId);
            var gone = await Assert.ThrowsAsync<C8ApiException>(() => root.Queries.DeleteCursorAsync(null, serverId!));
            Assert.Equal(C8ErrorMapping.Categories.ObjectNotFound, gone.Category);
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task Every_page_is_followed_to_the_end_with_the_count_asked_for()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = await FilledCollectionAsync(root, 50);
        try
        {
            using var bridge = new AsyncBridge(_ => { });
            var cursor = bridge.Run(token => root.Queries.OpenAsync(null, new C8Query("FOR d IN " + collection + " RETURN d._key") { BatchSize = 7, Count = true }, false, token));

            var rows = CursorPages.Read(cursor, bridge).SelectMany(p => p.Items).Select(r => r.GetString()).ToList();

            Assert.Equal(50, rows.Count);
            Assert.Equal(50, rows.Distinct().Count());
            Assert.Equal(50, cursor.Count);
            Assert.Equal(8, cursor.PagesFetched);
            Assert.Equal(100, ProgressThrottle.Percent(rows.Count, cursor.Count));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task Bind_variables_from_a_hashtable_reach_the_query()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = await FilledCollectionAsync(root, 10);
        try
        {
            var query = new C8Query("FOR d IN @@coll FILTER d.n == @n RETURN d");
            foreach (var variable in Json.ToMap(new Hashtable { ["@coll"] = collection, ["n"] = 3 }))
            {
                query.BindVars[variable.Key] = variable.Value;
            }

            var row = Assert.Single(await root.Queries.ToListAsync(null, query));
            Assert.Equal(3, row.GetProperty("n").GetInt32());
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task A_bad_query_is_an_invalid_argument()
    {
        using var root = await c8.ConnectRootAsync();
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => root.Queries.OpenAsync(null, new C8Query("FOR x IN RETURN")));
        var info = C8ErrorInfo.From(ex);
        Assert.Equal(C8ErrorMapping.Categories.InvalidArgument, info.Category);
        Assert.False(info.Terminating);
    }

    [Fact]
    public async Task A_saved_query_runs_page_by_page_and_changes_keep_what_was_not_given()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = await FilledCollectionAsync(root, 5);
        var name = C8LocalFixture.Unique("read");
        try
        {
            var saved = await root.QueryWorkers.SaveAsync(null, new C8QueryWorkerDefinition(name, "FOR d IN " + collection + " FILTER d.n >= @min RETURN d")
            {
                Parameter = Json.ToMap(new Hashtable { ["min"] = 0 }),
            });
            Assert.Equal(name, saved.Name);
            Assert.Equal(name, Assert.Single(NameFilter<C8QueryWorker>.Apply(await root.QueryWorkers.ListAsync(), new[] { name }, w => w.Name).Matches).Name);

            using var bridge = new AsyncBridge(_ => { });
            var cursor = bridge.Run(token => root.QueryWorkers.ExecuteAsync(null, name, Json.ToMap(new Hashtable { ["min"] = 0 }), 2, token));
            Assert.Equal(5, CursorPages.Read(cursor, bridge).Sum(p => p.Items.Count));
            Assert.Equal(3, cursor.PagesFetched);

            var current = (await root.QueryWorkers.ListAsync()).Single(w => w.Name == name);
            var change = QueryWorkerChange.Definition(name, "FOR d IN " + collection + " FILTER d.n >= @min SORT d.n RETURN d.n", null, current);
            Assert.Equal(0, ((System.Text.Json.JsonElement)change.Parameter!["min"]!).GetInt32());
            await root.QueryWorkers.UpdateAsync(null, change);

            var rows = await (await root.QueryWorkers.ExecuteAsync(null, name, Json.ToMap(new Hashtable { ["min"] = 3 }))).ToListAsync();
            Assert.Equal(new[] { 3, 4 }, rows.Select(r => r.GetInt32()));
        }
        finally
        {
            await root.QueryWorkers.DeleteAsync(null, name);
            await root.Collections.DeleteAsync(null, collection);
        }

        var missing = await Assert.ThrowsAsync<C8ApiException>(() => root.QueryWorkers.ExecuteAsync(null, name));
        Assert.False(C8ErrorInfo.From(missing).Terminating);
    }

    private static async Task<string> FilledCollectionAsync(C8Connection client, int count)
    {
        var collection = C8LocalFixture.Unique("rows");
        await client.Collections.CreateAsync(null, collection);
        var documents = Enumerable.Range(0, count).Select(i => (object)new Hashtable { ["_key"] = "k" + i, ["n"] = i });
        await DocumentTests.AddAsync(client, collection, documents, 500, null);
        return collection;
    }
}
