using System.Diagnostics;

namespace PSC8.Engine;

/// <summary>
/// Decides when long work (bulk inserts, many-page queries) reports progress: not before it has run a while, and
/// then at most a few times a second, so short calls stay silent and long ones do not drown in progress records.
/// Once anything was reported, <see cref="NeedsCompletion"/> says the progress bar must be closed.
/// </summary>
internal sealed class ProgressThrottle
{
    private readonly Func<TimeSpan> _elapsed;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _interval;
    private TimeSpan _last;

    public ProgressThrottle()
        : this(StartClock(), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(250))
    {
    }

    internal ProgressThrottle(Func<TimeSpan> elapsed, TimeSpan delay, TimeSpan interval)
    {
        _elapsed = elapsed;
        _delay = delay;
        _interval = interval;
    }

    public bool NeedsCompletion { get; private set; }

    /// <summary>Whether to report now; true at most once per interval, and only after the initial delay.</summary>
    public bool ShouldReport()
    {
        var now = _elapsed();
        if (now < _delay || (NeedsCompletion && now - _last < _interval))
        {
            return false;
        }

        _last = now;
        NeedsCompletion = true;
        return true;
    }

    private static Func<TimeSpan> StartClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    /// <summary>A percentage for a known total, or -1 (PowerShell's "unknown") when there is none.</summary>
    public static int Percent(long done, long? total)
    {
        if (total is not long t || t <= 0)
        {
            return -1;
        }

        return (int)Math.Max(0, Math.Min(100, done * 100 / t));
    }
}
