namespace PSC8.Bench.Measure;

/// <summary>
/// Another process's CPU time, read from /proc, so the harness can measure the server without the server's help
/// (a worker measures itself through <see cref="WorkMeter"/>), and how busy the machine is.
/// </summary>
public static class ProcessUsage
{
    private const double ClockTicksPerSecond = 100; // USER_HZ, 100 on every Linux the benchmark targets

    /// <summary>User plus system CPU time of the process so far (all its threads).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>The 1-minute load average, to show how busy the shared machine was.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
