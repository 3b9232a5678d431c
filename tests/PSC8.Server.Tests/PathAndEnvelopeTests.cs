namespace PSC8.Server.Tests;

/// <summary>
/// Path forms (/_tenant/{t}, /_fabric/{f}, optional /_api or /_admin) and response envelopes. The universal
/// envelope rules are also checked on every response by <see cref="RegionClient"/>; these tests aim at them.
/// </summary>
public sealed class PathAndEnvelopeTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    [Fact]
    public async Task Every_path_form_reaches_the_same_collection()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        var id = (await fx.Api().GetAsync(Paths.Collection(fabric, name))).ShouldBe(200).Json.Str("id");
        foreach (var path in new[]
        {
            $"/_fabric/{fabric}/_api/collection/{name}",
            $"/_fabric/{fabric}/collection/{name}",
            $"/_fabric/{fabric}/_admin/collection/{name}",
            $"/_tenant/local/_fabric/{fabric}/_api/collection/{name}",
            $"/_tenant/local/_fabric/{fabric}/collection/{name}",
            $"/_fabric/{fabric}/_api/collection/{name}/",
        })
        {
            var r = (await fx.Api(Dc.EuCentral).GetAsync(path)).ShouldBe(200);
            Assert.Equal(id, r.Json.Str("id"));
        }
    }

    [Fact]
    public async Task Documents_work_on_jsC8_paths_without_api()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        var created = (await fx.Api().PostAsync($"/_fabric/{fabric}/document/{name}", new { _key = "k", v = 1 })).ShouldBe(202);
        var read = (await fx.Api().GetAsync($"/_tenant/local/_fabric/{fabric}/document/{name}/k")).ShouldBe(200);
        Assert.Equal(created.Json.Str("_rev"), read.Json.Str("_rev"));
        (await fx.Api().PatchAsync($"/_fabric/{fabric}/_admin/document/{name}/k", new { v = 2 })).ShouldBe(202);
        Assert.Equal(2, (await fx.Api().GetAsync(Paths.Document(fabric, name, "k"))).ShouldBe(200).Json.Long("v"));
        var cur = (await fx.Api().GetAsync($"/_fabric/{fabric}/database/current")).ShouldBe(200);
        Assert.Equal(fabric, cur.Result.Str("name"));
    }

    [Fact]
    public async Task Without_a_fabric_the_system_fabric_is_meant()
    {
        var name = await fx.CreateCollectionAsync("_system");
        foreach (var path in new[] { $"/_api/collection/{name}", $"/collection/{name}", $"/_tenant/local/_api/collection/{name}", $"/_admin/collection/{name}" })
        {
            Assert.Equal(name, (await fx.Api().GetAsync(path)).ShouldBe(200).Json.Str("name"));
        }
        Assert.Equal("_system", (await fx.Api().GetAsync("/_api/database/current")).ShouldBe(200).Result.Str("name"));
    }

    [Fact]
    public async Task Unscoped_routes_also_answer_under_a_fabric()
    {
        var fabric = await fx.CreateFabricAsync();
        Assert.Equal(3, (await fx.Api().GetAsync($"/_fabric/{fabric}/_api/datacenter/all")).ShouldBe(200).Array.Count);
        Assert.Equal(Dc.ApSouth, (await fx.Api(Dc.ApSouth).GetAsync("/_api/datacenter/local")).ShouldBe(200).Json.Str("name"));
    }

    [Fact]
    public async Task Another_tenant_is_not_served()
    {
        var r = (await fx.Api().GetAsync("/_tenant/someone-else/_fabric/_system/_api/collection")).ShouldBe(404);
        Assert.Contains("someone-else", r.Json.Str("errorMessage"));
    }

    [Fact]
    public async Task Errors_carry_the_whole_envelope_and_412_adds_the_current_identity()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        var rev = (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "k" })).ShouldBe(202).Json.Str("_rev");

        var errors = new[]
        {
            await fx.Api().GetAsync(Paths.Document(fabric, name, "nope")),
            await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "k" }),
            await fx.Api().GetAsync(Paths.Collection(fabric, "nope")),
            await fx.Api().GetAsync(Paths.Fabric("nope", "database/current")),
            await fx.Api().PostAsync(Paths.Databases, new { name = "1bad" }),
            await fx.Anonymous().GetAsync(Paths.Collections(fabric)),
            await fx.Api().SendAsync(HttpMethod.Options, "/datacenter/all", null),
            await fx.Api().PutAsync(Paths.Document(fabric, name, "k"), new { v = 1 }, m => m.Headers.TryAddWithoutValidation("If-Match", "\"_x\"")),
        };
        Assert.Equal(new[] { 404, 409, 404, 404, 400, 401, 405, 412 }, errors.Select(e => e.Status));
        foreach (var e in errors)
        {
            Assert.True(e.Json.Bool("error"));
            Assert.Equal(e.Status, e.Json.Long("code"));
            Assert.NotNull(e.Json.Long("errorNum"));
            Assert.False(string.IsNullOrEmpty(e.Json.Str("errorMessage")));
        }
        Assert.Equal(rev, errors[^1].Json.Str("_rev"));
        Assert.Equal("k", errors[^1].Json.Str("_key"));
        Assert.Equal($"{name}/k", errors[^1].Json.Str("_id"));
    }

    [Fact]
    public async Task Successes_have_error_false_and_code_but_never_errorNum()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        var successes = new[]
        {
            await fx.Api().GetAsync(Paths.Databases),
            await fx.Api().GetAsync(Paths.Fabric(fabric, "database/current")),
            await fx.Api().GetAsync(Paths.Collections(fabric)),
            await fx.Api().GetAsync(Paths.Collection(fabric, name)),
            await fx.Api().GetAsync(Paths.Collection(fabric, name, "count")),
            await fx.Api().PutAsync(Paths.Collection(fabric, name, "properties"), new { waitForSync = false }),
        };
        foreach (var s in successes)
        {
            Assert.Equal(200, s.Status);
            Assert.False(s.Json.Bool("error"));
            Assert.Equal(200, s.Json.Long("code"));
            Assert.False(s.Json.Has("errorNum"));
        }

        // Document answers are bare.
        var doc = (await fx.Api().PostAsync(Paths.Documents(fabric, name), new { _key = "k" })).ShouldBe(202);
        Assert.False(doc.Json.Has("error"));
        Assert.False(doc.Json.Has("code"));
        var read = (await fx.Api().GetAsync(Paths.Document(fabric, name, "k"))).ShouldBe(200);
        Assert.False(read.Json.Has("error"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Bodies_are_parsed_as_JSON_whatever_the_content_type(string? contentType)
    {
        var fabric = await fx.CreateFabricAsync();
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{C8HostFixture.Unique("col")}}"}""");
        var created = (await fx.Api().SendRawAsync(HttpMethod.Post, Paths.Collections(fabric), body, contentType)).ShouldBe(200);
        var name = created.Json.Str("name")!;
        (await fx.Api().SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, name), """{"_key":"k","v":"x"}"""u8.ToArray(), contentType)).ShouldBe(202);
        (await fx.Api().SendRawAsync(HttpMethod.Patch, Paths.Document(fabric, name, "k"), """{"w":1}"""u8.ToArray(), contentType)).ShouldBe(202);
        var doc = (await fx.Api().GetAsync(Paths.Document(fabric, name, "k"))).ShouldBe(200);
        Assert.Equal("x", doc.Json.Str("v"));
        Assert.Equal(1, doc.Json.Long("w"));
        (await fx.Anonymous().SendRawAsync(HttpMethod.Post, "/_open/auth", """{"email":"root@c8.local","password":"test-password"}"""u8.ToArray(), contentType)).ShouldBe(200);
    }

    [Fact]
    public async Task Whitespace_around_a_body_is_ignored()
    {
        var fabric = await fx.CreateFabricAsync();
        var name = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, name), "\r\n  {\"_key\":\"ws\"}  \n"u8.ToArray(), "application/json")).ShouldBe(202);
        (await fx.Api().GetAsync(Paths.Document(fabric, name, "ws"))).ShouldBe(200);
    }
}
