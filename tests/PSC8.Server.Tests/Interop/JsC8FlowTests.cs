using PSC8.TestSupport;

namespace PSC8.Server.Tests.Interop;

/// <summary>
/// The official jsC8 driver (from npm, unchanged) runs the documented spot-collection flow against C8 Local
/// over HTTPS, with the per-region api- hosts it insists on mapped to loopback.
/// </summary>
public sealed class JsC8FlowTests
{
    private static readonly string InteropFolder = Path.Combine(RepositoryRoot(), "tests", "interop");

    [Fact]
    public async Task DocumentedFlowRunsUnchanged()
    {
        var regions = C8LocalOptions.DefaultRegionNames;
        var steps = await RunAsync("jsc8-flow.cjs");
        JsonNode Step(string name) => steps.First(s => (string?)s["step"] == name);

        Assert.Equal(regions, Step("regions")["names"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal(regions[1], (string?)Step("fabric")["spotDc"]);
        Assert.True((bool)Step("collection")["isSpot"]!);
        Assert.Equal(5, (int)Step("insert")["count"]!);
        Assert.Equal(0, (int)Step("insert")["errors"]!);
        var reads = steps.Where(s => (string?)s["step"] == "read").ToList();
        Assert.Equal(regions.Count, reads.Count);
        Assert.All(reads, r => Assert.Equal(5, (int)r["count"]!));
        Assert.Equal(regions.Skip(1), reads.Skip(1).Select(r => (string)r["region"]!));
        var cursor = Step("cursor");
        Assert.Equal(5, (int)cursor["count"]!);
        Assert.Equal(5, (int)cursor["nextCount"]!);
        Assert.Equal([3, 4], cursor["nextResult"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(404, (int)cursor["goneStatus"]!);
        Assert.Equal(1600, (int)cursor["goneErrorNum"]!);
        var edge = Step("edge");
        Assert.Equal("links/e1", (string?)edge["id"]);
        Assert.Equal(["links"], edge["explainedCollections"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)edge["nodeCosts"]!);
        var attributes = Step("attributes");
        Assert.Equal("""{"team":"blue"}""", attributes["key"]!.ToJsonString());
        Assert.Equal(100015, (int)attributes["goneKeyErrorNum"]!);
        Assert.Equal("7", (string?)attributes["user"]!["desk"]);
        Assert.True((bool)Step("cleanup")["done"]!);
    }

    /// <summary>
    /// jsC8's key-value calls (src/keyValue.ts, as its src/test/34-keyvalue.ts uses them) and version(), each answer
    /// checked as that test checks it.
    /// </summary>
    [Fact]
    public async Task KeyValueAndVersionCallsRunUnchanged()
    {
        var steps = await RunAsync("jsc8-kv.cjs");
        JsonNode Step(string name) => steps.First(s => (string?)s["step"] == name);

        Assert.Equal("C8DB", (string?)Step("version")["server"]);
        Assert.Equal("supported", (string?)Step("version")["overwriteMode"]);
        Assert.Equal("kv_collection", (string?)Step("create")["name"]);
        Assert.Contains("kv_collection", Step("collections")["names"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(1, (int)Step("count")["count"]!);
        Assert.Equal(["kv"], Step("keys")["keys"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(123, (int)Step("value")["val"]!);
        Assert.Equal(123, (int)Step("values")["val"]!);
        Assert.Equal("""{"error":false,"code":200,"name":"kv_collection"}""", Step("truncate")["body"]!.ToJsonString());
        Assert.Equal(0, (int)Step("truncated")["count"]!);
        Assert.Equal("kv", (string?)Step("deleteOne")["key"]);
        Assert.Equal("kv", (string?)Step("deleteMany")["key"]);
        Assert.Equal(101000, (int)Step("dropped")["errorNum"]!);
    }

    /// <summary>
    /// Runs <paramref name="script"/> with the pinned driver against a three-region C8 Local over HTTPS, the api- hosts
    /// mapped to loopback; returns the JSON line each step printed.
    /// </summary>
    private static async Task<List<JsonNode>> RunAsync(string script)
    {
        EnsureDriverInstalled();
        var regions = C8LocalOptions.DefaultRegionNames;
        const string domain = "c8.local";
        using var certificate = new TestCertificate(regions.SelectMany(r => new[] { $"{r}.{domain}", $"api-{r}.{domain}" }));
        var options = C8LocalOptions.ForTests() with
        {
            Domain = domain,
            TlsCertificatePath = certificate.CertificatePath,
            TlsKeyPath = certificate.KeyPath,
        };
        await using var host = await C8LocalHost.StartAsync(options);

        var hostMap = new JsonObject();
        foreach (var region in host.Regions)
        {
            hostMap[$"api-{region.Name}.{domain}"] = $"{region.Url.Host}:{region.Url.Port}";
        }
        var run = await RunNodeAsync(script, new Dictionary<string, string>
        {
            ["C8_HOSTMAP"] = hostMap.ToJsonString(),
            ["NODE_EXTRA_CA_CERTS"] = certificate.CertificatePath,
            ["C8_URL"] = $"https://{regions[0]}.{domain}",
            ["C8_REGION_URLS"] = string.Join(',', regions.Skip(1).Select(r => $"https://{r}.{domain}")),
            ["C8_REGIONS"] = string.Join(',', regions),
            ["C8_SPOT_DC"] = regions[1],
            ["C8_EMAIL"] = host.RootEmail,
            ["C8_PASSWORD"] = host.RootPassword,
            ["C8_FABRIC"] = "spot",
        });

        Assert.True(run.ExitCode == 0, $"jsC8 {script} failed:\n{run.StandardError}\n{run.StandardOutput}");
        return run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunNodeAsync(string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", ["--require", "./hostmap.cjs", script])
        {
            WorkingDirectory = InteropFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Installs the pinned driver from the lock file on first use; a failure here fails the test.</summary>
    private static void EnsureDriverInstalled()
    {
        if (File.Exists(Path.Combine(InteropFolder, "node_modules", "jsc8", "package.json")))
        {
            return;
        }
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = InteropFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"npm ci failed in {InteropFolder}: {error}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PSC8.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("PSC8.sln not found above the test folder.");
    }
}
