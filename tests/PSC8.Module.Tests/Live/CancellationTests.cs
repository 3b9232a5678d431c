using System.Diagnostics;
using PSC8.Client;
using PSC8.Engine;
using PSC8.Module.Tests.Infrastructure;
using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Live;

/// <summary>Ctrl+C (StopProcessing cancelling the invocation's bridge) ends the request in flight, not only the next one.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_the_bridge_abandons_a_slow_request_at_once()
    {
        // Requests on spot collections received outside the spot region are forwarded with this latency each way.
        var latency = TimeSpan.FromSeconds(5);
        await using var host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests() with { LinkLatency = latency });
        var credential = C8Connector.FromUserName(host.RootEmail, C8LocalFixture.Secure(host.RootPassword));
        using var root = await C8Connection.ConnectAsync(C8Connector.Options(host.GlobalUrl.ToString(), credential, null, null));
        var fabric = C8LocalFixture.Unique("slow");
        var options = new Client.Models.C8FabricCreateOptions { SpotRegion = Client.Models.C8SpotRegion.Named("eu-central") };
        options.Regions.Add("us-west");
        options.Regions.Add("eu-central");
        await root.Fabrics.CreateAsync(fabric, options);
        await root.Collections.CreateAsync(fabric, "accounts", CollectionOptions.Create(true, false, false, false, null));

        using var bridge = new AsyncBridge(_ => { });
        var stopper = Task.Run(async () =>
        {
            await Task.Delay(300);
            bridge.Cancel();
        });
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => bridge.Run(token => root.Collections.CountAsync(fabric, "accounts", token)));

        Assert.True(watch.Elapsed < latency, "the request ran on for " + watch.Elapsed);
        await stopper;
    }
}
