using System.Collections;
using PSC8.Client;
using PSC8.Client.Models;
using PSC8.Engine;
using PSC8.Json;
using PSC8.Module.Tests.Infrastructure;

namespace PSC8.Module.Tests.Live;

/// <summary>
/// The documented spot-collection flow, step for step as examples/SpotCollections.ps1 runs it through the cmdlets,
/// twice in a row against the same server: the second run must find what the first left and still succeed.
/// </summary>
[Collection(C8LocalCollection.Name)]
public sealed class SpotCollectionsFlowTests(C8LocalFixture c8)
{
    private static readonly DocumentJson Json = new(ReflectionShape.Instance);

    [Fact]
    public async Task The_flow_runs_twice_in_a_row()
    {
        var fabric = C8LocalFixture.Unique("spot");
        var keyId = C8LocalFixture.Unique("demo");
        await RunAsync(fabric, keyId, cleanUp: false);
        await RunAsync(fabric, keyId, cleanUp: true);

        using var root = await c8.ConnectRootAsync();
        Assert.False(await root.Fabrics.ExistsAsync(fabric));
    }

    private async Task RunAsync(string fabricName, string keyId, bool cleanUp)
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());

        // 1. Connect as the administrator, who only creates the API key; the key then administers, as in the sample.
        var admin = registry.Add(await c8.ConnectRootAsync(), makeDefault: true);
        if (NameFilter<C8ApiKey>.Apply(await admin.Client.ApiKeys.ListAsync(), new[] { keyId }, k => k.KeyId).Matches.Count == 1)
        {
            await admin.Client.ApiKeys.DeleteAsync(keyId);
        }

        var key = new C8NewApiKey(await admin.Client.ApiKeys.CreateAsync(keyId));
        var subject = AccessLevels.Subject(keyId, null);
        await AccessLevels.SetAsync(admin.Client, subject, "_system", null, "rw", CancellationToken.None);
        var system = registry.Add(await C8Connection.ConnectAsync(KeyOptions(key, null)), makeDefault: true);

        // 1.5. Regions; the spot fabric unless it exists; rw for the key; the spot region is set.
        var regions = await system.Client.Regions.ListAllAsync();
        var spotRegion = regions.First(r => r.IsSpotCapable && !r.IsLocal).Name;
        if (NameFilter<C8Fabric>.Apply(await admin.Client.Fabrics.ListAsync(), new[] { fabricName }, f => f.Name).Matches.Count == 0)
        {
            var options = new C8FabricCreateOptions { SpotRegion = SpotRegionChoice.Resolve(null, spotRegion) };
            foreach (var region in regions)
            {
                options.Regions.Add(region.Name);
            }

            await system.Client.Fabrics.CreateAsync(fabricName, options);
        }

        await AccessLevels.SetAsync(system.Client, subject, fabricName, null, "rw", CancellationToken.None);
        var keyed = registry.Add(await C8Connection.ConnectAsync(KeyOptions(key, fabricName)), makeDefault: true);
        Assert.Equal(spotRegion, (await keyed.Client.Fabrics.GetAsync()).SpotRegion);

        // 2. The spot collection, created or verified.
        var existing = NameFilter<C8Collection>.Apply(await keyed.Client.Collections.ListAsync(), new[] { "accounts" }, c => c.Name).Matches;
        if (existing.Count == 0)
        {
            await keyed.Client.Collections.CreateAsync(null, "accounts", CollectionOptions.Create(true, false, false, false, null));
        }
        else
        {
            Assert.True(existing[0].IsSpot);
        }

        // 3. Insert without duplicates.
        var added = await DocumentTests.AddAsync(keyed.Client, "accounts", DocumentTests.Accounts, 500, C8OverwriteMode.Ignore);
        Assert.Equal(0, added.Batcher.ErrorCount);
        Assert.Equal(5, await keyed.Client.Collections.CountAsync(null, "accounts"));

        // 4. The saved query, unless it exists, then run it.
        if (NameFilter<C8QueryWorker>.Apply(await keyed.Client.QueryWorkers.ListAsync(), new[] { "read_query" }, w => w.Name).Matches.Count == 0)
        {
            await keyed.Client.QueryWorkers.SaveAsync(null, new C8QueryWorkerDefinition("read_query", "FOR account IN accounts RETURN account"));
        }

        var rows = await (await keyed.Client.QueryWorkers.ExecuteAsync(null, "read_query")).ToListAsync();
        Assert.Equal(5, rows.Count);

        // 5. The same rows through a connection to every other region.
        foreach (var region in c8.Host.Regions.Where(r => r.Name != keyed.Region))
        {
            var there = registry.Add(await keyed.Client.ConnectToAsync(region.Url.ToString()), makeDefault: false);
            Assert.Equal(region.Name, there.Region);
            var regional = await (await there.Client.QueryWorkers.ExecuteAsync(null, "read_query")).ToListAsync();
            Assert.Equal(rows.Select(r => r.GetProperty("firstname").GetString()).Order(), regional.Select(r => r.GetProperty("firstname").GetString()).Order());
        }

        // 6. Clean up: the data always; the query, collection, fabric and key on the last run.
        await keyed.Client.Collections.TruncateAsync(null, "accounts");
        if (cleanUp)
        {
            await keyed.Client.QueryWorkers.DeleteAsync(null, "read_query");
            await keyed.Client.Collections.DeleteAsync(null, "accounts");
            await system.Client.Fabrics.DeleteAsync(fabricName);
            await admin.Client.ApiKeys.DeleteAsync(keyId);
        }

        foreach (var session in registry.All)
        {
            registry.Close(session);
        }
    }

    private C8ConnectionOptions KeyOptions(C8NewApiKey key, string? fabric) =>
        C8Connector.Options(c8.Host.GlobalUrl.ToString(), C8Credential.FromApiKey(key.ApiKey), fabric, null);
}
