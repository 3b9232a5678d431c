namespace PSC8.Bench.Orchestration;

/// <summary>
/// One measured bulk insert: end-to-end rate and each side's CPU time per 100,000 documents — the client's over the
/// measured part and over its whole process life (start-up, JIT compilation and warm-up included).
/// </summary>
public sealed record BulkSample(string Mode, string Client, double DocsPerSecond, double ClientCpuPer100k, double ProcessCpuPer100k, double ServerCpuPer100k);

/// <summary>One full read of a collection through a cursor.</summary>
public sealed record ScanSample(string Mode, string Client, long Rows, double RowsPerSecond, double PeakRssBytes, double ClientCpuPer100k, double ServerCpuPer100k);

/// <summary>One phase of single-document round trips from a number of concurrent clients.</summary>
public sealed record PointSample(string Mode, int Clients, string Operation, double OpsPerSecond, double P50Ms, double P99Ms);

/// <summary>The same inserts and scan done in-process on C8 Local's storage.</summary>
public sealed record FloorSample(string Mode, double InsertsPerSecond, double RowsPerSecond, double StoredBytesPerDoc);

public sealed record Latency(double P50Ms, double P99Ms);

/// <summary>One collection kind under one fault setting, seen from a region that is not the spot region.</summary>
public sealed record SpotSample(string ReplicationDelay, string LinkLatency, string Kind, Latency Write, Latency Read, Latency Visible);

/// <summary>Everything measured in one run of the harness, for the table.</summary>
public sealed class BenchResults
{
    public List<BulkSample> Bulk { get; } = [];

    public List<ScanSample> Scans { get; } = [];

    public List<PointSample> Points { get; } = [];

    public List<FloorSample> Floors { get; } = [];

    public List<SpotSample> Spots { get; } = [];

    /// <summary>Average JSON size of the documents the clients send.</summary>
    public double DocumentBytes { get; set; }

    public List<double> LoadAverages { get; } = [];
}
