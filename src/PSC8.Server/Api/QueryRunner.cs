using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PSC8.Server.Cluster;
using PSC8.Server.Cursors;
using PSC8.Server.Http;
using PSC8.Server.Model;
using PSC8.Server.Query;

namespace PSC8.Server.Api;

/// <summary>What a caller asks of a query, from the cursor API or a RestQL execute.</summary>
public sealed record QueryRequest(string Query, C8Object BindVars, int BatchSize, bool Count, TimeSpan Ttl, bool Stream, QueryOptions Options)
{
    public CursorSettings CursorSettings => new(BatchSize, Ttl, Stream, Options.FullCount);
}

/// <summary>The first batch of a query and the cursor that holds the rest, if any.</summary>
public sealed record QueryOpening(ServerCursor Cursor, List<C8Value> Batch, bool HasMore, long? Count);

/// <summary>
/// Runs C8QL for the cursor and RestQL APIs. A query touching a spot collection runs in the spot region.
/// As in GDN, a query runs to the end before its first batch is sent — so extra.stats (fullCount included) is
/// final from the first batch and errors surface when the cursor is opened — unless the caller asks for a
/// streaming cursor: a read-only streaming query then reads a snapshot as batches are fetched. A modification
/// query always runs to the end in one write transaction: all its writes commit together or none do.
/// </summary>
public static class QueryRunner
{
    public const int DefaultBatchSize = 100;
    public const int MaxBatchSize = 1000;
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(30);

    public static async Task<QueryOpening> OpenAsync(C8Request request, QueryRequest query)
    {
        var cluster = request.Cluster;
        var fabric = Execution.Fabric(request);
        var prepared = cluster.Engine.Prepare(query.Query, query.BindVars);
        var spot = TouchesSpotCollection(cluster, fabric, prepared);
        var owner = request.Principal.UserId;
        ServerCursor cursor;
        long? count = null;
        if (prepared.IsModification)
        {
            var (home, rows) = await Execution.WriteAsync(request, fabric, spot,
                t => (t.Region.Name, Drain(prepared.Execute(t, query.Options, request.Aborted)))).ConfigureAwait(false);
            count = rows.Count;
            cursor = new ServerCursor(owner, home, query.CursorSettings, rows, snapshot: null);
        }
        else if (query.Stream && !query.Count)
        {
            var (home, session, transaction) = await Execution.OpenSnapshotAsync(request, fabric, spot).ConfigureAwait(false);
            try
            {
                cursor = new ServerCursor(owner, home.Name, query.CursorSettings, prepared.Execute(transaction, query.Options, CancellationToken.None), session);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
        else
        {
            var (home, rows) = await Execution.ReadAsync(request, fabric, spot,
                t => (t.Region.Name, Drain(prepared.Execute(t, query.Options, request.Aborted)))).ConfigureAwait(false);
            count = rows.Count;
            cursor = new ServerCursor(owner, home, query.CursorSettings, rows, snapshot: null);
        }
        try
        {
            var (batch, hasMore) = cursor.NextBatch();
            if (hasMore)
            {
                request.Region.Cursors.Add(cursor);
            }
            else
            {
                cursor.Dispose();
            }
            return new QueryOpening(cursor, batch, hasMore, query.Count ? count : null);
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the query must run in the spot region: it names a spot collection, or it may read a collection
    /// it only learns at run time (DOCUMENT('c/k'), COLLECTION_COUNT(x)…) and the fabric has spot collections.
    /// </summary>
    private static bool TouchesSpotCollection(C8Cluster cluster, FabricInfo fabric, PreparedQuery prepared) =>
        prepared.Collections.Any(name => cluster.Catalog.FindCollection(fabric.Name, name)?.IsSpot == true) ||
        (prepared.ReadsCollectionsByValue && cluster.Catalog.Collections(fabric.Name).Any(c => c.IsSpot));

    /// <summary>The next batch of an open cursor of the caller's, from the region that holds it. A cursor whose query fails is closed.</summary>
    public static async Task<(ServerCursor Cursor, List<C8Value> Batch, bool HasMore)> NextAsync(C8Request request, string id)
    {
        var cursors = request.Region.Cursors;
        var cursor = cursors.Get(id, request.Principal.UserId);
        await Execution.CrossLinkAsync(request, request.Cluster.Region(cursor.HomeRegion)).ConfigureAwait(false);
        List<C8Value> batch;
        bool hasMore;
        try
        {
            (batch, hasMore) = await cursor.NextBatchAsync(request.Aborted).ConfigureAwait(false);
        }
        catch (C8Exception)
        {
            cursors.Remove(id);
            throw;
        }
        if (!hasMore)
        {
            cursors.Remove(id);
        }
        return (cursor, batch, hasMore);
    }

    /// <summary>Runs the execution to its end and keeps its rows, statistics and warnings.</summary>
    private static BufferedExecution Drain(IQueryExecution execution)
    {
        using (execution)
        {
            var rows = new List<C8Value>();
            while (execution.MoveNext(out var row))
            {
                rows.Add(row);
            }
            return new BufferedExecution(rows, execution.Stats, execution.Warnings);
        }
    }

    /// <summary>Reads the cursor API's body (options may also sit at the top level, as pyC8 sends them).</summary>
    public static QueryRequest Parse(C8Object body, string? defaultQuery = null)
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
            : ttlValue.IsNumber && ttlValue.AsNumber > 0 ? TimeSpan.FromSeconds(Math.Min(ttlValue.AsNumber, 86400))
            : throw C8Errors.BadRequest("'ttl' must be a positive number of seconds");
        var options = body["options"];
        if (!options.IsNull && !options.IsObject)
        {
            throw C8Errors.BadRequest("'options' must be an object");
        }
        var optionObject = options.IsObject ? options.AsObject : C8Object.Empty;
        bool Flag(string name) => Json.Bool(optionObject, name, Json.Bool(body, name, false));
        return new QueryRequest(query, bindVars.IsObject ? bindVars.AsObject : C8Object.Empty, (int)batchSize, Json.Bool(body, "count", false), ttl,
            Flag("stream"),
            new QueryOptions
            {
                FullCount = Flag("fullCount"),
                FailOnWarning = Flag("failOnWarning"),
                Profile = optionObject["profile"].IsBool ? optionObject["profile"].AsBool : optionObject["profile"].IsNumber && optionObject["profile"].AsNumber > 0,
                MaxWarningCount = (int)(Json.Long(optionObject, "maxWarningCount") ?? 10),
            });
    }

    /// <summary>The cursor response: result, hasMore, id while more follow, count when asked, extra (not on a streaming cursor's middle batches).</summary>
    public static Task WriteBatchAsync(HttpContext http, int status, ServerCursor cursor, List<C8Value> batch, bool hasMore, long? count) =>
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
            if (count is { } n)
            {
                w.WriteNumber("count", n);
            }
            if (!(cursor.Settings.Stream && hasMore))
            {
                w.WritePropertyName("extra");
                WriteExtra(w, cursor.Stats, cursor.Warnings, cursor.Settings.FullCount);
            }
            w.WriteBoolean("cached", false);
        });

    public static void WriteExtra(Utf8JsonWriter w, QueryStats stats, IReadOnlyList<QueryWarning> warnings, bool fullCount)
    {
        w.WriteStartObject();
        w.WriteStartObject("stats");
        w.WriteNumber("writesExecuted", stats.WritesExecuted);
        w.WriteNumber("writesIgnored", stats.WritesIgnored);
        w.WriteNumber("scannedFull", stats.ScannedFull);
        w.WriteNumber("scannedIndex", stats.ScannedIndex);
        w.WriteNumber("filtered", stats.Filtered);
        w.WriteNumber("httpRequests", 0);
        w.WriteNumber("executionTime", stats.ExecutionTime);
        w.WriteNumber("peakMemoryUsage", stats.PeakMemoryUsage);
        if (fullCount)
        {
            w.WriteNumber("fullCount", stats.FullCount ?? 0);
        }
        w.WriteEndObject();
        w.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            w.WriteStartObject();
            w.WriteNumber("code", warning.Code);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
