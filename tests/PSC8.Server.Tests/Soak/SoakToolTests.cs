namespace PSC8.Server.Tests.Soak;

/// <summary>
/// The soak tool (bench/soak.sh, <c>PSC8.Bench soak</c>) runs end to end, so it cannot rot: a few seconds of hostile
/// and honest load against a c8local process of its own, with limits small enough that every attack meets its
/// limit within them. Expected answers: 429/32 beyond a per-caller cap, 410/1500 for a query killed at its runtime
/// limit, 400/32 at the memory limit (the limits in README's reliability section, ArangoDB's numbers as in API.md
/// §12.2), 401/11 without valid credentials (API.md, POST /_open/auth: "forbidden", errorNum 11).
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class SoakToolTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_short_soak_answers_every_honest_request_and_meets_each_attack_with_its_limit()
    {
        var json = Path.Combine(Path.GetTempPath(), $"psc8-soak-test-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await RunSoakAsync(
                "--duration", "4", "--baseline", "1", "--cursor-ttl-ceiling", "2", "--settle", "3", "--sleepers", "5", "--in-memory",
                "--server", "--max-queries-per-caller 4 --max-cursors-per-caller 4 --query-memory-limit 16MB --query-max-runtime 2s",
                "--json", json);
            Assert.True(exit == 0, $"soak exited with {exit}:\n{output}");
            Assert.Contains("### Honest caller", output);
            var result = JsonNode.Parse(await File.ReadAllTextAsync(json))!;

            var honest = result["honest"]!.AsArray().Where(r => (string?)r!["phase"] == "soak").ToList();
            Assert.Equal(["point read", "single insert", "small query", "health check"], honest.Select(r => (string?)r!["kind"]));
            foreach (var row in honest)
            {
                Assert.True((int)row!["requests"]! > 0 && (int)row["failures"]! == 0, $"honest {row.ToJsonString()}");
            }

            var hostile = result["hostile"]!.AsArray().ToDictionary(r => (string)r!["kind"]!, r => r!["outcomes"]!.AsObject());
            AssertSeen(hostile, "RETURN SLEEP(30)", "429/32", "410/1500");
            AssertSeen(hostile, "FOR i IN 1..1e8 RETURN i (memory limit)", "400/32");
            AssertSeen(hostile, "streaming cursor, batchSize 1, ttl 86400, never read", "201", "429/32");
            AssertSeen(hostile, "number 1e400 in a document", "400/600");
            AssertSeen(hostile, "forged API key", "401/11");
            Assert.All(hostile["failed login (root, wrong password / unknown email)"], o => Assert.StartsWith("4", o.Key));

            var rss = result["server"]!["rssBytes"]!;
            Assert.True((long)rss["start"]! > 0 && (long)rss["peak"]! >= (long)rss["start"]!, rss.ToJsonString());
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static void AssertSeen(Dictionary<string, JsonObject> hostile, string kind, params string[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Assert.True(hostile[kind].ContainsKey(outcome), $"{kind}: expected {outcome} among {hostile[kind].ToJsonString()}");
        }
    }

    /// <summary>PSC8.Bench.dll, copied beside the tests by the project reference, run as its own process.</summary>
    private static async Task<(int Exit, string Output)> RunSoakAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "PSC8.Bench.dll"), "soak", "--c8local", C8LocalProcess.DllPath, .. args])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the soak did not end within {RunTimeout}:\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
