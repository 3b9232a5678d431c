using PSC8.Client.Errors;

namespace PSC8.Engine;

/// <summary>
/// A failure the module itself detects (no connection, a bad document, a name that matched nothing), with the
/// same stable id and category scheme as <see cref="PSC8.Client.C8ApiException"/>.
/// </summary>
internal sealed class C8CommandException(string errorId, string category, string message, bool terminating = false) : Exception(message)
{
    public string ErrorId { get; } = errorId;

    /// <summary>The name of a PowerShell ErrorCategory member.</summary>
    public string Category { get; } = category;

    /// <summary>Whether the failure makes the whole call meaningless.</summary>
    public bool Terminating { get; } = terminating;

    public static C8CommandException NotConnected() => new(
        "C8.NotConnected",
        C8ErrorMapping.Categories.ConnectionError,
        "There is no C8 connection in this session. Run Connect-C8 first, or pass a connection with -Connection.",
        terminating: true);

    public static C8CommandException ConnectionClosed(string description) => new(
        "C8.ConnectionClosed",
        C8ErrorMapping.Categories.ConnectionError,
        "The connection " + description + " was closed by Disconnect-C8. Run Connect-C8 to open a new one.",
        terminating: true);

    public static C8CommandException InvalidDocument(string message) =>
        new("C8.InvalidDocument", C8ErrorMapping.Categories.InvalidArgument, message);

    public static C8CommandException InvalidArgument(string errorId, string message) =>
        new(errorId, C8ErrorMapping.Categories.InvalidArgument, message);

    public static C8CommandException NotFound(string errorId, string kind, string name) =>
        new(errorId, C8ErrorMapping.Categories.ObjectNotFound, "No " + kind + " named '" + name + "' was found.");
}
