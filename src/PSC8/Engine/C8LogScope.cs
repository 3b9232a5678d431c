namespace PSC8.Engine;

/// <summary>
/// Routes a connection's log lines to the invocation that caused them. A connection is shared by every
/// cmdlet of a session (and may be used from several runspaces), so its log sink cannot be a fixed cmdlet:
/// the bridge that starts a call marks the call's async flow, and lines logged anywhere in that flow go to it.
/// </summary>
internal static class C8LogScope
{
    private static readonly AsyncLocal<AsyncBridge?> Current = new();

    /// <summary>The log callback given to every connection the module opens.</summary>
    public static void Write(string line) => Current.Value?.Post(line);

    /// <summary>The detail callback given to every connection the module opens (-Debug).</summary>
    public static void WriteDetail(string line) => Current.Value?.PostDetail(line);

    /// <summary>Whether the call being made writes its requests' lines anywhere, so none is built otherwise.</summary>
    public static bool WantsLines() => Current.Value?.WantsNotes ?? false;

    /// <summary>Whether the call being made wants the detail of its requests, so none is built otherwise.</summary>
    public static bool WantsDetail() => Current.Value?.WantsDetail ?? false;

    /// <summary>Marks the calls started until disposal as belonging to <paramref name="bridge"/>.</summary>
    public static IDisposable Enter(AsyncBridge bridge)
    {
        var previous = Current.Value;
        Current.Value = bridge;
        return new Exit(previous);
    }

    private sealed class Exit : IDisposable
    {
        private readonly AsyncBridge? _previous;

        public Exit(AsyncBridge? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
