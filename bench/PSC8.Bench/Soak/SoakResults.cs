namespace PSC8.Bench.Soak;

/// <summary>Everything a soak run measured.</summary>
public sealed record SoakResults
{
    public required SoakSettings Settings { get; init; }

    public required DateTimeOffset Started { get; init; }

    /// <summary>The honest kinds alone (baseline) and beside the hostile load (soak).</summary>
    public required IReadOnlyList<RequestSummary> Baseline { get; init; }

    public required IReadOnlyList<RequestSummary> Honest { get; init; }

    public required IReadOnlyList<(LoadStream Stream, RequestSummary Summary)> Hostile { get; init; }

    public required ProcessFootprint Start { get; init; }

    public required ProcessFootprint EndOfLoad { get; init; }

    /// <summary>After <see cref="SoakSettings.Settle"/>: hoarded cursors expired, killed queries gone.</summary>
    public required ProcessFootprint End { get; init; }

    /// <summary>Open descriptors by kind at start, when the load stopped, and at the end.</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, int>> DescriptorKinds { get; init; }

    public required long PeakRssBytes { get; init; }

    public required int PeakOpenFiles { get; init; }

    public required IReadOnlyList<double> LoadAverages { get; init; }
}
