using static PSC8.Server.Tests.RestQL.RestqlExecuteTests;
using static PSC8.Server.Tests.RestQL.RestqlWorkerTests;

namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row about RestQL workers: a key with rw on a fabric rewrote a worker of its user, root ran it, and the
/// query wrote with root's rights where the key may not write; read-only keys read the workers' stored parameters.
/// Workers are shared by a user and its keys (pyC8's recorded userid is the key's parent, API.md §8); the refusals are
/// GDN's forbidden, 403 with errorNum 11 (API.md §12).
/// </summary>
public sealed class RightsAttackTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private RegionClient Root => fx.Api();

    private RegionClient Key(params (string Fabric, string Collection, AccessLevel Level)[] grants) =>
        Root.WithAuthorization("apikey " + fx.AddApiKey(grants));

    private async Task<long> CountAsync(string fabric, string collection) =>
        (await Root.QueryAsync(fabric, $"RETURN LENGTH(`{collection}`)")).Rows[0]!.GetValue<long>();

    /// <summary>
    /// Root's run of the worker is refused (naming <paramref name="named"/>) and writes nothing into
    /// <paramref name="collection"/>; saved again by root, the same insert runs with root's rights and writes one document.
    /// </summary>
    private async Task RefusedUntilRootSavesAsync(string fabric, string worker, string insert, string collection, string named)
    {
        var refused = (await ExecuteAsync(Root, fabric, worker)).ShouldFail(403, 11);
        Assert.Contains(named, refused.Json.Str("errorMessage"));
        Assert.Equal(0, await CountAsync(fabric, collection));
        (await Root.PutAsync(Restql(fabric, worker), new { query = new { value = insert } })).ShouldBe(200);
        (await ExecuteAsync(Root, fabric, worker)).ShouldBe(201);
        Assert.Equal(1, await CountAsync(fabric, collection));
    }

    [Fact]
    public async Task A_worker_a_key_rewrote_does_not_write_with_roots_rights_when_root_runs_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var open = await fx.CreateCollectionAsync(fabric);
        var guarded = await fx.CreateCollectionAsync(fabric);
        var key = Key((fabric, "", AccessLevel.ReadWrite), (fabric, guarded, AccessLevel.ReadOnly));
        (await SaveAsync(Root, fabric, "report", $"FOR d IN `{open}` RETURN d")).ShouldBe(200);

        (await key.PutAsync(Restql(fabric, "report"), new { query = new { value = $"INSERT {{planted: true}} INTO `{guarded}`" } })).ShouldBe(200);
        await RefusedUntilRootSavesAsync(fabric, "report", $"INSERT {{planted: true}} INTO `{guarded}`", guarded, named: guarded);
    }

    [Fact]
    public async Task A_worker_runs_with_no_more_than_the_rights_of_whoever_executes_it()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        var secret = await fx.CreateCollectionAsync(fabric);
        (await Root.PostAsync(Paths.Documents(fabric, secret), new { _key = "s", pin = 1234 })).ShouldBe(202);
        (await SaveAsync(Root, fabric, "add", $"INSERT @doc INTO `{c}`", new { doc = new { a = 1 } })).ShouldBe(200);
        (await SaveAsync(Root, fabric, "peek", $"FOR s IN `{secret}` RETURN s.pin")).ShouldBe(200);

        var reader = Key((fabric, "", AccessLevel.ReadOnly));
        (await ExecuteAsync(reader, fabric, "add")).ShouldFail(403, 11);
        Assert.Equal(0, await CountAsync(fabric, c));

        var outsider = Key((fabric, "", AccessLevel.ReadWrite), (fabric, secret, AccessLevel.None));
        var denied = (await ExecuteAsync(outsider, fabric, "peek")).ShouldFail(403, 11);
        Assert.DoesNotContain("1234", denied.Body);
        (await ExecuteAsync(outsider, fabric, "add")).ShouldBe(201);
        Assert.Equal(1, await CountAsync(fabric, c));
    }

    [Fact]
    public async Task Changing_or_deleting_a_worker_needs_rw_on_its_fabric()
    {
        var fabric = await fx.CreateFabricAsync();
        (await SaveAsync(Root, fabric, "w", "RETURN 1")).ShouldBe(200);
        var reader = Key((fabric, "", AccessLevel.ReadOnly));

        (await reader.PutAsync(Restql(fabric, "w"), new { query = new { value = "RETURN 2" } })).ShouldFail(403, 11);
        (await reader.DeleteAsync(Restql(fabric, "w"))).ShouldFail(403, 11);
        (await reader.PostAsync(Restql(fabric), new { query = new { name = "x", value = "RETURN 3" } })).ShouldFail(403, 11);

        Assert.Equal("[1]", (await ExecuteAsync(Root, fabric, "w")).ShouldBe(201).Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task Stored_text_and_parameters_are_listed_only_for_callers_who_may_run_the_worker()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        var secret = await fx.CreateCollectionAsync(fabric);
        (await SaveAsync(Root, fabric, "add", $"INSERT @doc INTO `{c}`", new { doc = new { token = "s3cr3t" } })).ShouldBe(200);
        (await SaveAsync(Root, fabric, "peek", $"FOR s IN `{secret}` FILTER s.pin == @pin RETURN s", new { pin = 4321 })).ShouldBe(200);
        (await SaveAsync(Root, fabric, "count", $"RETURN LENGTH(`{c}`)")).ShouldBe(200);
        (await Root.PostAsync(Restql(fabric), new { query = new { name = "sqlPeek", value = $"SELECT * FROM {secret}", type = "sql" } })).ShouldBe(200);
        (await Root.PostAsync(Restql(fabric), new { query = new { name = "sqlCount", value = $"SELECT COUNT(*) FROM {c}", type = "sql" } })).ShouldBe(200);

        var reader = Key((fabric, "", AccessLevel.ReadOnly), (fabric, secret, AccessLevel.None));
        var listed = (await reader.GetAsync(Restql(fabric, "user"))).ShouldBe(200);

        Assert.Equal(["count", "sqlCount"], listed.Object.Arr("result").Select(w => w.Str("name")!).Order().ToList());
        Assert.DoesNotContain("s3cr3t", listed.Body);
        Assert.DoesNotContain("4321", listed.Body);
        var all = (await Root.GetAsync(Restql(fabric, "user"))).ShouldBe(200).Object.Arr("result");
        Assert.Equal(["add", "count", "peek", "sqlCount", "sqlPeek"], all.Select(w => w.Str("name")!).Order().ToList());
    }

    [Fact]
    public async Task A_worker_last_saved_by_a_removed_key_runs_only_once_saved_again()
    {
        var fabric = await fx.CreateFabricAsync();
        var c = await fx.CreateCollectionAsync(fabric);
        var secret = fx.AddApiKey((fabric, "", AccessLevel.ReadWrite));
        var keyId = secret.Split('.')[1];
        var key = Root.WithAuthorization("apikey " + secret);
        (await SaveAsync(key, fabric, "add", $"INSERT {{}} INTO `{c}`")).ShouldBe(200);
        (await Root.DeleteAsync("/_api/key/" + keyId)).ShouldBe(202);

        await RefusedUntilRootSavesAsync(fabric, "add", $"INSERT {{}} INTO `{c}`", c, named: keyId);
    }
}
