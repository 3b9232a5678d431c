using System.Text.RegularExpressions;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>What one script put on each of PowerShell's streams.</summary>
public sealed partial class PowerShellResult
{
    public List<PSObject> Output { get; } = new();

    /// <summary>Non-terminating errors (WriteError).</summary>
    public List<ErrorRecord> Errors { get; } = new();

    /// <summary>The error that stopped the script, if one did.</summary>
    public ErrorRecord? Terminating { get; set; }

    /// <summary>What the runspace threw when the script stopped (its ErrorRecord wraps the exception in another).</summary>
    public RuntimeException? Thrown { get; set; }

    public List<string> Verbose { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> Debug { get; } = new();

    public List<ProgressRecord> Progress { get; } = new();

    /// <summary>The requests the module logged to Verbose ("METHOD /path -> status in N ms"), as "METHOD /path".</summary>
    public IReadOnlyList<string> Requests =>
        Verbose.Select(line => RequestLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The base objects of the output.</summary>
    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>Fails unless the script ran without any error.</summary>
    public PowerShellResult ShouldSucceed()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            var all = (Terminating is null ? Errors : Errors.Append(Terminating)).Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message);
            throw new Xunit.Sdk.XunitException("The script failed:\n" + string.Join("\n", all));
        }

        return this;
    }

    /// <summary>
    /// What a run of <paramref name="shell"/> gave: the output <paramref name="invoke"/> returns, or the terminating
    /// error it throws, and then what the shell's streams hold.
    /// </summary>
    internal static PowerShellResult Of(PowerShell shell, Func<IEnumerable<PSObject>> invoke)
    {
        var result = new PowerShellResult();
        try
        {
            result.Output.AddRange(invoke());
        }
        catch (RuntimeException ex)
        {
            result.Thrown = ex;
            result.Terminating = ex.ErrorRecord;
        }

        result.Collect(shell.Streams);
        return result;
    }

    private void Collect(PSDataStreams streams)
    {
        Errors.AddRange(streams.Error);
        Verbose.AddRange(streams.Verbose.Select(v => v.Message));
        Warnings.AddRange(streams.Warning.Select(w => w.Message));
        Debug.AddRange(streams.Debug.Select(d => d.Message));
        Progress.AddRange(streams.Progress);
    }

    [GeneratedRegex(@"^((?:GET|POST|PUT|PATCH|DELETE|HEAD) /\S*) -> ")]
    private static partial Regex RequestLine();
}
