using System.Net;

namespace PSC8.Server.Tests;

/// <summary>C8 Local with a small body limit, so oversized requests are cheap to send.</summary>
public sealed class SmallBodyLimitFixture : C8HostFixture
{
    public const long Limit = 64 * 1024;

    protected override C8LocalOptions CreateOptions() => C8LocalOptions.ForTests() with { MaxBodyBytes = Limit };
}

/// <summary>
/// Client mistakes: malformed JSON, wrong types, unknown names, oversized bodies, unsupported methods. Each is a
/// 4xx with GDN's envelope (never a 500), writes nothing, and leaves the server serving.
/// </summary>
public sealed class BadInputTests(SmallBodyLimitFixture fx) : HostTest<SmallBodyLimitFixture>(fx, Dc.EuCentral)
{
    private Task<HttpExchange> RawAsync(HttpMethod method, string path, string body, RegionClient? api = null) =>
        (api ?? Api).SendRawAsync(method, path, Encoding.UTF8.GetBytes(body), "application/json");

    private async Task<long> CountAsync(string f, string c) =>
        (await Api.GetAsync(Paths.Collection(f, c, "count"))).ShouldBe(200).Json.Long("count")!.Value;

    public static TheoryData<string> MalformedJson => new()
    {
        "{",
        "{\"a\":}",
        "[1,2",
        "{'a':1}",
        "{a:1}",
        "nul",
        "{\"a\":1} {\"b\":2}",
        "{\"a\":1,}",
        "{\"a\":\"unterminated}",
        "{\"a\":01}",
        "{\"a\":NaN}",
        new string('[', 300) + new string(']', 300),
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task Malformed_JSON_is_400_600_on_every_endpoint_that_reads_a_body(string body)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, name), new { _key = "k", v = 1 })).ShouldBe(202);

        (await RawAsync(HttpMethod.Post, "/_open/auth", body, Fx.Anonymous())).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Post, Paths.Databases, body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Put, Paths.Fabric(fabric, "database/metadata"), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Patch, Paths.Fabric(fabric, "database/metadata"), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Post, Paths.Collections(fabric), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Put, Paths.Collection(fabric, name, "properties"), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Post, Paths.Documents(fabric, name), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Put, Paths.Documents(fabric, name), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Delete, Paths.Documents(fabric, name), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Put, Paths.Document(fabric, name, "k"), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Patch, Paths.Document(fabric, name, "k"), body)).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Put, Paths.Faults, body)).ShouldFail(400, 600);

        Assert.Equal(1, await CountAsync(fabric, name));
        Assert.Equal(1, (await Api.GetAsync(Paths.Document(fabric, name, "k"))).ShouldBe(200).Json.Long("v"));
    }

    [Fact]
    public async Task Invalid_UTF8_is_400_600()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        var body = "{\"v\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("\"}"u8.ToArray()).ToArray();
        (await Api.SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, name), body, "application/json")).ShouldFail(400, 600);
        Assert.Equal(0, await CountAsync(fabric, name));
    }

    public static TheoryData<string> WrongFabricBodies => new()
    {
        """{"name":5}""",
        """{"name":null}""",
        """{}""",
        """[{"name":"x"}]""",
        """{"name":"NAME","options":"text"}""",
        """{"name":"NAME","options":{"dcList":5}}""",
        """{"name":"NAME","options":{"dcList":[1,2]}}""",
        """{"name":"NAME","options":{"dcList":{"a":1}}}""",
        """{"name":"NAME","options":{"spotDc":5}}""",
        """{"name":"NAME","options":{"spotDc":["us-west"]}}""",
        """{"name":"NAME","options":{"metadata":[1]}}""",
        """{"name":"NAME","options":{"metadata":"x"}}""",
    };

    [Theory]
    [MemberData(nameof(WrongFabricBodies))]
    public async Task Wrong_types_in_a_fabric_body_are_400_and_create_nothing(string template)
    {
        var name = C8HostFixture.Unique("fab");
        (await RawAsync(HttpMethod.Post, Paths.Databases, template.Replace("NAME", name))).ShouldBe(400);
        Assert.DoesNotContain(name, (await Api.GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings());
    }

    public static TheoryData<string> WrongCollectionBodies => new()
    {
        """{"name":5}""",
        """{}""",
        """[]""",
        """{"name":"NAME","type":"2"}""",
        """{"name":"NAME","type":2.5}""",
        """{"name":"NAME","isSpot":"yes"}""",
        """{"name":"NAME","strongConsistency":1}""",
        """{"name":"NAME","isLocal":"true"}""",
        """{"name":"NAME","waitForSync":0}""",
        """{"name":"NAME","stream":"x"}""",
        """{"name":"NAME","isSystem":"no"}""",
        """{"name":"NAME","keyOptions":"uuid"}""",
        """{"name":"NAME","keyOptions":{"type":5}}""",
        """{"name":"NAME","keyOptions":{"increment":"1"}}""",
        """{"name":"NAME","keyOptions":{"allowUserKeys":"no"}}""",
    };

    [Theory]
    [MemberData(nameof(WrongCollectionBodies))]
    public async Task Wrong_types_in_a_collection_body_are_400_and_create_nothing(string template)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = C8HostFixture.Unique("col");
        (await RawAsync(HttpMethod.Post, Paths.Collections(fabric), template.Replace("NAME", name))).ShouldBe(400);
        Assert.Empty((await Api.GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray());
    }

    [Fact]
    public async Task Wrong_types_elsewhere_are_400()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await RawAsync(HttpMethod.Post, "/_open/auth", """{"email":"root@c8.local","password":5}""", Fx.Anonymous())).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Post, "/_open/auth", """{"email":["root@c8.local"],"password":"test-password"}""", Fx.Anonymous())).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Post, "/_open/auth", """["root@c8.local","test-password"]""", Fx.Anonymous())).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Collection(fabric, name, "properties"), """{"waitForSync":"true"}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Collection(fabric, name, "properties"), """[true]""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"replicationDelay":5}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"replicationDelay":"soon"}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"linkLatency":"-5ms"}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"isolated":"eu-central"}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"isolated":["mars-north"]}""")).ShouldFail(400, 10);
        (await RawAsync(HttpMethod.Put, Paths.Faults, """{"isolated":[5]}""")).ShouldFail(400, 10);
        var faults = (await Api.GetAsync(Paths.Faults)).ShouldBe(200).Result;
        Assert.Equal("0ms", faults.Str("replicationDelay"));
        Assert.Empty(faults.Arr("isolated"));
    }

    [Theory]
    [InlineData("returnNew=maybe")]
    [InlineData("silent=2")]
    [InlineData("waitForSync=yes please")]
    [InlineData("overwrite=sure")]
    [InlineData("overwriteMode=merge")]
    public async Task Invalid_query_parameters_are_400_and_write_nothing(string query)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, name, query), new { _key = "k" })).ShouldFail(400, 10);
        (await Api.PostAsync(Paths.Documents(fabric, name, query), new[] { new { _key = "b" } })).ShouldFail(400, 10);
        Assert.Equal(0, await CountAsync(fabric, name));
        (await Api.GetAsync(Paths.Collections(fabric) + "?excludeSystem=perhaps")).ShouldFail(400, 10);
    }

    [Fact]
    public async Task Unknown_fabric_collection_and_document_are_1228_1203_1202()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents("ghostfabric", name), new { a = 1 })).ShouldFail(404, 1228);
        (await Api.GetAsync(Paths.Document("ghostfabric", name, "k"))).ShouldFail(404, 1228);
        (await Api.PostAsync(Paths.Collections("ghostfabric"), new { name = "c" })).ShouldFail(404, 1228);
        (await Api.PostAsync(Paths.Documents(fabric, "ghostcollection"), new { a = 1 })).ShouldFail(404, 1203);
        (await Api.DeleteAsync(Paths.Documents(fabric, "ghostcollection"), new[] { "k" })).ShouldFail(404, 1203);
        (await Api.GetAsync(Paths.Document(fabric, name, "ghostdocument"))).ShouldFail(404, 1202);
        (await Api.PutAsync(Paths.Document(fabric, name, "ghostdocument"), new { a = 1 })).ShouldFail(404, 1202);
        (await Api.PatchAsync(Paths.Document(fabric, name, "ghostdocument"), new { a = 1 })).ShouldFail(404, 1202);
        (await Api.DeleteAsync(Paths.Document(fabric, name, "ghostdocument"))).ShouldFail(404, 1202);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Oversized_bodies_are_413_and_write_nothing(bool announceLength)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        var big = Encoding.UTF8.GetBytes($$"""{"_key":"big","blob":"{{new string('x', (int)SmallBodyLimitFixture.Limit + 10)}}"}""");
        var batch = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 4000).Select(i => $$"""{"_key":"b{{i}}","pad":"0123456789"}""")) + "]");
        Assert.True(batch.Length > SmallBodyLimitFixture.Limit);

        // Each several times: the 413 must reach the client every time, not lose a race with the connection closing.
        var attempts = new[]
        {
            (HttpMethod.Post, Paths.Documents(fabric, name), big),
            (HttpMethod.Post, Paths.Documents(fabric, name), batch),
            (HttpMethod.Put, Paths.Fabric(fabric, "database/metadata"), big),
            (HttpMethod.Post, "/_open/auth", big),
        };
        foreach (var (method, path, body) in Enumerable.Repeat(attempts, 5).SelectMany(a => a))
        {
            var r = await Api.SendRawAsync(method, path, body, "application/json", m =>
            {
                if (!announceLength)
                {
                    // Chunked: the server only finds out while reading.
                    m.Content = new StreamContent(new MemoryStream(body));
                    m.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    m.Headers.TransferEncodingChunked = true;
                }
            });
            r.ShouldFail(413, 413);
        }
        Assert.Equal(0, await CountAsync(fabric, name));
        (await Api.GetAsync(Paths.Document(fabric, name, "big"))).ShouldFail(404, 1202);

        // Just under the limit is fine.
        var fits = Encoding.UTF8.GetBytes($$"""{"_key":"fits","blob":"{{new string('y', (int)SmallBodyLimitFixture.Limit - 100)}}"}""");
        (await Api.SendRawAsync(HttpMethod.Post, Paths.Documents(fabric, name), fits, "application/json")).ShouldBe(202);
    }

    [Fact]
    public async Task Unsupported_methods_are_405_and_unknown_paths_404()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Patch, Paths.Collections(fabric)),
            (HttpMethod.Delete, "/datacenter/all"),
            (HttpMethod.Post, "/datacenter/local"),
            (HttpMethod.Get, "/_open/auth"),
            (HttpMethod.Put, Paths.Databases),
            (HttpMethod.Post, Paths.Document(fabric, name, "k")),
            (HttpMethod.Post, Paths.Collection(fabric, name)),
            (HttpMethod.Delete, Paths.Collection(fabric, name, "count")),
            (new HttpMethod("FROB"), Paths.Collections(fabric)),
        })
        {
            (await Api.SendAsync(method, path, null)).ShouldFail(405, 405);
        }
        (await Api.GetAsync("/_api/no-such-thing")).ShouldFail(404, 404);
        (await Api.GetAsync(Paths.Collection(fabric, name, "no-such-thing"))).ShouldFail(404, 404);
        (await Api.GetAsync("/")).ShouldFail(404, 404);
    }

    [Fact]
    public async Task The_server_keeps_serving_after_a_barrage_of_garbage()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        var garbage = new[] { "", "{", "[", "]", "null", "\"\"", "[{]}", "{\"_key\":", "\u0000", "{\"a\":\"\\uZZZZ\"}", "{\"a\":1e999999}", "[[[[[[[[" };
        var methods = new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete };
        var paths = new[]
        {
            Paths.Documents(fabric, name), Paths.Document(fabric, name, "k"), Paths.Collections(fabric), Paths.Collection(fabric, name, "properties"),
            Paths.Databases, Paths.Fabric(fabric, "database/metadata"), "/_open/auth", Paths.Faults, "/datacenter/us-west/true",
        };
        var tasks = from method in methods from path in paths from body in garbage select RawAsync(method, path, body);
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.InRange(r.Status, 200, 499));

        (await Fx.Anonymous().GetAsync("/_open/health")).ShouldBe(200);
        (await Api.PostAsync(Paths.Documents(fabric, name), new { _key = "after", ok = true })).ShouldBe(202);
        Assert.True((await Api.GetAsync(Paths.Document(fabric, name, "after"))).ShouldBe(200).Json.Bool("ok"));
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await Fx.Api(Dc.ApSouth).GetAsync("/datacenter/local")).Status);
    }
}
