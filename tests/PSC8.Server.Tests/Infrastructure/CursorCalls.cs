namespace PSC8.Server.Tests.Infrastructure;

/// <summary>Every batch of one query as the cursor API handed it out: the first response, then one per PUT.</summary>
public sealed record CursorRun(IReadOnlyList<HttpExchange> Batches)
{
    public HttpExchange First => Batches[0];

    public HttpExchange Last => Batches[^1];

    /// <summary>The rows of all batches, in order.</summary>
    public JsonArray Rows => new(Batches.SelectMany(b => b.Object.Arr("result")).Select(row => row?.DeepClone()).ToArray());

    /// <summary>The final batch's extra.stats.</summary>
    public JsonObject Stats => Last.Object.Obj("extra").Obj("stats");
}

/// <summary>The cursor API as tests call it: open a cursor, then follow hasMore with PUTs to the end.</summary>
public static class CursorCalls
{
    public static string Cursor(string fabric, string? id = null) => Paths.Fabric(fabric, id is null ? "cursor" : "cursor/" + id);

    /// <summary>POST /cursor with the query and any further body members (batchSize, count, options, bindVars…).</summary>
    public static Task<HttpExchange> OpenCursorAsync(this RegionClient api, string fabric, string query, object? extra = null)
    {
        var body = extra is null ? new JsonObject() : System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject();
        body["query"] = query;
        return api.PostAsync(Cursor(fabric), body);
    }

    /// <summary>Runs a query that must succeed and reads every batch; each non-final batch has an id and the final one none.</summary>
    public static async Task<CursorRun> QueryAsync(this RegionClient api, string fabric, string query, object? extra = null)
    {
        var first = (await api.OpenCursorAsync(fabric, query, extra)).ShouldBe(201);
        var batches = await api.FollowAsync(fabric, first);
        foreach (var next in batches.Skip(1))
        {
            next.ShouldBe(200);
        }
        return new CursorRun(batches);
    }

    /// <summary>The opening batch and every batch PUT fetches after it; stops at the first error, which ends the list.</summary>
    public static async Task<List<HttpExchange>> FollowAsync(this RegionClient api, string fabric, HttpExchange first)
    {
        var batches = new List<HttpExchange> { first };
        var current = first;
        while (current.Status < 400 && current.Json.Bool("hasMore") == true)
        {
            var id = current.Json.Str("id") ?? throw new XunitException($"hasMore without an id: {current}");
            current = await api.PutAsync(Cursor(fabric, id));
            batches.Add(current);
        }
        if (current.Status < 400 && current.Json.Has("id"))
        {
            throw new XunitException($"The final batch must not carry an id: {current}");
        }
        return batches;
    }
}
