namespace PSC8.Bench.Soak;

/// <summary>
/// What a soak run does. The server keeps c8local's defaults except the cursor ttl ceiling, which is lowered so that
/// the hoarded cursors expire within the run and the memory and descriptors they held can be seen coming back.
/// </summary>
public sealed record SoakSettings
{
    public required string C8LocalDll { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Honest load alone before the hostile load starts, reported as a phase of its own (not a warm-up: nothing is dropped).</summary>
    public TimeSpan Baseline { get; init; }

    public TimeSpan CursorTtlCeiling { get; init; }

    /// <summary>How long after the load stops the server is watched before its end figures are read.</summary>
    public TimeSpan Settle { get; init; }

    /// <summary>Pause between two requests of one honest kind.</summary>
    public TimeSpan HonestPause { get; init; }

    /// <summary>Sleeping queries each of the two sleeping callers keeps in flight (c8local's per-caller cap is 32).</summary>
    public int Sleepers { get; init; }

    /// <summary>Which attacks run (all by default), to see what each one costs on its own.</summary>
    public IReadOnlyList<string> Attacks { get; init; } = [];

    public bool InMemory { get; init; }

    /// <summary>Further c8local options, split on spaces (e.g. "--query-max-runtime 10s --max-cursors-per-caller 8").</summary>
    public IReadOnlyList<string> ServerOptions { get; init; } = [];

    public string? JsonPath { get; init; }

    public required string RerunCommand { get; init; }

    public static SoakSettings Parse(Arguments args)
    {
        var ttl = TimeSpan.FromSeconds(args.Double("cursor-ttl-ceiling", 30));
        var settings = new SoakSettings
        {
            C8LocalDll = args.Required("c8local"),
            Duration = TimeSpan.FromSeconds(args.Double("duration", 60)),
            Baseline = TimeSpan.FromSeconds(args.Double("baseline", 10)),
            CursorTtlCeiling = ttl,
            Settle = TimeSpan.FromSeconds(args.Double("settle", ttl.TotalSeconds + 5)),
            HonestPause = TimeSpan.FromMilliseconds(args.Double("honest-pause-ms", 10)),
            Sleepers = args.Int("sleepers", 34),
            Attacks = args.List("hostile", HostileLoad.Attacks),
            InMemory = args.Flag("in-memory"),
            ServerOptions = (args.Text("server") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            JsonPath = args.Text("json"),
            RerunCommand = args.Text("rerun") ?? "bench/soak.sh",
        };
        args.RejectUnknown();
        if (settings.Attacks.Except(HostileLoad.Attacks).Any())
        {
            throw new ArgumentException("--hostile takes a list of " + string.Join(',', HostileLoad.Attacks) + ".");
        }
        if (settings.Duration <= TimeSpan.Zero || ttl <= TimeSpan.Zero || settings.Sleepers < 1)
        {
            throw new ArgumentException("--duration, --cursor-ttl-ceiling and --sleepers must be above 0.");
        }
        return settings;
    }
}
