namespace PSC8.Bench.Soak;

/// <summary>Reads the server's resident memory and open descriptors every 250 ms for the whole run, to find the peak.</summary>
public sealed class FootprintSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakRss;
    private int _peakFiles;

    public FootprintSampler(int pid)
    {
        _pid = pid;
        Sample();
        _sampling = Task.Run(SampleUntilStoppedAsync);
    }

    public long PeakRssBytes => Interlocked.Read(ref _peakRss);

    public int PeakOpenFiles => Volatile.Read(ref _peakFiles);

    /// <summary>Reads the footprint now (and counts it towards the peak).</summary>
    public ProcessFootprint Sample()
    {
        var now = ProcessFootprint.Read(_pid);
        lock (_stop)
        {
            _peakRss = Math.Max(_peakRss, now.RssBytes);
            _peakFiles = Math.Max(_peakFiles, now.OpenFiles);
        }
        return now;
    }

    private async Task SampleUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
