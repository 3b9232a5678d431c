using Microsoft.AspNetCore.Http;
using PSC8.Server.Cursors;
using PSC8.Server.Query;
using PSC8.Server.Query.Sql;

namespace PSC8.Server.Api;

/// <summary>The cursor API: run C8QL and page through the results; plus parse-only and explain.</summary>
internal static class CursorEndpoints
{
    private const int DefaultBatchSize = 100;
    private const int MaxBatchSize = 1000;
    private const double MaxTtlSeconds = 86400;
    private static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(30);

    public static void Map(Router router)
    {
        router.Map("POST", "cursor", OpenAsync);
        router.Map("POST", "cursor/sql", OpenSqlAsync);
        router.Map("PUT", "cursor/{id}", NextAsync);
        router.Map("POST", "cursor/{id}", NextAsync);
        router.Map("DELETE", "cursor/{id}", CloseAsync);
        router.Map("POST", "query", ParseAsync);
        router.Map("POST", "query/explain", ExplainAsync);
        // jsC8's explainQuery posts here.
        router.Map("POST", "explain", ExplainAsync);
    }

    private static async Task OpenAsync(IncomingRequest request)
    {
        var query = ReadQuery(await request.ReadObjectAsync().ConfigureAwait(false));
        var opening = await QueryService.OpenAsync(request, query).ConfigureAwait(false);
        await WriteBatchAsync(request, 201, opening.Cursor, opening.Batch, opening.HasMore).ConfigureAwait(false);
    }

    /// <summary>GDN's SQL dialect; it is a literal route so that "sql" is never read as a cursor id.</summary>
    private static async Task OpenSqlAsync(IncomingRequest request)
    {
        var query = FromSql(ReadQuery(await request.ReadObjectAsync().ConfigureAwait(false)));
        var opening = await QueryService.OpenAsync(request, query).ConfigureAwait(false);
        await WriteBatchAsync(request, 201, opening.Cursor, opening.Batch, opening.HasMore).ConfigureAwait(false);
    }

    /// <summary>A request whose text is SQL, as the C8QL it translates to with its $n parameters bound.</summary>
    public static QueryRequest FromSql(QueryRequest sql)
    {
        var translation = SqlTranslator.Translate(sql.Query);
        return sql with { Query = translation.C8ql, BindVars = translation.Bind(sql.BindVars) };
    }

    private static async Task NextAsync(IncomingRequest request)
    {
        var (cursor, batch, hasMore) = await QueryService.NextAsync(request, request.Route("id")).ConfigureAwait(false);
        await WriteBatchAsync(request, 200, cursor, batch, hasMore).ConfigureAwait(false);
    }

    private static Task CloseAsync(IncomingRequest request)
    {
        var id = request.Route("id");
        request.Region.Cursors.Close(id, request.Principal.UserId);
        return Responses.WriteEnvelopeAsync(request.Http, 202, w => w.WriteString("id", id));
    }

    private static async Task ParseAsync(IncomingRequest request)
    {
        RequestTarget.Resolve(request, AccessLevel.ReadOnly);
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

    private static async Task ExplainAsync(IncomingRequest request)
    {
        var target = RequestTarget.Resolve(request, AccessLevel.ReadOnly);
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var query = ReadQuery(body);
        var explained = request.Cluster.Engine.Prepare(query.Query, query.BindVars, indexes: target.Indexes).Explain().AsObject;
        var options = body["options"];
        if (options.IsObject && Json.Bool(options.AsObject, "allPlans", false))
        {
            // With allPlans GDN answers {plans: [...], warnings, stats} and no cacheable (pyC8's test_explain_query
            // cassette); C8 Local makes one plan.
            explained = new C8Object.Builder()
                .Set("plans", C8Value.From(new[] { explained["plan"] }))
                .Set("warnings", explained["warnings"])
                .Set("stats", explained["stats"])
                .Build();
        }
        await Responses.WriteFlatAsync(request.Http, 200, explained).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the cursor API's body (options may also sit at the top level, as pyC8 sends them); a RestQL execute and a
    /// query export take the same body.
    /// </summary>
    public static QueryRequest ReadQuery(C8Object body, string? defaultQuery = null)
    {
        var queryValue = body["query"];
        var query = queryValue.IsNull && defaultQuery is not null ? defaultQuery
            : queryValue.TryGetString(out var text) ? text
            : throw C8Errors.BadRequest("'query' must be a string");
        var bindVars = body["bindVars"];
        if (!bindVars.IsNull && !bindVars.IsObject)
        {
            throw C8Errors.BadRequest("'bindVars' must be an object");
        }
        var batchSize = Json.Long(body, "batchSize") ?? DefaultBatchSize;
        if (batchSize is < 1 or > MaxBatchSize)
        {
            throw C8Errors.BadRequest($"'batchSize' must be between 1 and {MaxBatchSize}");
        }
        var ttlValue = body["ttl"];
        var ttl = ttlValue.IsNull ? DefaultTtl
            : ttlValue.IsNumber && ttlValue.AsNumber > 0 ? TimeSpan.FromSeconds(Math.Min(ttlValue.AsNumber, MaxTtlSeconds))
            : throw C8Errors.BadRequest("'ttl' must be a positive number of seconds");
        var options = body["options"];
        if (!options.IsNull && !options.IsObject)
        {
            throw C8Errors.BadRequest("'options' must be an object");
        }
        var optionObject = options.IsObject ? options.AsObject : C8Object.Empty;
        bool Flag(string name) => Json.Bool(optionObject, name, Json.Bool(body, name, false));
        C8Value Option(string name) => optionObject.ContainsKey(name) ? optionObject[name] : body[name];
        var maxRuntime = Option("maxRuntime");
        if (!maxRuntime.IsNull && !(maxRuntime.IsNumber && maxRuntime.AsNumber >= 0))
        {
            throw C8Errors.BadRequest("'maxRuntime' must be a number of seconds, 0 or more");
        }
        var memoryLimit = Option("memoryLimit");
        if (!memoryLimit.IsNull && !(memoryLimit.IsNumber && memoryLimit.AsNumber >= 0))
        {
            throw C8Errors.BadRequest("'memoryLimit' must be a number of bytes, 0 or more");
        }
        return new QueryRequest(query, bindVars.IsObject ? bindVars.AsObject : C8Object.Empty, (int)batchSize, Json.Bool(body, "count", false), ttl,
            Flag("stream"),
            new QueryOptions
            {
                FullCount = Flag("fullCount"),
                FailOnWarning = Flag("failOnWarning"),
                // As in ArangoDB, true or a level; 2 also asks for statistics per plan node, which C8 Local does not
                // measure, so it reports the phases as 1 does.
                Profile = optionObject["profile"].IsBool ? optionObject["profile"].AsBool : optionObject["profile"].IsNumber && optionObject["profile"].AsNumber > 0,
                MaxWarningCount = (int)(Json.Long(optionObject, "maxWarningCount") ?? 10),
            },
            maxRuntime.IsNull ? null : TimeSpan.FromSeconds(Math.Min(maxRuntime.AsNumber, TimeSpan.MaxValue.TotalSeconds / 2)),
            memoryLimit.IsNull ? null : (long)Math.Min(memoryLimit.AsNumber, long.MaxValue / 2));
    }

    /// <summary>
    /// The cursor response: result, hasMore, id while more follow, count on every batch when asked (as GDN repeats it:
    /// pyC8's test_cursor_from_execute_query cassette), extra (not on a streaming cursor's middle batches). A batch
    /// that cannot be written (a row nested too deep) closes the cursor: its rows are lost to the client, and the
    /// cursor would otherwise hold one of its caller's places until its ttl.
    /// </summary>
    public static async Task WriteBatchAsync(IncomingRequest request, int status, ServerCursor cursor, List<C8Value> batch, bool hasMore)
    {
        try
        {
            await WriteBatchBodyAsync(request.Http, status, cursor, batch, hasMore).ConfigureAwait(false);
        }
        catch (C8Exception) when (hasMore)
        {
            request.Region.Cursors.Remove(cursor.Id);
            throw;
        }
    }

    private static Task WriteBatchBodyAsync(HttpContext http, int status, ServerCursor cursor, List<C8Value> batch, bool hasMore) =>
        Responses.WriteEnvelopeAsync(http, status, w =>
        {
            w.WritePropertyName("result");
            w.WriteStartArray();
            foreach (var row in batch)
            {
                C8Json.Write(w, row);
            }
            w.WriteEndArray();
            w.WriteBoolean("hasMore", hasMore);
            if (hasMore)
            {
                w.WriteString("id", cursor.Id);
            }
            if (cursor.Count is { } n)
            {
                w.WriteNumber("count", n);
            }
            if (!(cursor.Settings.Stream && hasMore))
            {
                w.WritePropertyName("extra");
                WriteExtra(w, cursor);
            }
            // C8 Local keeps no query result cache: no answer is ever served from one.
            w.WriteBoolean("cached", false);
        });

    /// <summary>
    /// extra: the statistics the engine counted (ArangoDB's httpRequests, requests between cluster servers, and
    /// peakMemoryUsage are not measured here, so they are left out), the warnings, and the profile when asked for.
    /// </summary>
    private static void WriteExtra(Utf8JsonWriter w, ServerCursor cursor)
    {
        var stats = cursor.Stats;
        w.WriteStartObject();
        w.WriteStartObject("stats");
        w.WriteNumber("writesExecuted", stats.WritesExecuted);
        w.WriteNumber("writesIgnored", stats.WritesIgnored);
        w.WriteNumber("scannedFull", stats.ScannedFull);
        w.WriteNumber("scannedIndex", stats.ScannedIndex);
        w.WriteNumber("filtered", stats.Filtered);
        w.WriteNumber("executionTime", stats.ExecutionTime);
        if (cursor.Settings.FullCount)
        {
            w.WriteNumber("fullCount", stats.FullCount ?? 0);
        }
        w.WriteEndObject();
        w.WriteStartArray("warnings");
        foreach (var warning in cursor.Warnings)
        {
            w.WriteStartObject();
            w.WriteNumber("code", warning.Code);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (cursor.Profile is { } profile)
        {
            w.WriteStartObject("profile");
            foreach (var (phase, took) in profile.Phases)
            {
                w.WriteNumber(phase, took.TotalSeconds);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
