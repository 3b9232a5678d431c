using PSC8.Server.Hosting;

namespace PSC8.Client.Tests;

/// <summary>A C8 Local as it starts by default and one started with --strict-api, side by side.</summary>
public sealed class NormalAndStrictServers : IAsyncLifetime
{
    public C8LocalFixture Normal { get; } = C8LocalFixture.With(C8LocalOptions.ForTests("solo"));

    public C8LocalFixture Strict { get; } = C8LocalFixture.With(C8LocalOptions.ForTests("solo") with { StrictApi = true });

    public Task InitializeAsync() => Task.WhenAll(Normal.InitializeAsync(), Strict.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(Normal.DisposeAsync(), Strict.DisposeAsync());
}

/// <summary>
/// Every -OverwriteMode against a server that knows only GDN's published parameters (issue 17 item 1): the same
/// documents stored, the same results and errors, and only the expected number of requests. A strict C8 Local
/// refuses overwriteMode outright, so a client that still sent it would fail here.
/// </summary>
public sealed class OverwriteModeStrictApiTests(NormalAndStrictServers servers) : IClassFixture<NormalAndStrictServers>
{
    // Two existing keys (a, b), one new (c), and one key no server accepts (1221 on insert, as before).
    private const string Seed = "[{\"_key\":\"a\",\"v\":1,\"keep\":1},{\"_key\":\"b\",\"v\":1,\"keep\":1}]";
    private const string Batch = "[{\"_key\":\"a\",\"v\":2},{\"_key\":\"c\",\"v\":2},{\"_key\":\"b\",\"v\":2},{\"_key\":\"bad key/x\",\"v\":2}]";

    [Theory]
    [InlineData(C8OverwriteMode.Ignore, 1, 1)]
    [InlineData(C8OverwriteMode.Replace, 1, 1)]
    [InlineData(C8OverwriteMode.Conflict, 1, 1)]
    // Normal: one insert with overwriteMode=update (advertised); strict: a plain insert, then one PATCH of a and b.
    [InlineData(C8OverwriteMode.Update, 1, 2)]
    public async Task A_batch_gives_the_same_results_and_stored_documents_with_and_without_strict_api(C8OverwriteMode mode, int normalRequests, int strictRequests)
    {
        var strict = await SameOnBothServersAsync(
            async (connection, c) => (await connection.Documents.InsertManyAsync(null, c, Docs(Batch), new C8InsertOptions { OverwriteMode = mode })).Select(Describe).ToArray(),
            normalRequests,
            strictRequests);

        Assert.StartsWith("error 1221", strict.Results[3], StringComparison.Ordinal);
        var expectedStored = mode switch
        {
            C8OverwriteMode.Ignore or C8OverwriteMode.Conflict => "a:{keep:1,v:1} b:{keep:1,v:1} c:{v:2}",
            C8OverwriteMode.Replace => "a:{v:2} b:{v:2} c:{v:2}",
            _ => "a:{keep:1,v:2} b:{keep:1,v:2} c:{v:2}",
        };
        Assert.Equal(expectedStored, strict.Stored);
        Assert.Equal(mode switch
        {
            C8OverwriteMode.Ignore => "skipped",
            C8OverwriteMode.Conflict => "error 1210",
            _ => "a",
        }, strict.Results[0]);
    }

    [Theory]
    [InlineData(C8OverwriteMode.Ignore, 1, 1)]
    [InlineData(C8OverwriteMode.Replace, 1, 1)]
    [InlineData(C8OverwriteMode.Update, 1, 2)]
    public async Task One_existing_document_gives_the_same_result_with_and_without_strict_api(C8OverwriteMode mode, int normalRequests, int strictRequests)
    {
        var strict = await SameOnBothServersAsync(
            async (connection, c) => [Describe(await connection.Documents.InsertAsync(null, c, JsonDocument.Parse("{\"_key\":\"a\",\"v\":2}").RootElement, new C8InsertOptions { OverwriteMode = mode }))],
            normalRequests,
            strictRequests);

        Assert.Equal(mode == C8OverwriteMode.Ignore ? "skipped" : "a", strict.Results[0]);
    }

    [Fact]
    public async Task Only_update_asks_once_per_connection_whether_the_server_has_overwriteMode()
    {
        var log = new ConcurrentQueue<string>();
        using var connection = await servers.Strict.ConnectAsync(log: log);
        var c = await NewCollectionAsync(connection);
        await connection.Documents.InsertManyAsync(null, c, Docs("[{\"_key\":\"x\"}]"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Ignore });
        Assert.Equal(0, Count(log, "/_api/version"));
        await connection.Documents.InsertManyAsync(null, c, Docs("[{\"_key\":\"x\"}]"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Update });
        await connection.Documents.InsertManyAsync(null, c, Docs("[{\"_key\":\"x\"}]"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Update });
        Assert.Equal(1, Count(log, "/_api/version"));
        Assert.Contains(log, l => l.Contains("does not advertise overwriteMode", StringComparison.Ordinal));
    }

    private sealed record Outcome(IReadOnlyList<string> Results, string Stored, int DocumentRequests);

    /// <summary>
    /// Runs <paramref name="write"/> (given the connection and a fresh collection holding <see cref="Seed"/>) on both
    /// servers, checks they answer and store the same with the expected document requests each, and returns the strict outcome.
    /// </summary>
    private async Task<Outcome> SameOnBothServersAsync(Func<C8Connection, string, Task<string[]>> write, int normalRequests, int strictRequests)
    {
        var normal = await RunAsync(servers.Normal, write);
        var strict = await RunAsync(servers.Strict, write);

        Assert.Equal(normal.Results, strict.Results);
        Assert.Equal(normal.Stored, strict.Stored);
        Assert.Equal(normalRequests, normal.DocumentRequests);
        Assert.Equal(strictRequests, strict.DocumentRequests);
        return strict;
    }

    private static async Task<Outcome> RunAsync(C8LocalFixture server, Func<C8Connection, string, Task<string[]>> write)
    {
        var log = new ConcurrentQueue<string>();
        using var connection = await server.ConnectAsync(log: log);
        var c = await NewCollectionAsync(connection);
        await connection.Documents.InsertManyAsync(null, c, Docs(Seed));
        var before = Count(log, "/_api/document/");
        var results = await write(connection, c);
        var requests = Count(log, "/_api/document/") - before;
        return new Outcome(results, await StoredAsync(connection, c), requests);
    }

    private static async Task<string> NewCollectionAsync(C8Connection connection)
    {
        var name = C8LocalFixture.Unique("ow");
        await connection.Collections.CreateAsync(null, name);
        return name;
    }

    private static string Describe(C8DocumentResult r) => r.IsError ? "error " + r.Error!.ErrorNum : r.Skipped ? "skipped" : r.Key!;

    /// <summary>Each stored document as key:{attributes}, system attributes left out, in key order.</summary>
    private static async Task<string> StoredAsync(C8Connection connection, string collection)
    {
        var rows = await connection.Queries.ToListAsync(null, new C8Query($"FOR d IN `{collection}` SORT d._key RETURN d"));
        return string.Join(' ', rows.Select(d => d.GetProperty("_key").GetString() + ":{" + string.Join(',', d.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_')).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + p.Value.GetRawText())) + "}"));
    }

    private static int Count(IEnumerable<string> log, string path) => log.Count(l => l.Contains(path, StringComparison.Ordinal) && l.Contains(" -> ", StringComparison.Ordinal));

    private static JsonElement[] Docs(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();
}
