namespace PSC8.Server.Tests.Soak;

/// <summary>
/// Tests that load both cores for seconds (the soak) run alone, after the parallel ones, so that the time-bound
/// attack tests are never judged on a machine this suite itself saturates.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "runs alone";
}
