namespace PSC8.Bench.Measure;

/// <summary>Wall-clock and own-process CPU time of the measured part of a worker (connecting and warm-up excluded).</summary>
public sealed class WorkMeter
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public static WorkMeter Start() => new();

    public (double WallSeconds, double CpuSeconds) Stop()
    {
        _wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        return (_wall.Elapsed.TotalSeconds, cpu.TotalSeconds);
    }
}
