namespace PSC8.Bench.Orchestration;

/// <summary>
/// c8local in a process of its own, so its CPU time is measured apart from the clients'. Started on free ports;
/// ready once it prints its "C8 Local ready:" line with one NAME=URL per region. Stopped with SIGTERM.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "C8 Local ready: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private ServerProcess(Process process, IReadOnlyDictionary<string, Uri> regions)
    {
        _process = process;
        Regions = regions;
    }

    /// <summary>Region name → the URL it listens on (https://127.0.0.1:port).</summary>
    public IReadOnlyDictionary<string, Uri> Regions { get; }

    public TimeSpan CpuTime => ProcessUsage.CpuTime(_process.Id);

    /// <summary>The server's process id, for reading what it holds from /proc.</summary>
    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string c8localDll, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(c8localDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("c8local did not start.");
        var errors = OutputTail.Follow(process.StandardError);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                {
                    var regions = line[ReadyPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(pair => pair.Split('=', 2))
                        .ToDictionary(pair => pair[0], pair => new Uri(pair[1]), StringComparer.Ordinal);
                    OutputTail.Follow(process.StandardOutput);
                    return new ServerProcess(process, regions);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("c8local did not become ready:\n" + errors.Text);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets a durable server close its databases cleanly; Kill would not.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
