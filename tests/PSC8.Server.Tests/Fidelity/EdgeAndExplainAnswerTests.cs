namespace PSC8.Server.Tests.Fidelity;

/// <summary>Edges, the ArangoDB document form and explain as GDN and the drivers use them (issue 18, item 6).</summary>
public sealed class EdgeAndExplainAnswerTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Fact]
    public async Task Edges_may_name_documents_that_do_not_exist_and_be_rewritten_to_any_ends()
    {
        // pyC8's test_document/test_document_edge: POST {_from:"test_collection_4/1",_to:"test_collection_5/4"} is
        // accepted (201 with waitForSync), then PATCH {_from:"foo",_to:"bar"} and PUT {_from:"baz",_to:"qux"} are 202.
        var fabric = await Fx.CreateFabricAsync();
        var edges = await Fx.CreateCollectionAsync(fabric, new { type = 3 });

        var saved = (await Api.PostAsync(Paths.Documents(fabric, edges), new { _key = "1", _from = "nowhere/1", _to = "nothing/4" })).ShouldBe(202);
        Shape.HasExactly(saved.Object, "_id", "_key", "_rev");
        (await Api.PatchAsync(Paths.Document(fabric, edges, "1"), new { _from = "foo", _to = "bar" })).ShouldBe(202);
        (await Api.PutAsync(Paths.Document(fabric, edges, "1"), new { _from = "baz", _to = "qux" })).ShouldBe(202);
        var read = (await Api.GetAsync(Paths.Document(fabric, edges, "1"))).ShouldBe(200);
        Assert.Equal(("baz", "qux"), (read.Json.Str("_from"), read.Json.Str("_to")));

        // The same cassette: a document without _from/_to in an edge collection is 400/1233.
        (await Api.PostAsync(Paths.Documents(fabric, edges), new { _key = "2", val = 1 })).ShouldFail(400, 1233);
    }

    [Fact]
    public async Task Post_document_with_collection_in_the_query_string_inserts()
    {
        // jsC8's EdgeCollection.save: POST /_fabric/{f}/document?collection=NAME (no /_api).
        var fabric = await Fx.CreateFabricAsync();
        var edges = await Fx.CreateCollectionAsync(fabric, new { type = 3 });

        var saved = (await Api.PostAsync($"/_fabric/{fabric}/document?collection={edges}", new { _key = "e", _from = "a/1", _to = "b/2" })).ShouldBe(202);

        Assert.Equal($"{edges}/e", saved.Json.Str("_id"));
        (await Api.GetAsync(Paths.Document(fabric, edges, "e"))).ShouldBe(200);
        (await Api.PostAsync($"/_fabric/{fabric}/document", new { a = 1 })).ShouldFail(400, 10);
    }

    [Fact]
    public async Task Explain_answers_at_the_alias_jsC8_uses()
    {
        // jsC8's explainQuery posts to /_fabric/{f}/_api/explain; the answer is query/explain's.
        var fabric = await Fx.CreateFabricAsync();

        var explained = (await Api.PostAsync(Paths.Fabric(fabric, "explain"), new { query = "FOR i IN 1..3 RETURN i" })).ShouldBe(200);

        Shape.HasExactly(explained.Object, "error", "code", "plan", "cacheable", "warnings", "stats");
        Assert.All(explained.Object.Obj("plan").Arr("nodes"), node =>
        {
            Assert.NotNull(node.Long("estimatedCost"));
            Assert.NotNull(node.Long("estimatedNrItems"));
        });
    }

    [Fact]
    public async Task Explain_with_allPlans_answers_plans()
    {
        // pyC8's test_c8ql/test_explain_query: options.allPlans true -> {"plans":[{nodes,…,estimatedCost,estimatedNrItems}],"warnings","stats"}.
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);

        var explained = (await Api.PostAsync(Paths.Fabric(fabric, "query/explain"),
            new { query = $"FOR d IN `{collection}` RETURN d", options = new { allPlans = true, maxNumberOfPlans = 10 } })).ShouldBe(200);

        Shape.HasExactly(explained.Object, "error", "code", "plans", "warnings", "stats");
        var plan = explained.Object.Arr("plans").Single()!;
        Assert.NotNull(plan.Long("estimatedCost"));
        Assert.NotNull(plan.Long("estimatedNrItems"));
        Assert.Equal(collection, plan.Arr("collections").Single().Str("name"));
    }
}
