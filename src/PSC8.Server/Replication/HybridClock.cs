namespace PSC8.Server.Replication;

/// <summary>
/// A hybrid logical clock: milliseconds in the high bits, a counter in the low 16. Every stamp it hands
/// out is larger than any it handed out or observed before, so a write made after seeing another
/// region's write always wins against it under last-writer-wins.
/// </summary>
internal sealed class HybridClock(long floor = 0)
{
    private long _last = floor;

    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var physical = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 16;
            var next = Math.Max(last + 1, physical);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }

    public void Observe(long stamp)
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            if (stamp <= last || Interlocked.CompareExchange(ref _last, stamp, last) == last)
            {
                return;
            }
        }
    }
}
