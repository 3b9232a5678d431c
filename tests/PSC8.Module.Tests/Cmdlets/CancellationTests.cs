using System.Diagnostics;
using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Ctrl+C stops a cmdlet while its request is in flight: StopProcessing cancels the request rather than waiting for
/// its answer. A C8 Local whose spot requests are forwarded with a long link latency makes the request slow.
/// </summary>
// Its own server, but in the cmdlet tests' collection so that it runs alone, as they do (see ModuleServersCollection).
[Collection(ModuleServersCollection.Name)]
public sealed class CancellationTests : IAsyncLifetime
{
    // One way; a forwarded request takes twice this.
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(5);

    private readonly PowerShellSession _shell = new();
    private C8LocalHost? _host;

    public async Task InitializeAsync()
    {
        _host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests() with { LinkLatency = Latency });
        var credential = C8Credential.FromPassword(_host.RootEmail, _host.RootPassword);
        using (var root = await C8Connection.ConnectAsync(_host.GlobalUrl.ToString(), credential))
        {
            // Served from us-west, spot region eu-central: every request on the spot collection crosses the slow link.
            var options = new C8FabricCreateOptions { SpotRegion = C8SpotRegion.Named("eu-central") };
            options.Regions.Add("us-west");
            options.Regions.Add("eu-central");
            await root.Fabrics.CreateAsync("slow", options);
            await root.Collections.CreateAsync("slow", "accounts", new C8CollectionCreateOptions { IsSpot = true });
        }

        _shell.Set("Url", _host.GlobalUrl.ToString())
            .Set("Credential", new PSCredential(_host.RootEmail, C8LocalFixture.Secure(_host.RootPassword)))
            .Run("Connect-C8 $Url -Credential $Credential -Fabric slow").ShouldSucceed();
    }

    public async Task DisposeAsync()
    {
        _shell.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Get-C8Collection accounts")]
    [InlineData("Invoke-C8Query 'FOR a IN accounts RETURN a'")]
    [InlineData("@{ _key = '1' } | Add-C8Document accounts")]
    public void Ctrl_C_stops_the_cmdlet_while_its_request_is_in_flight(string command)
    {
        var watch = Stopwatch.StartNew();
        using var running = _shell.Start(command);

        // Long enough for the request to be on its way, far shorter than its answer takes.
        Thread.Sleep(TimeSpan.FromMilliseconds(500));
        running.Stop();
        var result = running.Wait(Latency * 2);

        Assert.True(watch.Elapsed < Latency, "the command ran on for " + watch.Elapsed);
        Assert.IsType<PipelineStoppedException>(result.Thrown);
        Assert.Empty(result.Errors);
    }
}
