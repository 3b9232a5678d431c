using System.Collections;
using System.Text.Json;
using PSC8.Client;
using PSC8.Client.Automation;
using PSC8.Client.Models;
using PSC8.Engine;
using PSC8.Json;
using PSC8.Module.Tests.Infrastructure;

namespace PSC8.Module.Tests.Live;

/// <summary>What the region, fabric, collection, access-level and completion cmdlets do, against C8 Local.</summary>
[Collection(C8LocalCollection.Name)]
public sealed class CatalogTests(C8LocalFixture c8)
{
    private static readonly DocumentJson Json = new(ReflectionShape.Instance);

    [Fact]
    public async Task Regions_are_listed_with_their_spot_flag_and_filtered_by_wildcard()
    {
        using var root = await c8.ConnectRootAsync();
        using var europe = await c8.ConnectRootAsync(c8.Host.UrlOf("eu-central"));

        var regions = await root.Regions.ListAllAsync();
        var found = NameFilter<C8Region>.Apply(regions, new[] { "EU*" }, r => r.Name);

        Assert.Equal(new[] { "us-west", "eu-central", "ap-south" }, regions.Select(r => r.Name));
        Assert.All(regions, r => Assert.True(r.IsSpotCapable));
        Assert.Equal("eu-central", Assert.Single(found.Matches).Name);
        Assert.Equal("eu-central", (await europe.Regions.GetLocalAsync()).Name);
    }

    [Fact]
    public async Task A_fabric_gets_the_spot_region_and_metadata_asked_for()
    {
        using var root = await c8.ConnectRootAsync();
        var name = C8LocalFixture.Unique("fab");
        var options = new C8FabricCreateOptions
        {
            SpotRegion = SpotRegionChoice.Resolve(SpotCreationType.SpotRegion, "eu-central"),
            Metadata = Json.ToObject(new Hashtable { ["owner"] = "ops" }),
        };
        options.Regions.Add("us-west");
        options.Regions.Add("eu-central");
        await root.Fabrics.CreateAsync(name, options);
        try
        {
            var fabric = await root.Fabrics.GetAsync(name);
            Assert.Equal("eu-central", fabric.SpotRegion);
            Assert.Equal(new[] { "us-west", "eu-central" }, fabric.Regions);
            Assert.Equal("ops", fabric.Metadata!.Value.GetProperty("owner").GetString());

            var listed = NameFilter<C8Fabric>.Apply(await root.Fabrics.ListAsync(), new[] { name.ToUpperInvariant() }, f => f.Name);
            Assert.Equal(name, Assert.Single(listed.Matches).Name);

            await root.Fabrics.UpdateMetadataAsync(name, Json.ToObject(new Hashtable { ["team"] = "db" }));
            var merged = (await root.Fabrics.GetAsync(name)).Metadata!.Value;
            Assert.Equal("ops", merged.GetProperty("owner").GetString());
            Assert.Equal("db", merged.GetProperty("team").GetString());
        }
        finally
        {
            await root.Fabrics.DeleteAsync(name);
        }

        Assert.False(await root.Fabrics.ExistsAsync(name));
    }

    [Fact]
    public async Task A_spot_collection_in_a_fabric_without_spot_region_is_an_invalid_argument()
    {
        using var root = await c8.ConnectRootAsync();
        var name = C8LocalFixture.Unique("nospot");
        await root.Fabrics.CreateAsync(name, new C8FabricCreateOptions { SpotRegion = SpotRegionChoice.Resolve(SpotCreationType.None, null) });
        try
        {
            Assert.False((await root.Fabrics.GetAsync(name)).HasSpotRegion);
            var ex = await Assert.ThrowsAsync<C8ApiException>(() => root.Collections.CreateAsync(name, "accounts", CollectionOptions.Create(true, false, false, false, null)));

            var info = C8ErrorInfo.From(ex);
            Assert.Equal(C8ErrorMapping.Categories.InvalidArgument, info.Category);
            Assert.False(info.Terminating);
        }
        finally
        {
            await root.Fabrics.DeleteAsync(name);
        }
    }

    [Fact]
    public async Task Collections_named_by_wildcard_can_be_counted_and_removed()
    {
        using var root = await c8.ConnectRootAsync();
        var prefix = C8LocalFixture.Unique("tmp");
        await root.Collections.CreateAsync(null, prefix + "_a", CollectionOptions.Create(true, false, false, false, null));
        await root.Collections.CreateAsync(null, prefix + "_b", CollectionOptions.Create(false, true, false, false, "padded"));
        await root.Collections.CreateAsync(null, "keep_" + prefix);
        await root.Documents.InsertAsync(null, prefix + "_a", Json.ToElement(new Hashtable { ["x"] = 1 }));

        // Get-C8Collection -Name tmp* | Remove-C8Collection -Force
        var matches = NameFilter<C8Collection>.Apply(await root.Collections.ListAsync(), new[] { prefix.ToUpperInvariant() + "*" }, c => c.Name).Matches;
        var counted = new List<C8Collection>();
        foreach (var match in matches)
        {
            counted.Add(await root.Collections.GetAsync(match.Fabric, match.Name, includeCount: true));
        }

        Assert.Equal(new[] { prefix + "_a", prefix + "_b" }, counted.Select(c => c.Name));
        Assert.Equal(new long?[] { 1, 0 }, counted.Select(c => c.Count));
        Assert.True(counted[0].IsSpot);
        Assert.True(counted[1].IsLocal);
        Assert.All(counted, c => Assert.Equal("_system", c.Fabric));

        foreach (var collection in counted)
        {
            await root.Collections.DeleteAsync(collection.Fabric, collection.Name);
        }

        var left = (await root.Collections.ListAsync()).Select(c => c.Name).ToArray();
        Assert.DoesNotContain(prefix + "_a", left);
        Assert.Contains("keep_" + prefix, left);
        await root.Collections.DeleteAsync(null, "keep_" + prefix);
    }

    [Fact]
    public async Task Missing_and_duplicate_names_get_stable_ids()
    {
        using var root = await c8.ConnectRootAsync();
        var name = C8LocalFixture.Unique("dup");
        await root.Collections.CreateAsync(null, name);
        try
        {
            var duplicate = C8ErrorInfo.From(await Assert.ThrowsAsync<C8ApiException>(() => root.Collections.CreateAsync(null, name)));
            var missing = C8ErrorInfo.From(await Assert.ThrowsAsync<C8ApiException>(() => root.Collections.GetAsync(null, name + "_missing")));
            var noFabric = C8ErrorInfo.From(await Assert.ThrowsAsync<C8ApiException>(() => root.Fabrics.DeleteAsync(name + "_missing")));

            Assert.Equal(("C8.DuplicateName", C8ErrorMapping.Categories.ResourceExists, false), (duplicate.ErrorId, duplicate.Category, duplicate.Terminating));
            Assert.Equal(("C8.CollectionNotFound", C8ErrorMapping.Categories.ObjectNotFound, false), (missing.ErrorId, missing.Category, missing.Terminating));
            Assert.Equal(("C8.FabricNotFound", C8ErrorMapping.Categories.ObjectNotFound), (noFabric.ErrorId, noFabric.Category));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, name);
        }
    }

    [Fact]
    public async Task Access_levels_of_a_key_are_granted_read_and_enforced()
    {
        using var root = await c8.ConnectRootAsync();
        var keyId = C8LocalFixture.Unique("key");
        var collection = C8LocalFixture.Unique("acl");
        var created = await root.ApiKeys.CreateAsync(keyId);
        await root.Collections.CreateAsync(null, collection);
        try
        {
            var subject = AccessLevels.Subject(keyId, null);
            using var keyed = await C8Connection.ConnectAsync(C8Connector.Options(c8.Host.GlobalUrl.ToString(), C8Credential.FromApiKey(created.GetSecureKey()), null, null));

            var denied = C8ErrorInfo.From(await Assert.ThrowsAsync<C8ApiException>(() => keyed.Collections.GetAsync(null, collection)));
            Assert.Equal(C8ErrorMapping.Categories.PermissionDenied, denied.Category);
            Assert.False(denied.Terminating);

            var granted = await AccessLevels.SetAsync(root, subject, "_system", null, "ro", CancellationToken.None);
            Assert.Equal(("ro", keyId, (string?)null), (granted.Level, granted.ApiKeyId, granted.User));
            Assert.Equal(collection, (await keyed.Collections.GetAsync(null, collection)).Name);

            await AccessLevels.SetAsync(root, subject, "_system", collection, "none", CancellationToken.None);
            var levels = await AccessLevels.GetAsync(root, subject, "_system", collection, CancellationToken.None);
            Assert.Equal("none", Assert.Single(levels).Level);
            Assert.Equal(collection, levels[0].Collection);

            var everywhere = await AccessLevels.GetAsync(root, subject, null, null, CancellationToken.None);
            Assert.Contains(everywhere, l => l.Fabric == "_system" && l.Level == "ro");
            Assert.Equal("C8.FabricMissing", (await Assert.ThrowsAsync<C8CommandException>(() => AccessLevels.GetAsync(root, subject, null, collection, CancellationToken.None))).ErrorId);
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
            await root.ApiKeys.DeleteAsync(keyId);
        }
    }

    [Fact]
    public async Task Completion_offers_names_from_the_connection_in_use()
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());
        var session = registry.Add(await c8.ConnectRootAsync(), makeDefault: true);
        var fabric = C8LocalFixture.Unique("cmpl");
        await session.Client.Fabrics.CreateAsync(fabric);
        await session.Client.Collections.CreateAsync(fabric, "orders");
        await session.Client.Collections.CreateAsync(fabric, "Other");
        try
        {
            Assert.Equal(new[] { fabric }, NameCompletion.Complete(session, CompletionKind.Fabric, null, fabric[..6]));
            Assert.Equal(new[] { "orders", "Other" }, NameCompletion.Complete(session, CompletionKind.Collection, fabric, "o"));
            Assert.Equal(new[] { "orders" }, NameCompletion.Complete(session, CompletionKind.Collection, fabric, "'or"));
            Assert.Equal(new[] { "eu-central" }, NameCompletion.Complete(session, CompletionKind.Region, null, "EU"));
            Assert.Empty(NameCompletion.Complete(session, CompletionKind.Collection, fabric + "_missing", ""));
        }
        finally
        {
            await session.Client.Fabrics.DeleteAsync(fabric);
            registry.Close(session);
        }

        Assert.Empty(NameCompletion.Complete(session, CompletionKind.Fabric, null, ""));
    }

    [Fact]
    public async Task Completion_against_a_stopped_server_offers_nothing_quickly()
    {
        var registry = C8SessionRegistry.For(Guid.NewGuid());
        C8Session session;
        await using (var host = await PSC8.Server.Hosting.C8LocalHost.StartAsync(PSC8.Server.Hosting.C8LocalOptions.ForTests("solo")))
        {
            var options = C8Connector.Options(host.GlobalUrl.ToString(), C8Connector.FromUserName(host.RootEmail, C8LocalFixture.Secure(host.RootPassword)), null, null);
            session = registry.Add(await C8Connection.ConnectAsync(options), makeDefault: true);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(NameCompletion.Complete(session, CompletionKind.Fabric, null, ""));
        Assert.True(watch.Elapsed < NameCompletion.Timeout + TimeSpan.FromSeconds(2), "completion took " + watch.Elapsed);
        registry.Close(session);
    }
}
