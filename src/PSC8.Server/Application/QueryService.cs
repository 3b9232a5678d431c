using PSC8.Server.Cluster;
using PSC8.Server.Cursors;
using PSC8.Server.Http;
using PSC8.Server.Model;
using PSC8.Server.Query;

namespace PSC8.Server.Application;

/// <summary>What a caller asks of a query, from the cursor API or a RestQL execute.</summary>
internal sealed record QueryRequest(string Query, C8Object BindVars, int BatchSize, bool Count, TimeSpan Ttl, bool Stream, QueryOptions Options)
{
    public CursorSettings CursorSettings => new(BatchSize, Ttl, Stream, Options.FullCount);
}

/// <summary>The first batch of a query and the cursor that holds the rest, if any.</summary>
internal sealed record QueryOpening(ServerCursor Cursor, List<C8Value> Batch, bool HasMore, bool IsModification);

/// <summary>
/// Runs C8QL for the cursor and RestQL APIs. A query touching a spot collection runs in the spot region.
/// As in GDN, a query runs to the end before its first batch is sent — so extra.stats (fullCount included) is
/// final from the first batch and errors surface when the cursor is opened — unless the caller asks for a
/// streaming cursor: a read-only streaming query then reads a snapshot as batches are fetched. A modification
/// query always runs to the end in one write transaction: all its writes commit together or none do.
/// </summary>
internal static class QueryService
{
    public static async Task<QueryOpening> OpenAsync(IncomingRequest request, QueryRequest query)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly);
        var profile = query.Options.Profile ? new QueryProfile() : null;
        var prepared = request.Cluster.Engine.Prepare(query.Query, query.BindVars, profile, fabric.Indexes);
        var target = fabric.ForQuery(prepared);
        var owner = request.Principal.UserId;
        ServerCursor cursor;
        long? count = null;
        if (prepared.IsModification)
        {
            var (home, rows) = await RegionExecutor.WriteAsync(target,
                t => (t.Region.Name, Drain(ProfiledExecution.Start(prepared, t, query.Options, profile, request.Aborted)))).ConfigureAwait(false);
            count = rows.Count;
            cursor = new ServerCursor(owner, home, query.CursorSettings, rows, snapshot: null, profile);
        }
        else if (query.Stream && !query.Count)
        {
            var (home, session, transaction) = await RegionExecutor.OpenSnapshotAsync(target).ConfigureAwait(false);
            try
            {
                var execution = ProfiledExecution.Start(prepared, transaction, query.Options, profile, CancellationToken.None);
                cursor = new ServerCursor(owner, home.Name, query.CursorSettings, execution, session, profile);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
        else
        {
            var (home, rows) = await RegionExecutor.ReadAsync(target,
                t => (t.Region.Name, Drain(ProfiledExecution.Start(prepared, t, query.Options, profile, request.Aborted)))).ConfigureAwait(false);
            count = rows.Count;
            cursor = new ServerCursor(owner, home, query.CursorSettings, rows, snapshot: null, profile);
        }
        cursor.Count = query.Count ? count : null;
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
            profile?.Finish();
            return new QueryOpening(cursor, batch, hasMore, prepared.IsModification);
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    /// <summary>The next batch of an open cursor of the caller's, from the region that holds it. A cursor whose query fails is closed.</summary>
    public static async Task<(ServerCursor Cursor, List<C8Value> Batch, bool HasMore)> NextAsync(IncomingRequest request, string id)
    {
        var cursors = request.Region.Cursors;
        var cursor = cursors.Get(id, request.Principal.UserId);
        await RegionExecutor.CrossLinkAsync(request, request.Cluster.Region(cursor.HomeRegion)).ConfigureAwait(false);
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
            cursor.Profile?.Finish();
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
}
