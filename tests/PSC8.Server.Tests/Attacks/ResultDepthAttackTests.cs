namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row "results nested deeper than the writer allows answer 500": C8QL can build values deeper than
/// JSON bodies may be (256 levels, the limit bodies are read with), and such a value is a client's mistake. A query
/// result answers 400 with errorNum 600 (GDN's corrupted JSON, API.md §12, as for a too-deep body); a write of a
/// document that deep is refused the same way, so every stored document can be read back. A cursor whose batch
/// cannot be written is closed, so it holds none of its caller's cursor places.
/// </summary>
public sealed class ResultDepthAttackTests(HardenedFixture fx) : HostTest<HardenedFixture>(fx)
{
    private const int BodyDepthLimit = 256;

    /// <summary>JSON text of an object nested <paramref name="depth"/> levels deep: {"n":{"n":…{}}}.</summary>
    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{\"n\":", depth - 1)) + "{}" + new string('}', depth - 1);

    /// <summary>Sends JSON text as it is: the test client's serialiser stops at 64 levels.</summary>
    private Task<HttpExchange> SendAsync(HttpMethod method, string path, string json, RegionClient? api = null) =>
        (api ?? Api).SendRawAsync(method, path, Encoding.UTF8.GetBytes(json), "application/json");

    private Task<HttpExchange> QueryAsync(string fabric, string query, string bindVars = "{}", RegionClient? api = null, int batchSize = 1000) =>
        SendAsync(HttpMethod.Post, CursorCalls.Cursor(fabric),
            $$"""{"query":{{JsonValue.Create(query).ToJsonString()}},"bindVars":{{bindVars}},"batchSize":{{batchSize}}}""", api);

    [Fact]
    public async Task A_query_result_deeper_than_json_answers_400_600()
    {
        var fabric = await Fx.CreateFabricAsync();
        var wrap = string.Concat(Enumerable.Repeat("[", 20)) + "@v" + string.Concat(Enumerable.Repeat("]", 20));

        var deep = (await QueryAsync(fabric, $"RETURN {wrap}", $$"""{"v":{{Nested(BodyDepthLimit - 10)}}}""")).ShouldFail(400, 600);

        Assert.Contains("256", deep.Json.Str("errorMessage"));
        var fits = (await QueryAsync(fabric, $"RETURN {wrap}", $$"""{"v":{{Nested(BodyDepthLimit - 25)}}}""")).ShouldBe(201);
        Assert.Single(fits.Object.Arr("result"));
    }

    [Fact]
    public async Task A_document_nested_deeper_by_merges_is_refused_and_what_is_stored_reads_back()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        (await SendAsync(HttpMethod.Post, Paths.Documents(fabric, c), $$"""{"_key":"d","n":{{Nested(BodyDepthLimit - 12)}}}""")).ShouldBe(202);
        var deepen = $"FOR d IN `{c}` UPDATE d WITH {{n: {{n: {{n: {{n: d.n}}}}}}}} IN `{c}` OPTIONS {{mergeObjects: false}}";

        for (var round = 0; round < 3; round++)
        {
            (await QueryAsync(fabric, deepen)).ShouldBe(201);
        }
        var refused = (await QueryAsync(fabric, deepen)).ShouldFail(400, 600);
        Assert.Contains("256", refused.Json.Str("errorMessage"));
        (await SendAsync(HttpMethod.Patch, Paths.Document(fabric, c, "d"), $$"""{"n":{{Nested(10)}},"more":{{Nested(BodyDepthLimit - 1)}}}""")).ShouldBe(202);

        var read = (await Api.GetAsync(Paths.Document(fabric, c, "d"))).ShouldBe(200);
        Assert.Equal("d", read.Json.Str("_key"));
        (await Api.QueryAsync(fabric, $"FOR d IN `{c}` RETURN d")).Rows.Single();
    }

    [Fact]
    public async Task A_cursor_whose_batch_is_too_deep_to_write_is_closed()
    {
        var fabric = await Fx.CreateFabricAsync();
        var caller = Fx.KeyClient(fabric);
        var wrap = string.Concat(Enumerable.Repeat("[", 20)) + "@v" + string.Concat(Enumerable.Repeat("]", 20));
        var deepFirst = $"FOR i IN 1..3 RETURN i == 1 ? {wrap} : i";
        var deepSecond = $"FOR i IN 1..3 RETURN i == 2 ? {wrap} : i";
        var bindVars = $$"""{"v":{{Nested(BodyDepthLimit - 10)}}}""";

        for (var i = 0; i < HardenedFixture.CursorsPerCaller; i++)
        {
            (await QueryAsync(fabric, deepFirst, bindVars, caller, batchSize: 1)).ShouldFail(400, 600);
        }
        var opened = (await QueryAsync(fabric, deepSecond, bindVars, caller, batchSize: 1)).ShouldBe(201);
        var id = opened.Json.Str("id")!;
        (await caller.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(400, 600);
        (await caller.PutAsync(CursorCalls.Cursor(fabric, id))).ShouldFail(404, 1600);

        var full = new List<string>();
        for (var i = 0; i < HardenedFixture.CursorsPerCaller; i++)
        {
            full.Add((await caller.OpenCursorAsync(fabric, "FOR i IN 1..3 RETURN i", new { batchSize = 1 })).ShouldBe(201).Json.Str("id")!);
        }
        Assert.Equal(HardenedFixture.CursorsPerCaller, full.Distinct().Count());
    }
}
