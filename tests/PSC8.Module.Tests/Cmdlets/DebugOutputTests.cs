namespace PSC8.Module.Tests.Cmdlets;

/// <summary>-Debug shows each request and answer, and what the client chose to send, with every secret masked.</summary>
public sealed class DebugOutputTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void Debug_writes_each_request_and_answer_without_secrets()
    {
        ConnectRoot();

        var result = Run("Get-C8Region -Local -Debug").ShouldSucceed();

        var request = Assert.Single(result.Debug, d => d.StartsWith("> GET /datacenter/local", StringComparison.Ordinal));
        Assert.Contains("Authorization: bearer ***", request, StringComparison.Ordinal);
        Assert.Contains(result.Debug, d => d.StartsWith("< 200", StringComparison.Ordinal) && d.Contains("\"name\":\"us-west\"", StringComparison.Ordinal));
        // Without -Verbose the summary line goes to Debug too: PowerShell would ask before each verbose line.
        Assert.Contains(result.Debug, d => d.StartsWith("GET /datacenter/local -> 200", StringComparison.Ordinal));
        Assert.Empty(result.Verbose);
        Assert.All(result.Debug, d => Assert.DoesNotContain("eyJ", d, StringComparison.Ordinal));
        Assert.All(result.Debug, d => Assert.DoesNotContain(C8.Host.RootPassword, d, StringComparison.Ordinal));

        // -Debug on a compiled cmdlet would ask before each line; the trace goes out without asking.
        Assert.Empty(Shell.Host.Prompts);
    }

    [Fact]
    public void The_verbose_preference_shows_each_request_as_the_switch_does_and_the_switch_off_hides_it()
    {
        ConnectRoot();

        var preferred = Run("$VerbosePreference = 'Continue'; Get-C8Region -Local; $VerbosePreference = 'SilentlyContinue'").ShouldSucceed();
        // In a script's own scope the preference is a new variable holding the text, not the typed global one.
        var preferredLocally = Run("& { $VerbosePreference = 'Continue'; Get-C8Region -Local }").ShouldSucceed();
        var switchedOff = Run("$VerbosePreference = 'Continue'; Get-C8Region -Local -Verbose:$false; $VerbosePreference = 'SilentlyContinue'").ShouldSucceed();

        Assert.Contains(preferred.Verbose, v => v.StartsWith("GET /datacenter/local -> 200", StringComparison.Ordinal));
        Assert.Contains(preferredLocally.Verbose, v => v.StartsWith("GET /datacenter/local -> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(switchedOff.Verbose, v => v.StartsWith("GET /datacenter/local", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Debug_nothing_is_traced()
    {
        ConnectRoot();

        Assert.Empty(Run("Get-C8Region -Local").ShouldSucceed().Debug);
    }

    [Fact]
    public void Debug_says_when_an_insert_fell_back_to_the_published_API()
    {
        ConnectRoot();
        Shell.SetUnique("Collection", "debug");

        var result = Run("New-C8Collection $Collection | Out-Null; @{ _key = 'a' } | Add-C8Document $Collection; @{ _key = 'a' }, @{ _key = 'b' } | Add-C8Document $Collection -OverwriteMode Ignore -Debug").ShouldSucceed();

        Assert.Contains(result.Debug, d => d.Contains("inserted 1, skipped 1 existing", StringComparison.Ordinal));
    }
}
