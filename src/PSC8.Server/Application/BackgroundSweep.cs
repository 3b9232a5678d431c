namespace PSC8.Server.Application;

/// <summary>
/// Work the server repeats in the background at a fixed interval (removing what expired). A pass that fails is
/// left to the next one; stopping waits for the pass under way.
/// </summary>
internal abstract class BackgroundSweep(TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>One pass; returns how many items it removed.</summary>
    public abstract int SweepOnce();

    /// <summary>
    /// The one region that removes a collection's expired items, as ordinary deletes that replication carries to the
    /// others: the spot region for a spot collection, the collection's own for a local one, else the fabric's first.
    /// </summary>
    protected static Region? SweepingRegion(C8Cluster cluster, CollectionInfo collection, FabricInfo fabric) =>
        collection.IsSpot ? cluster.FindRegion(fabric.SpotRegion)
        : collection.IsLocal ? cluster.FindRegion(collection.LocalRegion ?? "")
        : fabric.Regions.Select(cluster.FindRegion).FirstOrDefault(r => r is not null);

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                SweepOnce();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
