using PSC8.Server.Cursors;
using PSC8.Server.Replication;

namespace PSC8.Server.Cluster;

/// <summary>
/// One simulated region (data center) at run time: how it is advertised, and what it owns — its replica of the
/// data, the clock that stamps its writes, the cursors opened there and how far it has applied the other regions' logs.
/// </summary>
internal sealed class Region : IDisposable
{
    public Region(string name, int index, string domain, RegionStore store, CallerQuotas quotas)
    {
        Cursors = new CursorStore(quotas);
        Name = name;
        Index = index;
        Host = $"{name}.{domain}";
        ApiHost = $"api-{name}.{domain}";
        Store = store;
        Clock = new HybridClock(store.MaxStamp());
        Applied = new AppliedPositions(store.AppliedPositions());
    }

    public string Name { get; }

    /// <summary>Position in the region list; makes generated keys unique across regions.</summary>
    public int Index { get; }

    /// <summary>GDN's tags.url: the region's UI host.</summary>
    public string Host { get; }

    /// <summary>GDN's tags.api: the API host, "api-" + Host, which the official drivers require.</summary>
    public string ApiHost { get; }

    public Uri? Url { get; set; }

    public volatile bool SpotCapable;

    public RegionStore Store { get; }

    /// <summary>Stamps this region's writes; it starts above every stamp the store holds.</summary>
    public HybridClock Clock { get; }

    /// <summary>The cursors opened here: cursors live where they were opened.</summary>
    public CursorStore Cursors { get; }

    public AppliedPositions Applied { get; }

    public void Dispose()
    {
        Cursors.Dispose();
        Store.Dispose();
    }
}
