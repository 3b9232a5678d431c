using System.Globalization;

namespace PSC8.Server.Tests.Promise;

/// <summary>
/// How long and how hard the promise scenarios run. By default they are sized for the ordinary test run (a few
/// seconds of load each). <c>PSC8_SOAK_SECONDS=N</c> turns the same code into a soak of roughly N seconds of load
/// per scenario; <c>PSC8_PROMISE_SEED=S</c> replays the random choices (kill moments, transfers, op mix) of a run,
/// whose seed every summary prints.
/// </summary>
public sealed record PromiseBudget
{
    public const string SoakVariable = "PSC8_SOAK_SECONDS";
    public const string SeedVariable = "PSC8_PROMISE_SEED";

    public static PromiseBudget Current { get; } = FromEnvironment(Environment.GetEnvironmentVariable);

    public bool Soak { get; init; }

    /// <summary>How long the clients of a load phase run (bank runs, partition phases).</summary>
    public TimeSpan Load { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Recorded histories of one linearizability run; each stays small enough to check exhaustively.</summary>
    public int Episodes { get; init; } = 1;

    /// <summary>Length of one recorded history.</summary>
    public TimeSpan Episode { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>SIGKILLs in the crash scenario.</summary>
    public int Kills { get; init; } = 3;

    /// <summary>Cut-off-and-heal cycles in the partition scenario (each cuts an ordinary region, then the spot region).</summary>
    public int PartitionCycles { get; init; } = 1;

    /// <summary>How long each state of a partition cycle lasts (healthy, cut off, healed, …).</summary>
    public TimeSpan PartitionPhase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests sent through the connection-dropping proxy in the client scenario.</summary>
    public int ClientOperations { get; init; } = 240;

    public int Seed { get; init; } = Environment.TickCount & 0x7fffffff;

    /// <summary>A random source for one part of a scenario, derived from the run's seed so a run can be replayed.</summary>
    public Random Random(int salt) => new(unchecked(Seed * 31 + salt));

    public static PromiseBudget FromEnvironment(Func<string, string?> environment)
    {
        var budget = new PromiseBudget();
        if (ParseInt(environment(SeedVariable), SeedVariable) is { } seed)
        {
            budget = budget with { Seed = seed };
        }
        if (ParseInt(environment(SoakVariable), SoakVariable) is not { } seconds)
        {
            return budget;
        }
        if (seconds < 1)
        {
            throw new ArgumentException($"{SoakVariable} must be a positive number of seconds, not {seconds}.");
        }
        return budget with
        {
            Soak = true,
            Load = TimeSpan.FromSeconds(seconds),
            Episodes = Math.Max(1, seconds / 5),
            Episode = TimeSpan.FromSeconds(4),
            Kills = Math.Max(3, seconds / 4),
            PartitionCycles = Math.Max(1, seconds / 15),
            PartitionPhase = TimeSpan.FromSeconds(3),
            ClientOperations = Math.Max(240, seconds * 40),
        };
    }

    private static int? ParseInt(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"{name} must be an integer, not '{text}'.");
}
