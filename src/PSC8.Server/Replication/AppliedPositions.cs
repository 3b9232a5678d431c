namespace PSC8.Server.Replication;

/// <summary>
/// How far one region has applied each other region's replication log: the last sequence number applied per
/// origin. The region's store records the same positions in the transactions that apply the entries (so they
/// survive a crash); this copy is what the replicator reads while it runs.
/// </summary>
internal sealed class AppliedPositions(IReadOnlyDictionary<string, long> stored)
{
    private readonly ConcurrentDictionary<string, long> _byOrigin = new(stored, StringComparer.Ordinal);

    public long Of(string origin) => _byOrigin.GetValueOrDefault(origin);

    public void Advance(string origin, long seq) => _byOrigin[origin] = seq;
}
