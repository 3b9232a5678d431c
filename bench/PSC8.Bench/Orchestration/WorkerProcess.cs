namespace PSC8.Bench.Orchestration;

/// <summary>
/// Runs one client process (a PSC8.Client worker or a jsC8 script) through the READY / GO / RESULT protocol:
/// the harness samples the server when the worker is ready, lets it go, and samples again once it reports.
/// </summary>
public sealed class WorkerProcess
{
    private readonly ProcessStartInfo _start;

    private WorkerProcess(ProcessStartInfo start)
    {
        _start = start;
        _start.RedirectStandardInput = true;
        _start.RedirectStandardOutput = true;
        _start.RedirectStandardError = true;
        _start.UseShellExecute = false;
    }

    /// <summary>A PSC8.Bench worker command run by this very executable.</summary>
    public static WorkerProcess DotNet(string command, IReadOnlyDictionary<string, string> options)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        start.ArgumentList.Add(command);
        foreach (var (name, value) in options)
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(value);
        }
        return new WorkerProcess(start);
    }

    /// <summary>A script under bench/js run by node, configured through the environment as the script expects.</summary>
    public static WorkerProcess Node(string scriptFolder, string script, IEnumerable<string> nodeOptions, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = scriptFolder };
        foreach (var option in nodeOptions)
        {
            start.ArgumentList.Add(option);
        }
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return new WorkerProcess(start);
    }

    /// <summary>
    /// Runs the worker to its end within <paramref name="timeout"/>. <paramref name="onReady"/> runs just before GO,
    /// <paramref name="onResult"/> as soon as the RESULT line arrives (before the process exits).
    /// </summary>
    public async Task<JsonObject> RunAsync(TimeSpan timeout, Action? onReady = null, Action? onResult = null)
    {
        using var process = Process.Start(_start) ?? throw new InvalidOperationException($"{_start.FileName} did not start.");
        var errors = OutputTail.Follow(process.StandardError);
        using var deadline = new CancellationTokenSource(timeout);
        JsonObject? result = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line == "READY")
                {
                    onReady?.Invoke();
                    await process.StandardInput.WriteLineAsync("GO");
                    // Nothing more is sent; an open stdin could keep a node worker alive after its work.
                    process.StandardInput.Close();
                }
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    onResult?.Invoke();
                    result = JsonNode.Parse(line["RESULT ".Length..])!.AsObject();
                }
            }
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe()} did not finish within {timeout.TotalMinutes:0.#} min.{errors.Text}");
        }
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{Describe()} failed (exit code {process.ExitCode}).{errors.Text}");
        }
        return result;
    }

    private string Describe() => $"{_start.FileName} {string.Join(' ', _start.ArgumentList.Take(4))}";
}
