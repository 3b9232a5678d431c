namespace PSC8.Server.Application;

/// <summary>
/// Runs a request's work in its target's home region, in one transaction. A request received elsewhere is
/// forwarded there: it pays the link latency both ways, and fails fast with 503, before anything runs, when the
/// link is cut. Spot requests hold the fabric's spot gate while they run, so the spot region cannot move under them.
/// </summary>
internal static class RegionExecutor
{
    /// <summary>Runs <paramref name="work"/> in a read transaction of the region that must serve it.</summary>
    public static Task<T> ReadAsync<T>(RequestTarget target, Func<FabricTransaction, T> work) =>
        RunAsync(target, current => current.Home.Store.Read(reader => work(Open(current, reader))), onQueryThread: false);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction: all of it commits or none of it. A collection's write
    /// waits for a modifying query that writes the same collection.
    /// </summary>
    public static async Task<T> WriteAsync<T>(RequestTarget target, Func<FabricTransaction, T> work)
    {
        using var held = target is CollectionTarget written
            ? await target.Request.Cluster.WriteLocks.AcquireAsync([written.Collection.Id], target.Request.Aborted).ConfigureAwait(false)
            : null;
        return await RunAsync(target, current => current.Home.Store.Write(writer => work(Open(current, writer))), onQueryThread: false).ConfigureAwait(false);
    }

    /// <summary>As <see cref="ReadAsync{T}"/> for a C8QL execution, which runs on a thread of its own (<see cref="QueryThreads"/>).</summary>
    public static Task<T> QueryReadAsync<T>(RequestTarget target, Func<FabricTransaction, T> work) =>
        RunAsync(target, current => current.Home.Store.Read(reader => work(Open(current, reader))), onQueryThread: true);

    /// <summary>
    /// Runs a modifying C8QL execution on a thread of its own, holding the write locks of the collections it writes
    /// (waiting for them at most until <paramref name="cancellationToken"/>: the query's maxRuntime). It runs over a
    /// snapshot that keeps its writes (<see cref="DeferredWriter"/>), and only applying them takes the region's write lock.
    /// </summary>
    public static async Task<T> QueryWriteAsync<T>(RequestTarget target, IEnumerable<string> writtenCollections, CancellationToken cancellationToken,
        Func<FabricTransaction, T> work)
    {
        var catalog = target.Request.Cluster.Catalog;
        var ids = writtenCollections.Select(name => catalog.FindCollection(target.Fabric.Name, name)?.Id).OfType<long>();
        using var held = await target.Request.Cluster.WriteLocks.AcquireAsync(ids, cancellationToken, byQuery: true).ConfigureAwait(false);
        return await RunAsync(target, current =>
        {
            var store = current.Home.Store;
            using var session = store.OpenReadSession();
            using var deferred = new DeferredWriter(session.Reader.Connection);
            var result = work(Open(current, deferred));
            store.Write(writer =>
            {
                deferred.ApplyTo(writer);
                return 0;
            });
            return result;
        }, onQueryThread: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a read transaction in the region that must serve the request and leaves it open: a streaming
    /// cursor keeps reading that snapshot across requests. The caller disposes the session.
    /// </summary>
    public static Task<(Region Home, RegionStore.ReadSession Session, FabricTransaction Transaction)> OpenSnapshotAsync(RequestTarget target) =>
        RunAsync(target, current =>
        {
            var home = current.Home;
            var session = home.Store.OpenReadSession();
            try
            {
                return (home, session, Open(current, session.Reader));
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }, onQueryThread: false);

    private static FabricTransaction Open(RequestTarget target, RegionReader reader)
    {
        target.RequireServed();
        var request = target.Request;
        return new FabricTransaction(request.Cluster, target.Fabric, target.Home, reader, request.Principal, target.SavedBy);
    }

    private static async Task<T> RunAsync<T>(RequestTarget target, Func<RequestTarget, T> run, bool onQueryThread)
    {
        var request = target.Request;
        var gate = target.Spot ? request.Cluster.SpotGate(target.Fabric.Name) : null;
        var forwarded = target.Home != request.Region;
        if (forwarded)
        {
            await CrossLinkAsync(request, target.Home).ConfigureAwait(false);
        }
        // The gate is taken and left on the thread that runs the work: a ReaderWriterLockSlim belongs to a thread.
        T Gated()
        {
            gate?.EnterReadLock();
            try
            {
                return run(target.Current());
            }
            finally
            {
                gate?.ExitReadLock();
            }
        }
        var result = onQueryThread ? await QueryThreads.RunAsync(Gated).ConfigureAwait(false) : Gated();
        if (forwarded)
        {
            // The answer comes back even if the link was cut meanwhile: the request was executed, and a 503 would tell
            // the client it was not (so it could retry, and write twice).
            await PayLinkLatencyAsync(request).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Pays the link latency to <paramref name="home"/>, or fails fast when the regions cannot reach each other.</summary>
    public static async Task CrossLinkAsync(IncomingRequest request, Region home)
    {
        if (home == request.Region)
        {
            return;
        }
        var faults = request.Cluster.Faults;
        if (!faults.CanReach(request.Region.Name, home.Name))
        {
            throw new C8Exception(503, C8Errors.SpotRegionUnreachable,
                $"region '{request.Region.Name}' cannot reach region '{home.Name}', which serves this request; no stale answer is given");
        }
        await PayLinkLatencyAsync(request).ConfigureAwait(false);
    }

    private static async Task PayLinkLatencyAsync(IncomingRequest request)
    {
        var latency = request.Cluster.Faults.LinkLatency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, request.Aborted).ConfigureAwait(false);
        }
    }
}
