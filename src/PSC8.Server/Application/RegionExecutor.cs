using PSC8.Server.Cluster;
using PSC8.Server.Documents;
using PSC8.Server.Http;
using PSC8.Server.Model;
using PSC8.Server.Storage;

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
        RunAsync(target, current => current.Home.Store.Read(reader => work(Open(current, reader))));

    /// <summary>Runs <paramref name="work"/> in a write transaction: all of it commits or none of it.</summary>
    public static Task<T> WriteAsync<T>(RequestTarget target, Func<FabricTransaction, T> work) =>
        RunAsync(target, current => current.Home.Store.Write(writer => work(Open(current, writer))));

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
        });

    private static FabricTransaction Open(RequestTarget target, RegionReader reader)
    {
        target.RequireServed();
        var request = target.Request;
        return new FabricTransaction(request.Cluster, target.Fabric, target.Home, reader, request.Principal);
    }

    private static async Task<T> RunAsync<T>(RequestTarget target, Func<RequestTarget, T> run)
    {
        var request = target.Request;
        var gate = target.Spot ? request.Cluster.SpotGate(target.Fabric.Name) : null;
        var forwarded = target.Home != request.Region;
        if (forwarded)
        {
            await CrossLinkAsync(request, target.Home).ConfigureAwait(false);
        }
        T result;
        gate?.EnterReadLock();
        try
        {
            result = run(target.Current());
        }
        finally
        {
            gate?.ExitReadLock();
        }
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
