namespace PSC8.Bench.Orchestration;

/// <summary>A process's CPU time between two moments (the worker's GO and its RESULT).</summary>
public sealed class CpuWindow(Func<TimeSpan> read)
{
    private TimeSpan _opened;
    private TimeSpan _closed;

    public double Seconds => (_closed - _opened).TotalSeconds;

    public void Open() => _opened = read();

    public void Close() => _closed = read();
}
