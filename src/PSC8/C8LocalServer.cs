using System.Collections.Specialized;
using PSC8.Local;

namespace PSC8;

/// <summary>
/// A C8 Local that Start-C8Local started: its regions' URLs, the first of which is the global endpoint (Url), and the
/// root credential. Url and Credential bind by property name, so <c>Start-C8Local | Connect-C8</c> connects as root;
/// Stop-C8Local stops it.
/// </summary>
public sealed class C8LocalServer
{
    internal C8LocalServer(C8LocalProcess process, OrderedDictionary regions, PSCredential credential, string path, string? dataPath)
    {
        Process = process;
        Regions = regions;
        Url = regions.Count > 0 ? (string)regions[0]! : string.Empty;
        Credential = credential;
        Path = path;
        DataPath = dataPath;
    }

    /// <summary>Region name to URL, in the server's order.</summary>
    public OrderedDictionary Regions { get; }

    /// <summary>The global endpoint (the first region's URL).</summary>
    public string Url { get; }

    /// <summary>The root user's email and password.</summary>
    public PSCredential Credential { get; }

    public int ProcessId => Process.Id;

    /// <summary>Whether the server has stopped.</summary>
    public bool HasExited => Process.HasExited;

    /// <summary>The process's exit code once it has stopped (0 after a clean stop); null while it runs.</summary>
    public int? ExitCode => Process.ExitCode;

    /// <summary>The c8local that runs.</summary>
    public string Path { get; }

    /// <summary>The folder it keeps its data in; null when it keeps nothing.</summary>
    public string? DataPath { get; }

    internal C8LocalProcess Process { get; }

    public override string ToString() =>
        "C8 Local (process " + ProcessId + "): " + string.Join(" ", Regions.Keys.Cast<string>().Select(name => name + "=" + Regions[name]));
}
