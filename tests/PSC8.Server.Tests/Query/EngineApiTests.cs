using static PSC8.Server.Tests.Query.QueryTestHelpers;

namespace PSC8.Server.Tests.Query;

/// <summary>The engine's public surface: Prepare, Parse, Explain and the error messages drivers show.</summary>
public sealed class EngineApiTests
{
    [Fact]
    public void SyntaxErrorNamesTokenSnippetAndPosition()
    {
        var error = PrepareFails("INVALID QUERY");
        Assert.Equal(C8Errors.QueryParse, error.ErrorNum);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("syntax error, unexpected identifier near 'INVALID QUERY' at position 1:1", error.Message);
    }

    [Fact]
    public void SyntaxErrorPositionCountsLines()
    {
        var error = PrepareFails("FOR u IN users\n  FILTER u.a ==\n  RETURN u");
        Assert.Equal("syntax error, unexpected RETURN declaration near 'RETURN u' at position 3:3", error.Message);
    }

    [Fact]
    public void SyntaxErrorSnippetIsShortened()
    {
        var error = PrepareFails("RETURN 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16");
        Assert.Equal("syntax error, unexpected integer number near '2 3 4 5 6 7 8 9 10 11 12 13 14 1...' at position 1:10", error.Message);
    }

    [Fact]
    public void ParsingWithoutValuesLeavesBindParameterChecksToTheRun()
    {
        // A saved query worker is parsed before any bindVars exist: LIMIT @n must not count as LIMIT null.
        var parsed = Engine.Parse("FOR x IN 1..10 LIMIT @skip, @n RETURN x");
        Assert.Equal(["n", "skip"], parsed["bindVars"].AsArray.Select(v => v.AsString).Order());
        var error = PrepareFails("FOR x IN 1..10 LIMIT @n RETURN x", C8Json.Parse("{\"n\":\"ten\"}").AsObject);
        Assert.Equal(QueryErrors.NumberOutOfRange, error.ErrorNum);
    }

    [Fact]
    public void EndOfQueryIsReported()
    {
        var error = PrepareFails("RETURN");
        Assert.StartsWith("syntax error, unexpected end of query string", error.Message);
    }

    [Fact]
    public void EmptyQuery()
    {
        var error = PrepareFails(" \n ");
        Assert.Equal(C8Errors.QueryEmpty, error.ErrorNum);
        Assert.Equal("query is empty", error.Message);
    }

    [Fact]
    public void FunctionErrorsNameTheFunction()
    {
        Assert.Equal("usage of unknown function 'FOO()'", PrepareFails("RETURN foo()").Message);
        Assert.Equal("invalid number of arguments for function 'LENGTH()', expected number of arguments: minimum: 1, maximum: 1",
            PrepareFails("RETURN LENGTH()").Message);
    }

    [Fact]
    public void BindParameterErrorsNameTheParameter()
    {
        Assert.Equal("no value specified for declared bind parameter 'x'", PrepareFails("RETURN @x").Message);
        var extra = new C8Object.Builder().Add("y", C8Value.From(1)).Build();
        Assert.Equal("bind parameter 'y' was not declared in the query", PrepareFails("RETURN 1", extra).Message);
        var wrong = new C8Object.Builder().Add("@c", C8Value.True).Build();
        Assert.Equal("bind parameter '@c' has an invalid value or type",
            PrepareFails("FOR d IN @@c RETURN d", wrong).Message);
    }

    [Fact]
    public void PreparedQueryReportsCollections()
    {
        var bind = new C8Object.Builder().Add("@target", C8Value.From("archive")).Build();
        var prepared = Engine.Prepare("WITH extra FOR u IN users LET n = LENGTH(orders) INSERT u INTO @@target", bind);
        Assert.Equal(["extra", "users", "orders", "archive"], prepared.Collections);
        Assert.Equal(["archive"], prepared.WrittenCollections);
        Assert.True(prepared.IsModification);
        Assert.False(Engine.Prepare("FOR u IN users RETURN u", null).IsModification);
    }

    [Fact]
    public void ModificationInsideSubqueryMakesAModificationQuery()
    {
        var prepared = Engine.Prepare("LET r = (INSERT {} INTO log) RETURN 1", null);
        Assert.True(prepared.IsModification);
        Assert.Equal(["log"], prepared.WrittenCollections);
    }

    [Theory]
    [InlineData("RETURN DOCUMENT('users/1')", true)]
    [InlineData("FOR u IN users RETURN DOCUMENT(u.friend)", true)]
    [InlineData("RETURN DOCUMENT('users', '1')", true)]
    [InlineData("RETURN COLLECTION_COUNT('users')", true)]
    [InlineData("RETURN CALL('DOCUMENT', 'users/1')", true)]
    [InlineData("RETURN DOCUMENT(users, '1')", false)]
    [InlineData("RETURN COLLECTION_COUNT(users)", false)]
    [InlineData("FOR u IN users FILTER u._key == '1' RETURN [u, LENGTH(users)]", false)]
    [InlineData("RETURN [CURRENT_USER(), COLLECTIONS()]", false)]
    public void CollectionsChosenByValueAreFlagged(string query, bool byValue)
    {
        var prepared = Engine.Prepare(query, null);
        Assert.Equal(byValue, prepared.ReadsCollectionsByValue);
    }

    [Fact]
    public void ParseReturnsCollectionsBindVariablesAndTree()
    {
        var parsed = Engine.Parse("FOR u IN users FILTER u.age > @min FOR d IN @@other RETURN DOCUMENT(cities, u.city)");
        Assert.Equal("""["users","cities"]""", C8Json.Serialize(parsed["collections"]));
        Assert.Equal("""["min","@other"]""", C8Json.Serialize(parsed["bindVars"]));
        var root = parsed["ast"].AsArray[0];
        Assert.Equal("root", root["type"].AsString);
        Assert.Equal(["for", "filter", "for", "return"], root["subNodes"].AsArray.Select(n => n["type"].AsString));
    }

    [Fact]
    public void ParseReportsScopeErrors()
    {
        Assert.Equal(QueryErrors.VariableRedeclared, Assert.Throws<C8Exception>(() => Engine.Parse("LET a = 1 LET a = 2 RETURN a")).ErrorNum);
    }

    [Fact]
    public void ExplainShowsThePipeline()
    {
        var plan = Engine.Prepare("FOR u IN users FILTER u._key == '1' FILTER u.age > 3 SORT u.age LIMIT 2 RETURN u", null).Explain()["plan"];
        Assert.Equal(["SingletonNode", "IndexNode", "FilterNode", "SortNode", "LimitNode", "ReturnNode"],
            plan["nodes"].AsArray.Select(n => n["type"].AsString));
        Assert.Equal("""[{"name":"users","type":"read"}]""", C8Json.Serialize(plan["collections"]));
        Assert.Contains("use-indexes", plan["rules"].AsArray.Select(r => r.AsString));
        Assert.False(plan["isModificationQuery"].AsBool);
    }

    [Theory]
    [InlineData("FOR u IN users FILTER u.age > 30 RETURN u.name", "[\"age\",\"name\"]")]
    [InlineData("FOR u IN users RETURN 1", "[]")]
    [InlineData("FOR u IN users FILTER u.address.zip == '1' SORT u.age RETURN u.tags[*].x", "[\"address\",\"age\",\"tags\"]")]
    [InlineData("FOR u IN users COLLECT c = u.city INTO g = u.name RETURN [c, g]", "[\"city\",\"name\"]")]
    [InlineData("FOR u IN users LET n = (FOR o IN orders FILTER o.user == u._key RETURN 1) RETURN [u.name, n]", "[\"_key\",\"name\"]")]
    [InlineData("FOR u IN users REMOVE u._key IN users", "[\"_key\"]")]
    [InlineData("FOR u IN users RETURN u", null)]
    [InlineData("FOR u IN users RETURN MERGE(u, { a: 1 })", null)]
    [InlineData("FOR u IN users RETURN LENGTH(u)", null)]
    [InlineData("FOR u IN users RETURN u['name']", null)]
    [InlineData("FOR u IN users RETURN { u }", null)]
    [InlineData("FOR u IN users LET n = (RETURN u) RETURN n", null)]
    [InlineData("FOR u IN users COLLECT c = u.city INTO g RETURN g", null)]
    [InlineData("FOR u IN users COLLECT c = u.city INTO g KEEP u RETURN g", null)]
    [InlineData("FOR u IN users UPDATE u WITH { a: 1 } IN users", null)]
    public void ScansDecodeOnlyTheAttributesTheQueryReads(string query, string? projections)
    {
        var scan = Engine.Prepare(query, null).Explain()["plan"]["nodes"].AsArray.First(n => n["type"].AsString == "EnumerateCollectionNode");
        Assert.Equal(projections, scan.AsObject.ContainsKey("projections") ? C8Json.Serialize(scan["projections"]) : null);
    }

    [Fact]
    public void ExplainMarksWrites()
    {
        var plan = Engine.Prepare("FOR u IN users UPDATE u WITH {} IN users", null).Explain()["plan"];
        Assert.Equal(["SingletonNode", "EnumerateCollectionNode", "UpdateNode"], plan["nodes"].AsArray.Select(n => n["type"].AsString));
        Assert.Equal("""[{"name":"users","type":"write"}]""", C8Json.Serialize(plan["collections"]));
        Assert.True(plan["isModificationQuery"].AsBool);
    }

    [Fact]
    public void ParsedQueriesAreReusedAcrossBindValues()
    {
        var store = new InMemoryQueryStore();
        for (var i = 0; i < 3; i++)
        {
            var bind = new C8Object.Builder().Add("x", C8Value.From(i)).Build();
            var (results, _) = Run(store, "RETURN @x * 2", bind);
            Assert.Equal(i * 2, results.Single().AsNumber);
        }
    }

    /// <summary>The error <see cref="C8qlEngine.Prepare"/> refuses the query with.</summary>
    private static C8Exception PrepareFails(string query, C8Object? bindVars = null) =>
        Assert.Throws<C8Exception>(() => Engine.Prepare(query, bindVars));
}
