using PSC8.Server.Http;
using PSC8.Server.Model;

namespace PSC8.Server.Api;

/// <summary>The cursor API: run C8QL and page through the results; plus parse-only and explain.</summary>
public static class CursorApi
{
    public static void Map(Router router)
    {
        router.Map("POST", "cursor", OpenAsync);
        router.Map("PUT", "cursor/{id}", NextAsync);
        router.Map("POST", "cursor/{id}", NextAsync);
        router.Map("DELETE", "cursor/{id}", CloseAsync);
        router.Map("POST", "query", ParseAsync);
        router.Map("POST", "query/explain", ExplainAsync);
    }

    private static async Task OpenAsync(C8Request request)
    {
        var query = QueryRunner.Parse(await request.ReadObjectAsync().ConfigureAwait(false));
        var opening = await QueryRunner.OpenAsync(request, query).ConfigureAwait(false);
        await QueryRunner.WriteBatchAsync(request.Http, 201, opening.Cursor, opening.Batch, opening.HasMore, opening.Count).ConfigureAwait(false);
    }

    private static async Task NextAsync(C8Request request)
    {
        var (cursor, batch, hasMore) = await QueryRunner.NextAsync(request, request.Route("id")).ConfigureAwait(false);
        await QueryRunner.WriteBatchAsync(request.Http, 200, cursor, batch, hasMore, count: null).ConfigureAwait(false);
    }

    private static Task CloseAsync(C8Request request)
    {
        var id = request.Route("id");
        var cursors = request.Region.Cursors;
        cursors.Get(id, request.Principal.UserId);
        cursors.Remove(id);
        return Responses.WriteEnvelopeAsync(request.Http, 202, w => w.WriteString("id", id));
    }

    private static async Task ParseAsync(C8Request request)
    {
        Execution.Fabric(request);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var query = Json.String(body, "query") ?? throw C8Errors.BadRequest("'query' must be a string");
        var parsed = request.Cluster.Engine.Parse(query);
        await Responses.WriteEnvelopeAsync(request.Http, 200, w =>
        {
            w.WriteBoolean("parsed", true);
            if (parsed.IsObject)
            {
                Responses.WriteMembers(w, parsed.AsObject);
            }
        }).ConfigureAwait(false);
    }

    private static async Task ExplainAsync(C8Request request)
    {
        Execution.Fabric(request);
        var query = QueryRunner.Parse(await request.ReadObjectAsync().ConfigureAwait(false));
        var explained = request.Cluster.Engine.Prepare(query.Query, query.BindVars).Explain();
        await Responses.WriteFlatAsync(request.Http, 200, explained.AsObject).ConfigureAwait(false);
    }
}
