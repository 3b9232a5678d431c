namespace PSC8.Server.Application;

/// <summary>
/// Gives memory back to the machine after a burst. The GC keeps the memory a big query made it commit (a result
/// refused at the memory limit, a large sort) long after the objects are gone, so a shared C8 Local would stay at its
/// peak for good. One aggressive collection compacts the heap and decommits the rest: when the committed memory is
/// far beyond what the last collection kept, or when the server has gone quiet (no collection for a whole interval)
/// still holding much memory. Steady work never pays for it, and a quiet server pays once.
/// </summary>
internal sealed class MemoryTrimmer(TimeSpan interval) : BackgroundSweep(interval)
{
    /// <summary>Below this much committed memory nothing is worth a blocking collection.</summary>
    public const long WorthTrimming = 256L * 1024 * 1024;

    private long _indexAtLastTick = -1;
    private long _indexOfLastTrim = -1;

    public override int SweepOnce()
    {
        var info = GC.GetGCMemoryInfo();
        if (!ShouldTrim(info.Index, info.TotalCommittedBytes, info.HeapSizeBytes))
        {
            return 0;
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Trimmed(GC.GetGCMemoryInfo().Index);
        return 1;
    }

    /// <summary>Whether to trim, given the last collection's number, the memory committed then and the heap it kept.</summary>
    public bool ShouldTrim(long gcIndex, long committed, long heap)
    {
        var quiet = gcIndex == _indexAtLastTick && gcIndex != _indexOfLastTrim;
        _indexAtLastTick = gcIndex;
        return committed >= WorthTrimming && (committed - heap >= WorthTrimming || quiet);
    }

    /// <summary>Notes the collection that trimmed, so that the quiet after it is not mistaken for a new one.</summary>
    public void Trimmed(long gcIndex) => _indexOfLastTrim = _indexAtLastTick = gcIndex;
}
