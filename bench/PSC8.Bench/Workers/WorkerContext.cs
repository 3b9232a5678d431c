namespace PSC8.Bench.Workers;

/// <summary>
/// What every PSC8.Client worker shares: where and as whom to connect, and the protocol with the harness —
/// print READY once connected and warmed up, wait for GO (so the harness can sample the server's CPU at the
/// start of the measured part), then print one RESULT line of JSON.
/// </summary>
public sealed class WorkerContext
{
    private readonly string? _url;
    private readonly string? _user;
    private readonly string? _password;
    private readonly string? _collection;

    public WorkerContext(Arguments args)
    {
        Args = args;
        _url = args.Text("url");
        _user = args.Text("user");
        _password = args.Text("password");
        _collection = args.Text("collection");
        Fabric = args.Text("fabric") ?? "_system";
    }

    public Arguments Args { get; }

    public string Fabric { get; }

    public string Collection => _collection ?? throw new ArgumentException("--collection is required.");

    public Task<C8Connection> ConnectAsync(string? url = null)
    {
        var credential = C8Credential.FromPassword(_user ?? throw new ArgumentException("--user is required."), _password ?? throw new ArgumentException("--password is required."));
        return C8Connection.ConnectAsync(new C8ConnectionOptions(url ?? _url ?? throw new ArgumentException("--url is required."), credential)
        {
            DefaultFabric = Fabric,
            Timeout = TimeSpan.FromMinutes(2),
        });
    }

    public static async Task WaitForGoAsync()
    {
        Console.WriteLine("READY");
        var line = await Console.In.ReadLineAsync().ConfigureAwait(false);
        if (line != "GO")
        {
            throw new InvalidOperationException($"Expected GO from the harness, got '{line}'.");
        }
    }

    /// <summary>
    /// Writes the result with what every worker reports besides: its peak resident set, and the CPU time of the
    /// whole process so far (start-up, JIT compilation and warm-up included).
    /// </summary>
    public static void Report(JsonObject result)
    {
        using var self = Process.GetCurrentProcess();
        result["peakRssBytes"] = self.PeakWorkingSet64;
        result["processCpuSeconds"] = self.TotalProcessorTime.TotalSeconds;
        Console.WriteLine("RESULT " + result.ToJsonString());
    }
}
