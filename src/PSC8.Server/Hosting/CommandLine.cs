using System.Net;

namespace PSC8.Server.Hosting;

/// <summary>Parses c8local's command line into <see cref="C8LocalOptions"/>; every mistake is a clear message.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: c8local [options]
          --regions a,b,c            region names (default us-west,eu-central,ap-south)
          --port N                   region i listens on N+i at 127.0.0.1 (default 8529; 0 = any free port)
          --region NAME=ADDRESS:PORT explicit binding for one region (repeatable; overrides --port)
          --tls-cert FILE.pem        serve HTTPS on every region (with --tls-key)
          --tls-key FILE.pem
          --domain DOMAIN            advertised hosts NAME.DOMAIN and api-NAME.DOMAIN (default c8.local)
          --data DIR                 durable storage folder (SQLite, one database per region)
          --in-memory                nothing kept after exit (default when --data is not given)
          --tenant NAME              tenant name (default local)
          --root-email EMAIL         (default root@c8.local)
          --root-password PASSWORD   or C8LOCAL_ROOT_PASSWORD; generated and printed when absent
          --replication-delay 150ms  delay before a write reaches the other regions (ms, s)
          --link-latency 20ms        one-way latency of a request forwarded to the spot region
          --spot-capable a,b         regions that may be spot regions (default: all)
          --region-location NAME=LAT,LON,CC[,COUNTRY[,CITY]]
                                     where a region says it is (repeatable; the default regions have places)
          --max-body-size 64MB       largest request body accepted
          --query-max-runtime 60s    a query's time limit when it asks for none (0 = none)
          --query-max-runtime-ceiling 10m  the longest maxRuntime a query may ask for
          --query-memory-limit 256MB a query's memory limit when it asks for none
          --query-memory-limit-ceiling 1GB the largest memoryLimit a query may ask for
          --max-queries-per-caller 32 queries one API key or user may run at once (429 beyond)
          --max-cursors-per-caller 64 cursors one API key or user may hold open (429 beyond)
          --cursor-ttl-ceiling 10m   the longest idle lifetime (ttl) a cursor may ask for
          --login-failures-per-user 5  failed logins for one user name within the window before 429
          --login-failures-per-address 20  failed logins from one client address within the window before 429
          --login-failure-window 60s how long a failed login counts (and so the longest wait it causes)
          --strict-api               or C8LOCAL_STRICT_API=1; answer 400 to anything GDN's published API does not
                                     define (parameters, body fields, path forms, routes); advertise no extension
          --stop-with-input          stop when standard input closes (how Start-C8Local's parent stops it)
          --help
        """;

    /// <summary>Stop when standard input reaches its end; the program handles it, the server options never see it.</summary>
    public const string StopWithInput = "--stop-with-input";

    public static C8LocalOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new C8LocalOptions();
        var regionNames = C8LocalOptions.DefaultRegionNames;
        var bindings = new Dictionary<string, RegionSpec>(StringComparer.Ordinal);
        string? data = null;
        var inMemory = false;
        var locatedRegions = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }
                return args[++i];
            }

            switch (arg)
            {
                case "--regions":
                    regionNames = SplitList(Value(), arg);
                    break;
                case "--port":
                    options = options with { Port = ParsePort(Value(), arg) };
                    break;
                case "--region":
                    var spec = ParseRegionBinding(Value());
                    bindings[spec.Name] = spec;
                    break;
                case "--tls-cert":
                    options = options with { TlsCertificatePath = Value() };
                    break;
                case "--tls-key":
                    options = options with { TlsKeyPath = Value() };
                    break;
                case "--domain":
                    options = options with { Domain = Value().Trim('.') };
                    break;
                case "--data":
                    data = Value();
                    break;
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--tenant":
                    options = options with { Tenant = RequireText(Value(), arg) };
                    break;
                case "--root-email":
                    options = options with { RootEmail = RequireText(Value(), arg) };
                    break;
                case "--root-password":
                    options = options with { RootPassword = RequireText(Value(), arg) };
                    break;
                case "--replication-delay":
                    options = options with { ReplicationDelay = ParseDuration(Value(), arg) };
                    break;
                case "--link-latency":
                    options = options with { LinkLatency = ParseDuration(Value(), arg) };
                    break;
                case "--spot-capable":
                    options = options with { SpotCapable = SplitList(Value(), arg) };
                    break;
                case "--region-location":
                    var (located, location) = RegionLocation.Parse(Value());
                    locatedRegions.Add(located);
                    options = options with { Locations = new Dictionary<string, RegionLocation>(options.Locations, StringComparer.Ordinal) { [located] = location } };
                    break;
                case "--max-body-size":
                    options = options with { MaxBodyBytes = ParseSize(Value(), arg) };
                    break;
                case "--query-max-runtime":
                    options = options with { QueryMaxRuntime = ParseDuration(Value(), arg) };
                    break;
                case "--query-max-runtime-ceiling":
                    options = options with { QueryMaxRuntimeCeiling = ParsePositiveDuration(Value(), arg) };
                    break;
                case "--query-memory-limit":
                    options = options with { QueryMemoryLimit = ParseSize(Value(), arg) };
                    break;
                case "--query-memory-limit-ceiling":
                    options = options with { QueryMemoryLimitCeiling = ParseSize(Value(), arg) };
                    break;
                case "--max-queries-per-caller":
                    options = options with { MaxConcurrentQueriesPerCaller = ParseCount(Value(), arg) };
                    break;
                case "--max-cursors-per-caller":
                    options = options with { MaxCursorsPerCaller = ParseCount(Value(), arg) };
                    break;
                case "--cursor-ttl-ceiling":
                    options = options with { CursorTtlCeiling = ParsePositiveDuration(Value(), arg) };
                    break;
                case "--login-failures-per-user":
                    options = options with { LoginFailuresPerUser = ParseCount(Value(), arg) };
                    break;
                case "--login-failures-per-address":
                    options = options with { LoginFailuresPerAddress = ParseCount(Value(), arg) };
                    break;
                case "--login-failure-window":
                    options = options with { LoginFailureWindow = ParsePositiveDuration(Value(), arg) };
                    break;
                case "--strict-api":
                    options = options with { StrictApi = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'. Run c8local --help for the list.");
            }
        }

        if (data is not null && inMemory)
        {
            throw new ArgumentException("--data and --in-memory exclude each other.");
        }
        if ((options.TlsCertificatePath is null) != (options.TlsKeyPath is null))
        {
            throw new ArgumentException("--tls-cert and --tls-key go together.");
        }

        // A binding for a region not listed with --regions adds it, so --region alone can define the set.
        var names = regionNames.Concat(bindings.Keys.Where(k => !regionNames.Contains(k))).ToList();
        if (bindings.Count > 0 && !args.Contains("--regions"))
        {
            names = bindings.Keys.ToList();
        }
        foreach (var name in names)
        {
            RegionNames.Validate(name);
        }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("Region names must be unique.");
        }
        foreach (var located in locatedRegions)
        {
            if (!names.Contains(located))
            {
                throw new ArgumentException($"--region-location names '{located}', which is not a region.");
            }
        }
        foreach (var capable in options.SpotCapable ?? [])
        {
            if (!names.Contains(capable))
            {
                throw new ArgumentException($"--spot-capable names '{capable}', which is not a region.");
            }
        }

        return options with
        {
            Regions = names.Select(n => bindings.TryGetValue(n, out var b) ? b : new RegionSpec(n)).ToArray(),
            DataDirectory = data,
            InMemory = data is null,
            RootPassword = options.RootPassword ?? environment("C8LOCAL_ROOT_PASSWORD"),
            // From the environment too, so every server a test run starts, however it starts it, can be made strict.
            StrictApi = options.StrictApi || environment("C8LOCAL_STRICT_API") == "1",
        };
    }

    /// <summary>The longest duration any option takes: beyond it a value is a typo, not a wish.</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    /// <summary>A duration such as 150ms, 2s or 10m (a bare number is milliseconds), from zero up to 30 days.</summary>
    public static TimeSpan ParseDuration(string text, string option = "duration")
    {
        var t = text.Trim().ToLowerInvariant();
        double factorMs = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal))
        {
            t = t[..^2];
        }
        else if (t.EndsWith('s'))
        {
            t = t[..^1];
            factorMs = 1000;
        }
        else if (t.EndsWith('m'))
        {
            t = t[..^1];
            factorMs = 60_000;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0 || double.IsInfinity(n))
        {
            throw new ArgumentException($"{option}: '{text}' is not a duration such as 150ms, 2s or 10m.");
        }
        var milliseconds = n * factorMs;
        if (milliseconds > MaxDuration.TotalMilliseconds)
        {
            throw new ArgumentException($"{option}: '{text}' is longer than {MaxDuration.TotalDays:0} days.");
        }
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static TimeSpan ParsePositiveDuration(string text, string option)
    {
        var duration = ParseDuration(text, option);
        return duration > TimeSpan.Zero ? duration : throw new ArgumentException($"{option}: '{text}' must be longer than zero.");
    }

    private static int ParseCount(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option}: '{text}' is not a positive whole number.");

    private static long ParseSize(string text, string option)
    {
        var t = text.Trim().ToUpperInvariant();
        long factor = 1;
        foreach (var (suffix, f) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                t = t[..^suffix.Length];
                factor = f;
                break;
            }
        }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > long.MaxValue / factor)
        {
            throw new ArgumentException($"{option}: '{text}' is not a size such as 64MB.");
        }
        return n * factor;
    }

    private static int ParsePort(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{option}: '{text}' is not a port number.");

    private static RegionSpec ParseRegionBinding(string text)
    {
        var eq = text.IndexOf('=');
        var colon = text.LastIndexOf(':');
        if (eq <= 0 || colon < eq)
        {
            throw new ArgumentException($"--region: '{text}' is not NAME=ADDRESS:PORT.");
        }
        var address = text[(eq + 1)..colon].Trim('[', ']');
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new ArgumentException($"--region: '{address}' is not an IP address.");
        }
        return new RegionSpec(text[..eq], ip, ParsePort(text[(colon + 1)..], "--region"));
    }

    private static string[] SplitList(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new ArgumentException($"{option} needs at least one name.");
    }

    private static string RequireText(string text, string option) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"{option} must not be empty.") : text;
}
