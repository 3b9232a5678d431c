namespace PSC8.Bench.Measure;

/// <summary>Medians and percentiles over samples (nearest-rank, so every figure is one that was measured).</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);

    public static double Percentile(IReadOnlyCollection<double> samples, double percent)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Seconds per 100,000 items: the unit every CPU figure of the table is in.</summary>
    public static double Per100k(double seconds, double items) => seconds / items * 100_000;
}
