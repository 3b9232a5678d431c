using PSC8.Server.Cluster;
using PSC8.Server.Documents;
using PSC8.Server.Http;
using PSC8.Server.Model;

namespace PSC8.Server.Application;

/// <summary>
/// Decides which region executes a request and runs it there in one transaction. Spot collections are
/// always served by the fabric's spot region (a forwarded request pays the link latency both ways, and
/// fails fast with 503, before anything runs, when the link is cut); everything else runs in the receiving
/// region when it belongs to the fabric, else in the fabric's first region.
/// </summary>
public static class RegionExecutor
{
    public static FabricInfo Fabric(IncomingRequest request, AccessLevel needed = AccessLevel.ReadOnly)
    {
        var fabric = request.Cluster.Catalog.FindFabric(request.Fabric) ?? throw C8Errors.DatabaseNotFound(request.Fabric);
        request.Cluster.Access.RequireFabric(request.Principal, fabric.Name, needed);
        return fabric;
    }

    public static Region HomeRegion(C8Cluster cluster, FabricInfo fabric, Region receiving, bool spot)
    {
        if (spot)
        {
            if (!fabric.HasSpotRegion)
            {
                throw NoSpotRegion(fabric);
            }
            return cluster.Region(fabric.SpotRegion);
        }
        return fabric.Regions.Contains(receiving.Name) ? receiving : cluster.Region(fabric.Regions[0]);
    }

    public static C8Exception NoSpotRegion(FabricInfo fabric) =>
        new(400, C8Errors.BadParameter, $"fabric '{fabric.Name}' has no spot region, so it cannot hold spot collections: create the fabric with a spot region (spotDc)");

    /// <summary>Runs <paramref name="work"/> in a read transaction of the region that must serve it.</summary>
    public static Task<T> ReadAsync<T>(IncomingRequest request, FabricInfo fabric, bool spot, Func<FabricTransaction, T> work) =>
        RunAsync(request, fabric, spot, home =>
            home.Store.Read(reader => work(new FabricTransaction(request.Cluster, fabric, home, reader, request.Principal))));

    /// <summary>Runs <paramref name="work"/> in a write transaction: all of it commits or none of it.</summary>
    public static Task<T> WriteAsync<T>(IncomingRequest request, FabricInfo fabric, bool spot, Func<FabricTransaction, T> work) =>
        RunAsync(request, fabric, spot, home =>
            home.Store.Write(writer => work(new FabricTransaction(request.Cluster, fabric, home, writer, request.Principal))));

    /// <summary>
    /// Opens a read transaction in the region that must serve the request and leaves it open: a streaming
    /// cursor keeps reading that snapshot across requests. The caller disposes the session.
    /// </summary>
    public static Task<(Region Home, Storage.RegionStore.ReadSession Session, FabricTransaction Transaction)> OpenSnapshotAsync(
        IncomingRequest request, FabricInfo fabric, bool spot) =>
        RunAsync(request, fabric, spot, home =>
        {
            var session = home.Store.OpenReadSession();
            return (home, session, new FabricTransaction(request.Cluster, fabric, home, session.Reader, request.Principal));
        });

    private static async Task<T> RunAsync<T>(IncomingRequest request, FabricInfo fabric, bool spot, Func<Region, T> run)
    {
        var cluster = request.Cluster;
        var gate = spot ? cluster.SpotGate(fabric.Name) : null;
        var home = HomeRegion(cluster, fabric, request.Region, spot);
        var forwarded = home != request.Region;
        if (forwarded)
        {
            await CrossLinkAsync(request, home).ConfigureAwait(false);
        }
        T result;
        gate?.EnterReadLock();
        try
        {
            // The spot region may have moved while we waited for the gate.
            if (spot && (cluster.Catalog.FindFabric(fabric.Name)?.SpotRegion ?? "") != home.Name)
            {
                home = HomeRegion(cluster, cluster.Catalog.FindFabric(fabric.Name) ?? throw C8Errors.DatabaseNotFound(fabric.Name), request.Region, spot);
            }
            result = run(home);
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
