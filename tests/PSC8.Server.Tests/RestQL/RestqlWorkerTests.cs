namespace PSC8.Server.Tests.RestQL;

/// <summary>Query workers (API.md §8): save, duplicates, validation, import, list, update and delete.</summary>
public sealed class RestqlWorkerTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private string Tenant => Fx.Host.Tenant;

    internal static string Restql(string fabric, string? rest = null) => Paths.Fabric(fabric, rest is null ? "restql" : "restql/" + rest);

    internal static Task<HttpExchange> SaveAsync(RegionClient api, string fabric, string name, string value, object? parameter = null) =>
        api.PostAsync(Restql(fabric), new { query = new { name, value, parameter = parameter ?? new { } } });

    private async Task<IReadOnlyList<string>> NamesAsync(string fabric) =>
        (await Api.GetAsync(Restql(fabric, "user"))).ShouldBe(200).Object.Arr("result").Select(w => w.Str("name")!).ToList();

    [Fact]
    public async Task Saving_answers_the_worker_with_its_global_key_and_owner()
    {
        var fabric = await Fx.CreateFabricAsync();
        var saved = (await SaveAsync(Api, fabric, "insertRecord", "INSERT @doc INTO c", new { doc = new { a = 1 } })).ShouldBe(200);

        Assert.Equal(200, saved.Json.Long("code"));
        Assert.False(saved.Json.Bool("error"));
        var worker = saved.Object.Obj("result");
        Assert.Equal($"{Tenant}.root.{Tenant}.{fabric}.insertRecord", worker.Str("_key"));
        Assert.Equal($"{Tenant}.root", worker.Str("userid"));
        Assert.Equal(Tenant, worker.Str("tenant"));
        Assert.Equal($"{Tenant}.{fabric}", worker.Str("fabric"));
        Assert.Equal("insertRecord", worker.Str("name"));
        Assert.Equal("INSERT @doc INTO c", worker.Str("value"));
        Assert.Equal("c8ql", worker.Str("type"));
        Assert.Equal(1, worker.Obj("parameter").Obj("doc").Long("a"));
    }

    [Fact]
    public async Task A_name_is_saved_once_per_user_and_fabric()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "w", "RETURN 1")).ShouldBe(200);
        (await SaveAsync(Api, fabric, "w", "RETURN 2")).ShouldFail(409, 1207);

        var listed = Assert.Single((await Api.GetAsync(Restql(fabric, "user"))).ShouldBe(200).Object.Arr("result"));
        Assert.Equal("RETURN 1", listed.Str("value"));
    }

    [Theory]
    [InlineData("""{"query":{"name":"w"}}""")]
    [InlineData("""{"query":{"name":"w","value":5}}""")]
    [InlineData("""{"query":{"name":"w","value":""}}""")]
    public async Task A_missing_or_non_string_value_is_400_400(string body)
    {
        var fabric = await Fx.CreateFabricAsync();
        var error = (await Api.PostAsync(Restql(fabric), JsonNode.Parse(body))).ShouldFail(400, 400);
        Assert.Equal("query 'value' missing or is not a string.", error.Json.Str("errorMessage"));
        Assert.Empty(await NamesAsync(fabric));
    }

    [Fact]
    public async Task A_worker_whose_query_does_not_parse_is_not_saved()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "broken", "FOR x IN")).ShouldFail(400, 1501);
        Assert.Empty(await NamesAsync(fabric));
    }

    [Fact]
    public async Task Import_creates_every_worker()
    {
        var fabric = await Fx.CreateFabricAsync();
        var imported = (await Api.PostAsync(Restql(fabric, "import"), new
        {
            queries = new object[] { new { name = "a", value = "RETURN 1" }, new { name = "b", value = "RETURN @x", parameter = new { x = 2 } } },
        })).ShouldBe(200);

        Assert.Equal(2, imported.Object.Obj("result").Long("created"));
        Assert.Equal(0, imported.Object.Obj("result").Long("errors"));
        Assert.Equal(["a", "b"], (await NamesAsync(fabric)).Order());
    }

    [Fact]
    public async Task Import_is_all_or_nothing()
    {
        var fabric = await Fx.CreateFabricAsync();
        var error = (await Api.PostAsync(Restql(fabric, "import"), new
        {
            queries = new object[] { new { name = "good", value = "RETURN 1" }, new { name = "bad" } },
        })).ShouldFail(400, 10);

        Assert.StartsWith("query 'value' missing or is not a string in query: ", error.Json.Str("errorMessage"));
        Assert.Contains("bad", error.Json.Str("errorMessage"));
        Assert.Empty(await NamesAsync(fabric));
    }

    [Fact]
    public async Task The_list_holds_the_callers_workers_of_the_fabric()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "one", "RETURN 1")).ShouldBe(200);
        (await SaveAsync(Api, fabric, "two", "RETURN 2")).ShouldBe(200);

        var list = (await Api.GetAsync(Restql(fabric, "user"))).ShouldBe(200);
        Assert.Equal(200, list.Json.Long("code"));
        var workers = list.Object.Arr("result");
        Assert.Equal(["one", "two"], workers.Select(w => w.Str("name")!).Order());
        Assert.All(workers, w => Assert.Equal($"{Tenant}.root.{Tenant}.{fabric}.{w.Str("name")}", w.Str("_key")));
    }

    [Fact]
    public async Task Update_changes_the_query_but_not_the_name()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "w", "RETURN 1")).ShouldBe(200);

        var updated = (await Api.PutAsync(Restql(fabric, "w"), new { query = new { value = "RETURN @v", parameter = new { v = 7 } } })).ShouldBe(200);
        Assert.Equal($"{Tenant}.root.{Tenant}.{fabric}.w", updated.Object.Obj("result").Str("_key"));
        Assert.Equal("RETURN @v", updated.Object.Obj("result").Str("value"));

        var executed = (await Api.PostAsync(Restql(fabric, "execute/w"), new { })).ShouldBe(201);
        Assert.Equal("[7]", executed.Object.Arr("result").ToJsonString());
    }

    [Fact]
    public async Task Updating_an_unknown_worker_is_400_with_errorNum_404()
    {
        var fabric = await Fx.CreateFabricAsync();
        var error = (await Api.PutAsync(Restql(fabric, "nope"), new { query = new { value = "RETURN 1" } })).ShouldFail(400, 404);
        Assert.Equal("query not found.", error.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task Delete_answers_an_empty_result_and_the_worker_is_gone()
    {
        var fabric = await Fx.CreateFabricAsync();
        (await SaveAsync(Api, fabric, "w", "RETURN 1")).ShouldBe(200);

        var deleted = (await Api.DeleteAsync(Restql(fabric, "w"))).ShouldBe(200);
        Assert.Equal("""{"error":false,"code":200,"result":[]}""", deleted.Object.ToJsonString());

        Assert.Empty(await NamesAsync(fabric));
        (await Api.PostAsync(Restql(fabric, "execute/w"), new { })).ShouldFail(400, 1502);
        (await Api.DeleteAsync(Restql(fabric, "w"))).ShouldFail(404, 1228);
    }
}
