using PSC8.Server.Cursors;
using PSC8.Server.Hosting;
using PSC8.Server.Query;

namespace PSC8.Server.Application;

/// <summary>What a caller asks of a query, from the cursor API or a RestQL execute.</summary>
/// <param name="MaxRuntime">The cursor option maxRuntime; null (or zero) asks for the server's default.</param>
/// <param name="MemoryLimit">The cursor option memoryLimit in bytes; null (or zero) asks for the server's default.</param>
/// <param name="SavedBy">For a stored query saved by another principal than the caller: that principal (<see cref="RequestTarget.SavedBy"/>).</param>
internal sealed record QueryRequest(string Query, C8Object BindVars, int BatchSize, bool Count, TimeSpan Ttl, bool Stream, QueryOptions Options,
    TimeSpan? MaxRuntime = null, long? MemoryLimit = null, Principal? SavedBy = null)
{
    public CursorSettings CursorSettings => new(BatchSize, Ttl, Stream, Options.FullCount);

    /// <summary>The request with the server's limits applied: defaults where it asks for none, never beyond a ceiling.</summary>
    public QueryRequest Limited(C8LocalOptions server)
    {
        var runtime = MaxRuntime is { } asked && asked > TimeSpan.Zero ? asked : server.QueryMaxRuntime;
        if (runtime <= TimeSpan.Zero || runtime > server.QueryMaxRuntimeCeiling)
        {
            runtime = server.QueryMaxRuntimeCeiling;
        }
        var memory = MemoryLimit is > 0 ? MemoryLimit.Value : server.QueryMemoryLimit;
        return this with
        {
            MaxRuntime = runtime,
            MemoryLimit = Math.Min(memory, server.QueryMemoryLimitCeiling),
            Ttl = Ttl > server.CursorTtlCeiling ? server.CursorTtlCeiling : Ttl,
            Options = Options with { MemoryLimit = Math.Min(memory, server.QueryMemoryLimitCeiling) },
        };
    }
}

/// <summary>The first batch of a query and the cursor that holds the rest, if any.</summary>
internal sealed record QueryOpening(ServerCursor Cursor, List<C8Value> Batch, bool HasMore, bool IsModification);

/// <summary>
/// Runs C8QL for the cursor and RestQL APIs. A query touching a spot collection runs in the spot region.
/// As in GDN, a query runs to the end before its first batch is sent — so extra.stats (fullCount included) is
/// final from the first batch and errors surface when the cursor is opened — unless the caller asks for a
/// streaming cursor: a read-only streaming query then reads a snapshot as batches are fetched. A modification
/// query always runs to the end in one write transaction: all its writes commit together or none do.
/// Every query runs within its limits (maxRuntime, memoryLimit, the caller's quotas), on a thread of its own, and
/// is listed in <see cref="RunningQueries"/> while it runs, where it can be killed.
/// </summary>
internal static class QueryService
{
    public static async Task<QueryOpening> OpenAsync(IncomingRequest request, QueryRequest asked)
    {
        var cluster = request.Cluster;
        var query = asked.Limited(cluster.Options);
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly) with { SavedBy = query.SavedBy };
        var profile = query.Options.Profile ? new QueryProfile() : null;
        var prepared = cluster.Engine.Prepare(query.Query, query.BindVars, profile, fabric.Indexes);
        var target = fabric.ForQuery(prepared);
        var owner = request.Principal.UserId;
        var streams = query.Stream && !query.Count && !prepared.IsModification;
        using var place = cluster.Quotas.EnterQuery(owner);
        var running = cluster.Queries.Start(fabric.Fabric.Name, owner, query.Query, query.BindVars, streams, query.MaxRuntime!.Value,
            streams ? CancellationToken.None : request.Aborted);
        ServerCursor? cursor = null;
        long? count = null;
        try
        {
            if (streams)
            {
                var (home, session, transaction) = await RegionExecutor.OpenSnapshotAsync(target).ConfigureAwait(false);
                try
                {
                    var execution = ProfiledExecution.Start(prepared, transaction, query.Options, profile, running.Token);
                    cursor = new ServerCursor(owner, home.Name, query.CursorSettings, execution, session, profile, running);
                }
                catch
                {
                    session.Dispose();
                    throw;
                }
            }
            else
            {
                Func<FabricTransaction, (string, BufferedExecution)> work = t =>
                    (t.Region.Name, Drain(ProfiledExecution.Start(prepared, t, query.Options, profile, running.Token), query.Options.MemoryLimit));
                var (home, rows) = await (prepared.IsModification
                    ? RegionExecutor.QueryWriteAsync(target, prepared.WrittenCollections, running.Token, work)
                    : RegionExecutor.QueryReadAsync(target, work)).ConfigureAwait(false);
                count = rows.Count;
                cursor = new ServerCursor(owner, home, query.CursorSettings, rows, snapshot: null, profile);
            }
        }
        catch (OperationCanceledException) when (running.Token.IsCancellationRequested && !request.Aborted.IsCancellationRequested)
        {
            throw QueryErrors.Killed();
        }
        finally
        {
            // A streaming cursor keeps its query listed until it is closed; everything else has finished here.
            if (cursor?.Streaming is null)
            {
                running.Dispose();
            }
        }
        cursor.Count = query.Count ? count : null;
        try
        {
            var (batch, hasMore) = streams ? await cursor.NextBatchAsync(request.Aborted).ConfigureAwait(false) : cursor.NextBatch();
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

    /// <summary>
    /// Runs a read-only query to its end within the same limits as a cursor's (export); a modifying query is refused
    /// with <paramref name="modificationRefused"/>.
    /// </summary>
    public static async Task<IReadOnlyList<C8Value>> ReadAllAsync(IncomingRequest request, QueryRequest asked, Func<C8Exception> modificationRefused)
    {
        var cluster = request.Cluster;
        var query = asked.Limited(cluster.Options);
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly);
        var prepared = cluster.Engine.Prepare(query.Query, query.BindVars, indexes: fabric.Indexes);
        if (prepared.IsModification)
        {
            throw modificationRefused();
        }
        var owner = request.Principal.UserId;
        using var place = cluster.Quotas.EnterQuery(owner);
        using var running = cluster.Queries.Start(fabric.Fabric.Name, owner, query.Query, query.BindVars, false, query.MaxRuntime!.Value, request.Aborted);
        var rows = await RegionExecutor.QueryReadAsync(fabric.ForQuery(prepared),
            t => Drain(prepared.Execute(t, query.Options, running.Token), query.Options.MemoryLimit)).ConfigureAwait(false);
        return rows.Rows;
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
            using var place = cursor.Streaming is null ? null : request.Cluster.Quotas.EnterQuery(request.Principal.UserId);
            (batch, hasMore) = await cursor.NextBatchAsync(request.Aborted).ConfigureAwait(false);
        }
        catch (C8Exception error) when (error.HttpStatus != 429)
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

    /// <summary>Runs the execution to its end and keeps its rows, statistics and warnings; the rows count against the memory limit.</summary>
    private static BufferedExecution Drain(IQueryExecution execution, long memoryLimit)
    {
        using (execution)
        {
            var rows = new RowBuffer();
            long bytes = 0;
            while (execution.MoveNext(out var row))
            {
                bytes += MemoryEstimate.Of(row);
                if (memoryLimit > 0 && bytes > memoryLimit)
                {
                    throw QueryErrors.MemoryLimitExceeded(memoryLimit);
                }
                rows.Add(row);
            }
            return new BufferedExecution(rows, execution.Stats, execution.Warnings);
        }
    }
}
