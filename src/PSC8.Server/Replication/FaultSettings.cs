namespace PSC8.Server.Replication;

/// <summary>
/// The knobs for demos and fault tests: how late writes reach other regions, how slow a forwarded
/// request is, and which regions are cut off. Changed at run time through the admin endpoint.
/// </summary>
internal sealed class FaultSettings
{
    private readonly object _lock = new();
    private HashSet<string> _isolated = new(StringComparer.Ordinal);

    public FaultSettings(TimeSpan replicationDelay, TimeSpan linkLatency)
    {
        ReplicationDelay = replicationDelay;
        LinkLatency = linkLatency;
    }

    public TimeSpan ReplicationDelay { get; set; }

    public TimeSpan LinkLatency { get; set; }

    /// <summary>Raised when anything changes, so the replicator re-plans at once.</summary>
    public event Action? Changed;

    public IReadOnlyCollection<string> Isolated
    {
        get
        {
            lock (_lock)
            {
                return _isolated.ToArray();
            }
        }
    }

    public bool IsIsolated(string region)
    {
        lock (_lock)
        {
            return _isolated.Contains(region);
        }
    }

    /// <summary>True when the two regions can talk: neither is cut off (a region can always reach itself).</summary>
    public bool CanReach(string from, string to) => from == to || (!IsIsolated(from) && !IsIsolated(to));

    public void SetIsolated(string region, bool isolated)
    {
        lock (_lock)
        {
            var next = new HashSet<string>(_isolated, StringComparer.Ordinal);
            if (isolated)
            {
                next.Add(region);
            }
            else
            {
                next.Remove(region);
            }
            _isolated = next;
        }
        Changed?.Invoke();
    }

    public void Update(TimeSpan? replicationDelay, TimeSpan? linkLatency)
    {
        if (replicationDelay is { } delay)
        {
            ReplicationDelay = delay;
        }
        if (linkLatency is { } latency)
        {
            LinkLatency = latency;
        }
        Changed?.Invoke();
    }
}
