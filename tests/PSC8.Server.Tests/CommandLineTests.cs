using System.Net;

namespace PSC8.Server.Tests;

/// <summary>c8local's documented options, their defaults and their error messages; and the console app's exit codes.</summary>
public sealed class CommandLineTests
{
    private static C8LocalOptions Parse(params string[] args) => CommandLine.Parse(args, _ => null);

    [Fact]
    public void Defaults_are_three_in_memory_regions_from_port_8529()
    {
        var o = Parse();
        Assert.Equal(new[] { "us-west", "eu-central", "ap-south" }, o.Regions.Select(r => r.Name));
        Assert.All(o.Regions, r => Assert.Null(r.Address));
        Assert.All(o.Regions, r => Assert.Null(r.Port));
        Assert.Equal(8529, o.Port);
        Assert.Equal(IPAddress.Loopback, o.BindAddress);
        Assert.True(o.InMemory);
        Assert.Null(o.DataDirectory);
        Assert.Equal("c8.local", o.Domain);
        Assert.Equal("local", o.Tenant);
        Assert.Equal("root@c8.local", o.RootEmail);
        Assert.Null(o.RootPassword);
        Assert.Equal(TimeSpan.Zero, o.ReplicationDelay);
        Assert.Equal(TimeSpan.Zero, o.LinkLatency);
        Assert.Null(o.SpotCapable);
        Assert.Null(o.TlsCertificatePath);
        Assert.Null(o.TlsKeyPath);
        Assert.Equal(64L * 1024 * 1024, o.MaxBodyBytes);
        Assert.False(o.StrictApi);
    }

    [Fact]
    public void Strict_api_is_a_switch()
    {
        Assert.True(Parse("--strict-api").StrictApi);
        Assert.True(Parse("--port", "0", "--strict-api", "--in-memory").StrictApi);
    }

    [Fact]
    public void Every_option_maps_to_its_setting()
    {
        var o = Parse(
            "--regions", "north,south , east",
            "--port", "9100",
            "--tls-cert", "cert.pem",
            "--tls-key", "key.pem",
            "--domain", ".example.test.",
            "--data", "/var/lib/c8",
            "--tenant", "acme",
            "--root-email", "admin@acme.test",
            "--root-password", "s3cret",
            "--replication-delay", "150ms",
            "--link-latency", "2s",
            "--spot-capable", "south,east",
            "--max-body-size", "2MB");
        Assert.Equal(new[] { "north", "south", "east" }, o.Regions.Select(r => r.Name));
        Assert.Equal(9100, o.Port);
        Assert.Equal("cert.pem", o.TlsCertificatePath);
        Assert.Equal("key.pem", o.TlsKeyPath);
        Assert.Equal("example.test", o.Domain);
        Assert.Equal("/var/lib/c8", o.DataDirectory);
        Assert.False(o.InMemory);
        Assert.Equal("acme", o.Tenant);
        Assert.Equal("admin@acme.test", o.RootEmail);
        Assert.Equal("s3cret", o.RootPassword);
        Assert.Equal(TimeSpan.FromMilliseconds(150), o.ReplicationDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), o.LinkLatency);
        Assert.Equal(new[] { "south", "east" }, o.SpotCapable);
        Assert.Equal(2L * 1024 * 1024, o.MaxBodyBytes);

        Assert.True(Parse("--in-memory").InMemory);
        Assert.Equal(0, Parse("--port", "0").Port);
    }

    [Fact]
    public void The_login_throttle_has_defaults_and_options()
    {
        var defaults = Parse();
        Assert.Equal(5, defaults.LoginFailuresPerUser);
        Assert.Equal(20, defaults.LoginFailuresPerAddress);
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.LoginFailureWindow);

        var o = Parse("--login-failures-per-user", "3", "--login-failures-per-address", "40", "--login-failure-window", "5m");
        Assert.Equal(3, o.LoginFailuresPerUser);
        Assert.Equal(40, o.LoginFailuresPerAddress);
        Assert.Equal(TimeSpan.FromMinutes(5), o.LoginFailureWindow);
    }

    [Theory]
    [InlineData("150ms", 150)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("0.25s", 250)]
    [InlineData("0", 0)]
    [InlineData("0ms", 0)]
    [InlineData("250", 250)]
    [InlineData(" 20MS ", 20)]
    public void Durations_are_milliseconds_or_seconds(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), CommandLine.ParseDuration(text));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Parse("--replication-delay", text).ReplicationDelay);
    }

    [Theory]
    [InlineData("64MB", 64L << 20)]
    [InlineData("1KB", 1024L)]
    [InlineData("10kb", 10240L)]
    [InlineData("2GB", 2L << 30)]
    [InlineData("123", 123L)]
    [InlineData("5B", 5L)]
    public void Sizes_take_B_KB_MB_GB(string text, long bytes)
    {
        Assert.Equal(bytes, Parse("--max-body-size", text).MaxBodyBytes);
    }

    [Fact]
    public void Region_bindings_set_addresses_and_ports()
    {
        var alone = Parse("--region", "a=127.0.0.2:9100", "--region", "b=[::1]:9101");
        Assert.Equal(new[] { "a", "b" }, alone.Regions.Select(r => r.Name));
        Assert.Equal(IPAddress.Parse("127.0.0.2"), alone.Regions[0].Address);
        Assert.Equal(9100, alone.Regions[0].Port);
        Assert.Equal(IPAddress.IPv6Loopback, alone.Regions[1].Address);
        Assert.Equal(9101, alone.Regions[1].Port);

        var mixed = Parse("--regions", "x,b", "--region", "b=127.0.0.1:9200", "--region", "z=127.0.0.1:9201");
        Assert.Equal(new[] { "x", "b", "z" }, mixed.Regions.Select(r => r.Name));
        Assert.Null(mixed.Regions[0].Port);
        Assert.Equal(9200, mixed.Regions[1].Port);
        Assert.Equal(9201, mixed.Regions[2].Port);

        var repeated = Parse("--region", "a=127.0.0.1:1", "--region", "a=127.0.0.1:2");
        Assert.Equal(2, Assert.Single(repeated.Regions).Port);
    }

    [Fact]
    public void The_root_password_comes_from_the_option_or_else_the_environment()
    {
        var environment = new Dictionary<string, string> { ["C8LOCAL_ROOT_PASSWORD"] = "from-env" };
        Assert.Equal("from-env", CommandLine.Parse([], n => environment.GetValueOrDefault(n)).RootPassword);
        Assert.Equal("from-arg", CommandLine.Parse(["--root-password", "from-arg"], n => environment.GetValueOrDefault(n)).RootPassword);
    }

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["--bogus"], "Unknown option '--bogus'" },
        { ["us-west"], "Unknown option 'us-west'" },
        { ["--port"], "--port needs a value" },
        { ["--port", "abc"], "is not a port number" },
        { ["--port", "70000"], "is not a port number" },
        { ["--port", "-1"], "is not a port number" },
        { ["--data", "/tmp/x", "--in-memory"], "exclude each other" },
        { ["--tls-cert", "c.pem"], "go together" },
        { ["--tls-key", "k.pem"], "go together" },
        { ["--regions", "US-West"], "lower-case DNS label" },
        { ["--regions", "a_b"], "lower-case DNS label" },
        { ["--regions", "-a"], "lower-case DNS label" },
        { ["--regions", "a,a"], "must be unique" },
        { ["--regions", ","], "needs at least one name" },
        { ["--spot-capable", "mars"], "not a region" },
        { ["--regions", "a,b", "--spot-capable", "us-west"], "not a region" },
        { ["--replication-delay", "soon"], "is not a duration" },
        { ["--replication-delay", "-5ms"], "is not a duration" },
        { ["--link-latency", "1h"], "is not a duration" },
        { ["--max-body-size", "0"], "is not a size" },
        { ["--max-body-size", "big"], "is not a size" },
        { ["--max-body-size", "-1MB"], "is not a size" },
        { ["--max-body-size", "1.5MB"], "is not a size" },
        { ["--region", "a"], "is not NAME=ADDRESS:PORT" },
        { ["--region", "=127.0.0.1:80"], "is not NAME=ADDRESS:PORT" },
        { ["--region", "a=localhost:80"], "is not an IP address" },
        { ["--region", "a=127.0.0.1:99999"], "is not a port number" },
        { ["--region", "A=127.0.0.1:80"], "lower-case DNS label" },
        { ["--tenant", ""], "--tenant must not be empty" },
        { ["--root-email", " "], "--root-email must not be empty" },
        { ["--root-password", ""], "--root-password must not be empty" },
        { ["--login-failures-per-user", "0"], "is not a positive whole number" },
        { ["--login-failures-per-address", "many"], "is not a positive whole number" },
        { ["--login-failure-window", "0"], "must be longer than zero" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistakes_are_clear_errors(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(args));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Region_names_are_DNS_labels_of_at_most_63_characters()
    {
        RegionNames.Validate("a");
        RegionNames.Validate("eu-central-1");
        RegionNames.Validate(new string('a', 63));
        Assert.Throws<ArgumentException>(() => RegionNames.Validate(new string('a', 64)));
        Assert.Throws<ArgumentException>(() => RegionNames.Validate("a-"));
        Assert.Throws<ArgumentException>(() => RegionNames.Validate("a.b"));
        Assert.Throws<ArgumentException>(() => RegionNames.Validate(""));
    }

    [Fact]
    public async Task The_console_app_prints_usage_and_exits_2_on_a_bad_option()
    {
        var help = await C8LocalProcess.RunToExitAsync(["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage: c8local", help.Stdout);
        foreach (var option in new[] { "--regions", "--port", "--region", "--data", "--in-memory", "--root-password", "--replication-delay", "--link-latency", "--spot-capable", "--max-body-size" })
        {
            Assert.Contains(option, help.Stdout);
        }

        var bad = await C8LocalProcess.RunToExitAsync(["--port", "nope"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("c8local: --port: 'nope' is not a port number", bad.Stderr);
        Assert.DoesNotContain("C8 Local ready", bad.Stdout);
    }
}
