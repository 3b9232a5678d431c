using System.Collections.Specialized;
using System.Diagnostics;
using PSC8.Client.Errors;

namespace PSC8.Local;

/// <summary>
/// A c8local child process: started with <c>--stop-with-input</c>, so closing its standard input stops it cleanly
/// (and it also stops when the PowerShell process that started it ends); ready once it prints
/// <c>C8 Local ready: name=url …</c>.
/// </summary>
internal sealed class C8LocalProcess : IDisposable
{
    private const string ReadyPrefix = "C8 Local ready: ";
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly TaskCompletionSource<OrderedDictionary> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _errors = new();

    private C8LocalProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// Starts c8local with <paramref name="arguments"/> and the root password in its environment (never on the command
    /// line, where other users of the machine could read it).
    /// </summary>
    public static C8LocalProcess Start(C8LocalExecutable executable, IEnumerable<string> arguments, string rootPassword)
    {
        var startInfo = new ProcessStartInfo(executable.FileName, ProcessArguments.Join(executable.LeadingArguments.Concat(arguments).Concat(new[] { "--stop-with-input" })))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.EnvironmentVariables["C8LOCAL_ROOT_PASSWORD"] = rootPassword;

        var local = new C8LocalProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        local._process.OutputDataReceived += (_, e) => local.OnOutput(e.Data);
        local._process.ErrorDataReceived += (_, e) => local.OnError(e.Data);
        local._process.Exited += (_, _) => local.OnExited();
        try
        {
            local._process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            local.Dispose();
            throw new C8CommandException("C8.C8LocalNotStarted", C8ErrorMapping.Categories.ResourceUnavailable, "C8 Local could not be started from " + executable.FileName + ": " + ex.Message, terminating: true);
        }

        local._process.BeginOutputReadLine();
        local._process.BeginErrorReadLine();
        return local;
    }

    /// <summary>The regions' names and URLs once every region accepts requests; fails when it exits or takes longer than <paramref name="timeout"/>.</summary>
    public async Task<OrderedDictionary> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (limit.Token.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(_ready.Task, cancelled.Task).ConfigureAwait(false) == _ready.Task)
            {
                return await _ready.Task.ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new C8CommandException("C8.C8LocalNotReady", C8ErrorMapping.Categories.OperationTimeout, "C8 Local did not report ready within " + timeout.TotalSeconds + " s." + ErrorTail(), terminating: true);
    }

    /// <summary>Stops it: its input is closed, which it answers by shutting down; killed when it does not end in time.</summary>
    public bool Stop(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        try
        {
            _process.StandardInput.Close();
        }
        catch (System.IO.IOException)
        {
            // The pipe is already broken: the process is ending by itself.
        }

        if (_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            return true;
        }

        _process.Kill();
        _process.WaitForExit();
        return false;
    }

    public void Dispose() => _process.Dispose();

    private void OnOutput(string? line)
    {
        if (line is null || !line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var regions = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in line.Substring(ReadyPrefix.Length).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                regions[pair.Substring(0, equals)] = pair.Substring(equals + 1);
            }
        }

        _ready.TrySetResult(regions);
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.Enqueue(line);
            if (_errors.Count > KeptErrorLines)
            {
                _errors.Dequeue();
            }
        }
    }

    private void OnExited()
    {
        // Let the output readers deliver the last lines before saying why it ended.
        _process.WaitForExit();
        _ready.TrySetException(new C8CommandException("C8.C8LocalNotStarted", C8ErrorMapping.Categories.ResourceUnavailable, "C8 Local exited with code " + _process.ExitCode + " before it was ready." + ErrorTail(), terminating: true));
    }

    private string ErrorTail()
    {
        lock (_errors)
        {
            return _errors.Count == 0 ? string.Empty : " It wrote: " + string.Join(" | ", _errors);
        }
    }
}
