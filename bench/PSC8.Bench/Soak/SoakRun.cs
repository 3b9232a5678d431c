using PSC8.Bench.Orchestration;

namespace PSC8.Bench.Soak;

/// <summary>
/// The <c>soak</c> command: starts c8local, runs the honest load alone for the baseline, then honest and hostile
/// load together for the duration, stops it, waits for the server to settle and prints the table on stdout.
/// </summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var settings = SoakSettings.Parse(args);
        // Enough threads up front that the harness's own pool never delays an honest request while hostile ones wait.
        ThreadPool.SetMinThreads(256, 256);
        var started = DateTimeOffset.UtcNow;
        var scratch = settings.InMemory ? null : Directory.CreateTempSubdirectory("psc8-soak-");
        try
        {
            await using var server = await SoakServer.StartAsync(settings, scratch is null ? null : Path.Combine(scratch.FullName, "data"));
            var honest = await HonestLoad.PrepareAsync(server, settings);
            var hostile = await HostileLoad.PrepareAsync(server, settings);
            var loads = new List<double> { ProcessUsage.LoadAverage() };
            await using var sampler = new FootprintSampler(server.ProcessId);
            var start = sampler.Sample();
            var descriptors = new List<IReadOnlyDictionary<string, int>> { ProcessFootprint.DescriptorKinds(server.ProcessId) };
            Progress.Line($"soak: c8local pid {server.ProcessId} at {server.Url}; baseline {settings.Baseline.TotalSeconds:0} s of honest load alone");
            var (baseline, _) = await RunPhaseAsync(honest, [], settings.Baseline);
            Progress.Line($"soak: {settings.Duration.TotalSeconds:0} s of honest and hostile load");
            var (soaked, attacks) = await RunPhaseAsync(honest, hostile, settings.Duration);
            var endOfLoad = sampler.Sample();
            descriptors.Add(ProcessFootprint.DescriptorKinds(server.ProcessId));
            loads.Add(ProcessUsage.LoadAverage());
            Progress.Line($"soak: load stopped; watching the server settle for {settings.Settle.TotalSeconds:0} s");
            await Task.Delay(settings.Settle);
            var end = sampler.Sample();
            descriptors.Add(ProcessFootprint.DescriptorKinds(server.ProcessId));
            var results = new SoakResults
            {
                Settings = settings,
                Started = started,
                Baseline = baseline,
                Honest = soaked,
                Hostile = hostile.Zip(attacks).ToList(),
                Start = start,
                EndOfLoad = endOfLoad,
                End = end,
                DescriptorKinds = descriptors,
                PeakRssBytes = sampler.PeakRssBytes,
                PeakOpenFiles = sampler.PeakOpenFiles,
                LoadAverages = loads,
            };
            var report = new SoakReport(results);
            Console.WriteLine(report.Render());
            if (settings.JsonPath is { } path)
            {
                await File.WriteAllTextAsync(path, report.ToJson().ToJsonString());
            }
            return 0;
        }
        finally
        {
            scratch?.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Runs every stream until the time is up. Honest requests in flight then are awaited and counted; hostile ones
    /// are abandoned (their callers disconnect, which the server must clean up after).
    /// </summary>
    private static async Task<(IReadOnlyList<RequestSummary> Honest, IReadOnlyList<RequestSummary> Hostile)> RunPhaseAsync(
        IReadOnlyList<LoadStream> honest, IReadOnlyList<LoadStream> hostile, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return ([], []);
        }
        using var stop = new CancellationTokenSource(duration);
        var honestLogs = honest.Select(s => new RequestLog(s.Kind)).ToList();
        var hostileLogs = hostile.Select(s => new RequestLog(s.Kind)).ToList();
        await Task.WhenAll(
            honest.Zip(honestLogs, (stream, log) => stream.RunAsync(log, stop.Token, cutInFlight: false))
                .Concat(hostile.Zip(hostileLogs, (stream, log) => stream.RunAsync(log, stop.Token, cutInFlight: true))));
        return (honestLogs.Select(l => l.Summarize()).ToList(), hostileLogs.Select(l => l.Summarize()).ToList());
    }
}
