using System.Globalization;

namespace PSC8.Bench.Measure;

/// <summary>
/// Another process's CPU time and peak resident set, read from /proc, so the harness can measure the server
/// without the server's help. A worker measures itself through <see cref="WorkMeter"/>.
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

    /// <summary>The peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>The 1-minute load average, to show how busy the shared machine was.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
