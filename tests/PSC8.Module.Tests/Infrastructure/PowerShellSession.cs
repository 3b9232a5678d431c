using System.Management.Automation.Runspaces;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// A real PowerShell runspace with the PSC8 module imported from its manifest, as a user's session has it: scripts
/// run through the parameter binder, the pipeline, ShouldProcess and the error streams exactly as in pwsh.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { RepositoryPaths.HostedManifest });
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
    }

    /// <summary>The host: it answers -Confirm prompts the test queued and records them.</summary>
    public ScriptedHost Host { get; } = new();

    /// <summary>Sets a variable the next scripts can use ($name).</summary>
    public PowerShellSession Set(string name, object? value)
    {
        _runspace.SessionStateProxy.SetVariable(name, value);
        return this;
    }

    /// <summary>Sets $name to a fabric, collection or key name no other test uses, and returns that name.</summary>
    public string SetUnique(string name, string prefix)
    {
        var unique = C8LocalFixture.Unique(prefix);
        Set(name, unique);
        return unique;
    }

    /// <summary>A variable's value, unwrapped from its PSObject.</summary>
    public object? Get(string name) => _runspace.SessionStateProxy.GetVariable(name) is PSObject wrapped ? wrapped.BaseObject : _runspace.SessionStateProxy.GetVariable(name);

    /// <summary>Runs a script to its end; a terminating error is returned in the result, not thrown.</summary>
    public PowerShellResult Run(string script)
    {
        using var shell = Create(script);
        return PowerShellResult.Of(shell, () => shell.Invoke());
    }

    /// <summary>Starts a script in the background; the test stops it (Ctrl+C) or waits for it.</summary>
    public RunningScript Start(string script) => new(Create(script));

    public void Dispose() => _runspace.Dispose();

    private PowerShell Create(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        return shell;
    }
}

/// <summary>A script running in the background in a <see cref="PowerShellSession"/>.</summary>
public sealed class RunningScript : IDisposable
{
    private readonly PowerShell _shell;
    private readonly IAsyncResult _async;

    internal RunningScript(PowerShell shell)
    {
        _shell = shell;
        _async = shell.BeginInvoke();
    }

    /// <summary>What PowerShell does on Ctrl+C: stop the pipeline, which calls StopProcessing on the running cmdlet.</summary>
    public void Stop() => _shell.Stop();

    /// <summary>Waits for the end; a stopped or failed script gives its terminating error in the result.</summary>
    public PowerShellResult Wait(TimeSpan timeout)
    {
        if (!_async.AsyncWaitHandle.WaitOne(timeout))
        {
            throw new TimeoutException("The script still runs after " + timeout + ".");
        }

        return PowerShellResult.Of(_shell, () => _shell.EndInvoke(_async));
    }

    public void Dispose() => _shell.Dispose();
}
