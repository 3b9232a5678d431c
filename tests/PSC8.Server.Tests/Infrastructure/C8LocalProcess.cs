namespace PSC8.Server.Tests.Infrastructure;

/// <summary>
/// The c8local console app run as a child process (dotnet c8local.dll …), for what only a real process can
/// show: SIGKILL and restart, exit codes. Ready when it prints "C8 Local ready: name=url …".
/// </summary>
public sealed class C8LocalProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "C8 Local ready:";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private C8LocalProcess(Process process, StringBuilder output, IReadOnlyDictionary<string, Uri> regions)
    {
        _process = process;
        _output = output;
        Regions = regions;
    }

    public IReadOnlyDictionary<string, Uri> Regions { get; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>c8local.dll: copied next to the test assembly by the project reference, else the server project's output.</summary>
    public static string DllPath { get; } = FindDll();

    public Uri UrlOf(string region) => Regions.TryGetValue(region, out var url) ? url : throw new ArgumentException($"No region '{region}' in: {Output}");

    public static async Task<C8LocalProcess> StartAsync(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = StartInfo(args), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new XunitException("c8local closed its output before it was ready."));
                return;
            }
            Append(output, e.Data);
            if (e.Data.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                ready.TrySetResult(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Append(output, e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var wait = timeout ?? TimeSpan.FromSeconds(60);
        if (await Task.WhenAny(ready.Task, Task.Delay(wait)) != ready.Task || ready.Task.IsFaulted)
        {
            KillQuietly(process);
            process.Dispose();
            string text;
            lock (output)
            {
                text = output.ToString();
            }
            throw new XunitException($"c8local did not get ready within {wait.TotalSeconds} s. Output:\n{text}");
        }
        var regions = ready.Task.Result[ReadyPrefix.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => new Uri(p[1].TrimEnd('/') + "/"), StringComparer.Ordinal);
        return new C8LocalProcess(process, output, regions);
    }

    /// <summary>Runs c8local to completion (for option errors and --help).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        using var process = new Process { StartInfo = StartInfo(args) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            throw new XunitException("c8local did not exit in time.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, exactly like kill -9.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            throw new XunitException("c8local did not die after SIGKILL.");
        }
    }

    public ValueTask DisposeAsync()
    {
        KillQuietly(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The password comes from the command line in these tests, never from the environment the tests run in.
        info.Environment.Remove("C8LOCAL_ROOT_PASSWORD");
        return info;
    }

    private static void Append(StringBuilder output, string line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(20));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static string FindDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "c8local.dll");
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "PSC8.Server", "bin");
            if (Directory.Exists(project))
            {
                var found = Directory.GetFiles(project, "c8local.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
                if (found is not null)
                {
                    return found;
                }
            }
        }
        throw new FileNotFoundException("c8local.dll was not found next to the tests or in src/PSC8.Server/bin.");
    }
}
