using System.Globalization;

namespace PSC8.Bench.Query;

/// <summary>
/// Command line: --sizes 100000,1000000 (documents per collection), --runs 5 (timed runs per scan; point lookups take
/// 200 times as many) and --suite all|queries|indexes (the query workloads, the persistent index measurements, or both).
/// </summary>
internal sealed record BenchOptions(IReadOnlyList<int> Sizes, int Runs, string Suite = "all")
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions([100_000, 1_000_000], 5);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--suite" when value is "all" or "queries" or "indexes" => options with { Suite = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --sizes N,N…, --runs N and --suite all|queries|indexes)"),
            };
            i++;
        }
        return options;
    }
}
