using static PSC8.Server.Tests.RestQL.RestqlWorkerTests;

namespace PSC8.Server.Tests.RestQL;

/// <summary>Executing query workers (API.md §8): bind parameters, the bare answer of writes, paging with fetch, and whose workers are whose.</summary>
public sealed class RestqlExecuteTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    internal static Task<HttpExchange> ExecuteAsync(RegionClient api, string fabric, string name, object? body = null) =>
        api.PostAsync(Restql(fabric, "execute/" + name), body ?? new { });

    /// <summary>An API key of root made through the key API, with read-write access to <paramref name="fabric"/>.</summary>
    private async Task<RegionClient> RootKeyAsync(string fabric)
    {
        var keyId = C8HostFixture.Unique("key");
        var created = (await Api.PostAsync("/_api/key", new { keyid = keyId })).ShouldBe(201);
        Assert.Equal($"{Fx.Host.Tenant}.root", created.Json.Str("user"));
        (await Api.PutAsync($"/_api/key/{keyId}/database/{fabric}", new { grant = "rw" })).ShouldBe(200);
        return Api.WithAuthorization("apikey " + created.Json.Str("key"));
    }

    [Fact]
    public async Task Stored_parameters_are_defaults_that_the_callers_bind_values_override()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "scaled", "FOR i IN 1..@n RETURN i * @m", new { n = 3, m = 10 })).ShouldBe(200);

        var defaults = (await ExecuteAsync(Api, fabric, "scaled")).ShouldBe(201);
        Assert.Equal("[10,20,30]", defaults.Object.Arr("result").ToJsonString());
        Assert.False(defaults.Json.Bool("hasMore"));
        Assert.False(defaults.Json.Bool("cached"));
        Assert.Equal(201, defaults.Json.Long("code"));
        Assert.True(defaults.Object.Obj("extra").Has("warnings"));

        var overridden = (await ExecuteAsync(Api, fabric, "scaled", new { bindVars = new { m = 2 } })).ShouldBe(201);
        Assert.Equal("[2,4,6]", overridden.Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task A_write_answers_a_bare_empty_result()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        (await SaveAsync(Api, fabric, "insertRecord", $"INSERT @doc INTO `{c}`", new { doc = new { } })).ShouldBe(200);

        var executed = (await ExecuteAsync(Api, fabric, "insertRecord", new { bindVars = new { doc = new { _key = "k", v = 1 } } })).ShouldBe(201);

        Assert.Equal("""{"result":[]}""", executed.Object.ToJsonString());
        Assert.Equal(1, (await Api.GetAsync(Paths.Document(fabric, c, "k"))).ShouldBe(200).Json.Long("v"));
    }

    [Fact]
    public async Task A_read_with_no_rows_answers_the_whole_cursor_shape()
    {
        // Issue 15 item 5; jsC8's 31-restql.ts saves "for coll in _collections return coll" and expects error false.
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        (await SaveAsync(Api, fabric, "none", $"FOR d IN `{c}` RETURN d", new { })).ShouldBe(200);

        var executed = (await ExecuteAsync(Api, fabric, "none")).ShouldBe(201).Object;

        Assert.Empty(executed.Arr("result"));
        Assert.False(executed.Bool("hasMore"));
        Assert.False(executed.Bool("cached"));
        Assert.False(executed.Bool("error"));
        Assert.Equal(201, executed.Long("code"));
        Assert.True(executed.Has("extra"));
    }

    [Fact]
    public async Task More_rows_than_the_batch_size_are_fetched_with_PUT_to_the_end()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "range", "FOR i IN 1..@n RETURN i", new { n = 7 })).ShouldBe(200);

        var first = (await ExecuteAsync(Api, fabric, "range", new { batchSize = 3 })).ShouldBe(201);
        Assert.True(first.Json.Bool("hasMore"));
        var id = first.Json.Str("id")!;
        var rows = first.Object.Arr("result").Select(r => r!.GetValue<long>()).ToList();
        var fetches = new List<HttpExchange>();
        var current = first;
        while (current.Json.Bool("hasMore") == true)
        {
            current = (await Api.PutAsync(Restql(fabric, "fetch/" + id))).ShouldBe(200);
            fetches.Add(current);
            rows.AddRange(current.Object.Arr("result").Select(r => r!.GetValue<long>()));
        }

        Assert.Equal(2, fetches.Count);
        Assert.Equal(id, fetches[0].Json.Str("id"));
        Assert.False(fetches[^1].Json.Has("id"));
        Assert.True(fetches[^1].Object.Has("extra"));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], rows);
        (await Api.PutAsync(Restql(fabric, "fetch/" + id))).ShouldFail(404, 1600);
    }

    [Fact]
    public async Task A_worker_saved_in_one_region_runs_in_every_region()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Fx.Api(Dc.UsWest), fabric, "hello", "RETURN 'hello'")).ShouldBe(200);

        foreach (var region in Dc.All)
        {
            var executed = (await ExecuteAsync(Fx.Api(region), fabric, "hello")).ShouldBe(201);
            Assert.Equal("""["hello"]""", executed.Object.Arr("result").ToJsonString());
        }
    }

    [Fact]
    public async Task An_unknown_worker_is_400_1502()
    {
        var fabric = await Fx.CreateFabricAsync();
        var error = (await ExecuteAsync(Api, fabric, "nope")).ShouldFail(400, 1502);
        Assert.Equal("query is empty", error.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task An_API_key_shares_the_workers_of_its_parent_user()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "byRoot", "RETURN 'root'")).ShouldBe(200);
        var key = await RootKeyAsync(fabric);

        var listed = (await key.GetAsync(Restql(fabric, "user"))).ShouldBe(200).Object.Arr("result");
        Assert.Equal("byRoot", Assert.Single(listed).Str("name"));
        Assert.Equal("""["root"]""", (await ExecuteAsync(key, fabric, "byRoot")).ShouldBe(201).Object.Arr("result").ToJsonString());

        var saved = (await SaveAsync(key, fabric, "byKey", "RETURN 'key'")).ShouldBe(200).Object.Obj("result");
        Assert.Equal($"{Fx.Host.Tenant}.root", saved.Str("userid"));
        Assert.Equal($"{Fx.Host.Tenant}.root.{Fx.Host.Tenant}.{fabric}.byKey", saved.Str("_key"));
        Assert.Equal("""["key"]""", (await ExecuteAsync(Api, fabric, "byKey")).ShouldBe(201).Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task Another_user_neither_sees_nor_runs_a_users_workers()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "mine", "RETURN 'root'")).ShouldBe(200);
        var other = Fx.WithToken((await Fx.AddUserAsync((fabric, "", AccessLevel.ReadWrite))).Token);

        Assert.Empty((await other.GetAsync(Restql(fabric, "user"))).ShouldBe(200).Object.Arr("result"));
        (await ExecuteAsync(other, fabric, "mine")).ShouldFail(400, 1502);
        (await other.PutAsync(Restql(fabric, "mine"), new { query = new { value = "RETURN 'hijacked'" } })).ShouldFail(400, 404);
        (await other.DeleteAsync(Restql(fabric, "mine"))).ShouldFail(404, 1228);

        // The same name is free for the other user, and each runs their own.
        (await SaveAsync(other, fabric, "mine", "RETURN 'other'")).ShouldBe(200);
        Assert.Equal("""["other"]""", (await ExecuteAsync(other, fabric, "mine")).ShouldBe(201).Object.Arr("result").ToJsonString());
        Assert.Equal("""["root"]""", (await ExecuteAsync(Api, fabric, "mine")).ShouldBe(201).Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task A_worker_belongs_to_its_fabric()
    {
        var fabric = await Fx.CreateFabricAsync();
        var elsewhere = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "here", "RETURN 1")).ShouldBe(200);

        Assert.Empty((await Api.GetAsync(Restql(elsewhere, "user"))).ShouldBe(200).Object.Arr("result"));
        (await ExecuteAsync(Api, elsewhere, "here")).ShouldFail(400, 1502);
    }

    [Fact]
    public async Task A_fetch_cursor_belongs_to_the_principal_that_executed()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "range", "FOR i IN 1..10 RETURN i")).ShouldBe(200);
        var key = await RootKeyAsync(fabric);

        var id = (await ExecuteAsync(key, fabric, "range", new { batchSize = 2 })).ShouldBe(201).Json.Str("id")!;

        (await Api.PutAsync(Restql(fabric, "fetch/" + id))).ShouldFail(404, 1600);
        (await key.PutAsync(Restql(fabric, "fetch/" + id))).ShouldBe(200);
    }
}
