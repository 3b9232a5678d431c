namespace PSC8.Server.Query;

/// <summary>Per-execution options from the cursor API's <c>options</c> object.</summary>
internal sealed record QueryOptions
{
    public bool FullCount { get; init; }
    public bool FailOnWarning { get; init; }
    public int MaxWarningCount { get; init; } = 10;
    /// <summary>Report how long each phase took (<see cref="QueryProfile"/>).</summary>
    public bool Profile { get; init; }
    /// <summary>The most memory (bytes, estimated) the query may hold in materialised rows; 0 means no limit.</summary>
    public long MemoryLimit { get; init; }
}

/// <summary>The statistics GDN reports in <c>extra.stats</c>; counted by the engine as it runs.</summary>
internal sealed class QueryStats
{
    public long WritesExecuted { get; set; }
    public long WritesIgnored { get; set; }
    public long ScannedFull { get; set; }
    public long ScannedIndex { get; set; }
    public long Filtered { get; set; }
    public long? FullCount { get; set; }
    public double ExecutionTime { get; set; }
}

internal sealed record QueryWarning(int Code, string Message);

/// <summary>A query being run: results are pulled lazily, so a cursor only computes what it sends.</summary>
internal interface IQueryExecution : IDisposable
{
    /// <summary>Moves to the next result; false at the end. Runtime errors surface here as C8Exception.</summary>
    bool MoveNext(out C8Value value);

    QueryStats Stats { get; }

    IReadOnlyList<QueryWarning> Warnings { get; }
}
