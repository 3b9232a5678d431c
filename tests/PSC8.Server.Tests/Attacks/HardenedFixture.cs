namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// C8 Local with small limits, so each attack reaches them in a fraction of a second: queries stop after 5 s and
/// 32 MB (64 MB when they ask for more), a caller runs 4 queries and holds 8 cursors at once, and no cursor lives idle beyond 3 s.
/// </summary>
public sealed class HardenedFixture : C8HostFixture
{
    public const int QueriesPerCaller = 4;
    public const int CursorsPerCaller = 8;
    public static readonly TimeSpan MaxRuntime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan TtlCeiling = TimeSpan.FromSeconds(3);
    public const long MemoryLimit = 32L * 1024 * 1024;

    protected override C8LocalOptions CreateOptions() => C8LocalOptions.ForTests() with
    {
        QueryMaxRuntime = MaxRuntime,
        QueryMemoryLimit = MemoryLimit,
        QueryMemoryLimitCeiling = 2 * MemoryLimit,
        MaxConcurrentQueriesPerCaller = QueriesPerCaller,
        MaxCursorsPerCaller = CursorsPerCaller,
        CursorTtlCeiling = TtlCeiling,
    };

    /// <summary>A client for a fresh API key with rw on the fabric.</summary>
    internal RegionClient KeyClient(string fabric, string region = Dc.UsWest) =>
        Api(region).WithAuthorization("apikey " + AddApiKey((fabric, "", AccessLevel.ReadWrite)));
}
