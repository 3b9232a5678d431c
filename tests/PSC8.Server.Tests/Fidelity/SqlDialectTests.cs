using static PSC8.Server.Tests.RestQL.RestqlWorkerTests;

namespace PSC8.Server.Tests.Fidelity;

/// <summary>
/// GDN's SQL dialect (issue 18, item 2): POST /cursor/sql and RestQL workers of type "sql". The body is the cursor
/// body with SQL text and positional parameters as bindVars (API.md, cursor section: "$1 style bind vars"; collection
/// names cannot be bound, API.md notes). The answer is the cursor answer: pyC8's test_c8ql/test_execute_query
/// cassette records <c>SELECT * FROM c</c> on cursor/sql answering 201 with whole documents.
/// </summary>
public sealed class SqlDialectTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private static string SqlCursor(string fabric) => Paths.Fabric(fabric, "cursor/sql");

    private Task<HttpExchange> SqlAsync(string fabric, string sql, object? extra = null)
    {
        var body = extra is null ? new JsonObject() : System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject();
        body["query"] = sql;
        return Api.PostAsync(SqlCursor(fabric), body);
    }

    private async Task<JsonArray> RowsAsync(string fabric, string sql, object? extra = null) =>
        (await SqlAsync(fabric, sql, extra)).ShouldBe(201).Object.Arr("result");

    /// <summary>A fabric with one collection of five people.</summary>
    private async Task<(string Fabric, string Collection)> PeopleAsync()
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $$"""
            FOR p IN [
              { _key: "ann", name: "Ann", age: 31, city: "Oslo", score: 10 },
              { _key: "bob", name: "Bob", age: 25, city: "Rome", score: 20 },
              { _key: "cid", name: "Cid", age: 42, city: "Oslo", score: 30 },
              { _key: "dee", name: "Dee", age: 25, city: "Lima" },
              { _key: "eve", name: "Eve", age: 37, city: "Rome", score: 40 } ]
            INSERT p INTO `{{c}}`
            """);
        return (fabric, c);
    }

    private static string[] Names(JsonArray rows) => rows.Select(r => r.Str("name")!).ToArray();

    [Fact]
    public async Task Select_star_answers_the_recorded_cursor_shape_with_whole_documents()
    {
        var (fabric, c) = await PeopleAsync();

        // test_execute_query posts {"query":"SELECT * FROM …","count":false} and gets 201
        // {result:[{_id,_key,_rev,…fields}], hasMore:false, cached:false, extra:{stats,warnings}, error:false, code:201}.
        var answer = (await SqlAsync(fabric, $"SELECT * FROM {c}", new { count = false })).ShouldBe(201);

        Shape.HasExactly(answer.Object, "result", "hasMore", "extra", "cached", "error", "code");
        Assert.False(answer.Json.Bool("hasMore"));
        Assert.True(answer.Object.Obj("extra").Has("stats") && answer.Object.Obj("extra").Has("warnings"));
        var rows = answer.Object.Arr("result");
        Assert.Equal(5, rows.Count);
        var ann = rows.Single(r => r.Str("_key") == "ann")!;
        Assert.Equal($"{c}/ann", ann.Str("_id"));
        Assert.True(ann.Has("_rev"));
        Assert.Equal("Oslo", ann.Str("city"));
    }

    [Fact]
    public async Task Count_is_given_when_asked_as_on_any_cursor()
    {
        var (fabric, c) = await PeopleAsync();

        var answer = (await SqlAsync(fabric, $"SELECT * FROM {c}", new { count = true })).ShouldBe(201);

        Assert.Equal(5, answer.Json.Long("count"));
    }

    [Fact]
    public async Task Select_of_fields_returns_only_those_fields_and_AS_renames()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"select name, age AS years from {c} where name = 'Bob'");

        Assert.Equal("""[{"name":"Bob","years":25}]""", rows.ToJsonString());
    }

    [Theory]
    [InlineData("age = 25", "Bob,Dee")]
    [InlineData("age <> 25", "Ann,Cid,Eve")]
    [InlineData("age != 25", "Ann,Cid,Eve")]
    [InlineData("age < 31", "Bob,Dee")]
    [InlineData("age <= 31", "Ann,Bob,Dee")]
    [InlineData("age > 37", "Cid")]
    [InlineData("age >= 37", "Cid,Eve")]
    [InlineData("city = 'Oslo' AND age > 35", "Cid")]
    [InlineData("city = 'Lima' OR city = 'Rome'", "Bob,Dee,Eve")]
    [InlineData("NOT city = 'Oslo'", "Bob,Dee,Eve")]
    [InlineData("(city = 'Oslo' OR city = 'Rome') AND NOT (age < 30 OR age > 40)", "Ann,Eve")]
    [InlineData("city = 'Oslo' OR city = 'Rome' AND age > 30", "Ann,Cid,Eve")]
    public async Task Where_compares_and_combines(string condition, string expected)
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"SELECT name FROM {c} WHERE {condition} ORDER BY name");

        Assert.Equal(expected, string.Join(',', Names(rows)));
    }

    [Fact]
    public async Task Order_by_several_fields_ascending_and_descending()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"SELECT name FROM {c} ORDER BY age DESC, name ASC");
        var byAgeThenNameDesc = await RowsAsync(fabric, $"SELECT name FROM {c} ORDER BY age, name DESC");

        Assert.Equal(["Cid", "Eve", "Ann", "Bob", "Dee"], Names(rows));
        Assert.Equal(["Dee", "Bob", "Ann", "Eve", "Cid"], Names(byAgeThenNameDesc));
    }

    [Fact]
    public async Task Limit_and_offset_page_through_the_sorted_rows()
    {
        var (fabric, c) = await PeopleAsync();

        Assert.Equal(["Ann", "Bob"], Names(await RowsAsync(fabric, $"SELECT name FROM {c} ORDER BY name LIMIT 2")));
        Assert.Equal(["Cid", "Dee"], Names(await RowsAsync(fabric, $"SELECT name FROM {c} ORDER BY name LIMIT 2 OFFSET 2")));
        Assert.Empty(await RowsAsync(fabric, $"SELECT name FROM {c} ORDER BY name LIMIT 2 OFFSET 9"));
    }

    [Fact]
    public async Task Positional_parameters_bind_from_bindVars()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"SELECT name FROM {c} WHERE city = $1 AND age > $2 ORDER BY name",
            new { bindVars = new Dictionary<string, object> { ["1"] = "Rome", ["2"] = 30 } });
        var dollared = await RowsAsync(fabric, $"SELECT name FROM {c} WHERE age = $1 ORDER BY name",
            new { bindVars = new Dictionary<string, object> { ["$1"] = 25 } });

        Assert.Equal(["Eve"], Names(rows));
        Assert.Equal(["Bob", "Dee"], Names(dollared));
    }

    [Fact]
    public async Task A_parameter_without_a_value_is_400_10()
    {
        var (fabric, c) = await PeopleAsync();

        var missing = (await SqlAsync(fabric, $"SELECT name FROM {c} WHERE age = $2", new { bindVars = new Dictionary<string, object> { ["1"] = 1 } }))
            .ShouldFail(400, 10);

        Assert.Contains("$2", missing.Json.Str("errorMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aggregates_over_the_whole_collection_answer_one_row()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric,
            $"SELECT COUNT(*), COUNT(score) AS scored, SUM(score) AS total, AVG(age) AS meanAge, MIN(age) AS youngest, MAX(name) AS last FROM {c}");

        Assert.Equal("""[{"COUNT(*)":5,"scored":4,"total":100,"meanAge":32,"youngest":25,"last":"Eve"}]""", rows.ToJsonString());
    }

    [Fact]
    public async Task Count_of_no_matching_rows_is_zero()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"SELECT COUNT(*) AS n FROM {c} WHERE age > 99");

        Assert.Equal("""[{"n":0}]""", rows.ToJsonString());
    }

    [Fact]
    public async Task Group_by_aggregates_per_group_and_orders_by_an_aggregate()
    {
        var (fabric, c) = await PeopleAsync();

        var rows = await RowsAsync(fabric, $"SELECT city, COUNT(*) AS n, MAX(age) AS oldest FROM {c} GROUP BY city ORDER BY n DESC, city");

        Assert.Equal("""[{"city":"Oslo","n":2,"oldest":42},{"city":"Rome","n":2,"oldest":37},{"city":"Lima","n":1,"oldest":25}]""", rows.ToJsonString());
    }

    [Fact]
    public async Task Results_page_like_any_cursor()
    {
        var (fabric, c) = await PeopleAsync();

        var first = (await SqlAsync(fabric, $"SELECT name FROM {c} ORDER BY name", new { batchSize = 2, count = true })).ShouldBe(201);
        var batches = await Api.FollowAsync(fabric, first);

        Assert.Equal(3, batches.Count);
        Assert.Equal(["Ann", "Bob", "Cid", "Dee", "Eve"], batches.SelectMany(b => Names(b.Object.Arr("result"))));
    }

    [Theory]
    [InlineData("SELECT name FROM {c} JOIN other ON a = b", "JOIN")]
    [InlineData("SELECT DISTINCT name FROM {c}", "DISTINCT")]
    [InlineData("SELECT name FROM {c} WHERE name LIKE 'A%'", "LIKE")]
    [InlineData("SELECT name FROM {c} GROUP BY name HAVING COUNT(*) > 1", "HAVING")]
    [InlineData("UPDATE {c} SET a = 1", "UPDATE")]
    [InlineData("SELECT name FROM {c} WHERE age = = 1", "'=' at position")]
    [InlineData("SELECT name FROM {c} WHERE name = 'open", "unterminated")]
    [InlineData("SELECT name FROM {c} LIMIT x", "'x' at position")]
    [InlineData("SELECT name FROM $1", "cannot be a bind parameter")]
    [InlineData("SELECT name, COUNT(*) FROM {c}", "GROUP BY")]
    [InlineData("SELECT * FROM {c} GROUP BY city", "SELECT *")]
    [InlineData("SELECT name FROM {c} WHERE age ~ 1", "'~'")]
    public async Task Anything_outside_the_subset_is_400_10_naming_the_token(string sql, string named)
    {
        var (fabric, c) = await PeopleAsync();

        var refused = (await SqlAsync(fabric, sql.Replace("{c}", c, StringComparison.Ordinal))).ShouldFail(400, 10);

        Assert.Contains(named, refused.Json.Str("errorMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_collection_is_the_C8QL_engines_404_1203()
    {
        var fabric = await Fx.CreateFabricAsync();

        (await SqlAsync(fabric, "SELECT * FROM nowhere")).ShouldFail(404, 1203);
    }

    [Fact]
    public async Task Sql_needs_authentication()
    {
        var (fabric, c) = await PeopleAsync();

        (await Api.WithAuthorization(null).PostAsync(SqlCursor(fabric), new { query = $"SELECT * FROM {c}" })).ShouldBe(401);
    }

    [Fact]
    public async Task A_sql_RestQL_worker_is_saved_and_executed_with_its_parameters()
    {
        var (fabric, c) = await PeopleAsync();
        var sql = $"SELECT name FROM {c} WHERE city = $1 ORDER BY name";

        var saved = (await Api.PostAsync(Restql(fabric), new
        {
            query = new { name = "byCity", value = sql, type = "sql", parameter = new Dictionary<string, object> { ["1"] = "Oslo" } },
        })).ShouldBe(200);
        Assert.Equal("sql", saved.Object.Obj("result").Str("type"));

        var defaults = (await Api.PostAsync(Restql(fabric, "execute/byCity"), new { })).ShouldBe(201);
        var rome = (await Api.PostAsync(Restql(fabric, "execute/byCity"), new { bindVars = new Dictionary<string, object> { ["1"] = "Rome" } })).ShouldBe(201);

        Assert.Equal(["Ann", "Cid"], Names(defaults.Object.Arr("result")));
        Assert.Equal(["Bob", "Eve"], Names(rome.Object.Arr("result")));
        Assert.False(rome.Json.Bool("hasMore"));
    }

    [Fact]
    public async Task A_sql_worker_update_shows_its_text_as_sqlValue_and_bad_sql_is_refused_when_saved()
    {
        var (fabric, c) = await PeopleAsync();
        (await Api.PostAsync(Restql(fabric), new { query = new { name = "all", value = $"SELECT * FROM {c}", type = "sql" } })).ShouldBe(200);

        var sql = $"SELECT COUNT(*) AS n FROM {c}";
        var updated = (await Api.PutAsync(Restql(fabric, "all"), new { query = new { value = sql, type = "sql" } })).ShouldBe(200);
        // PUT /restql/{name} answers {_key, value, sqlValue} (test_restql_methods cassette).
        Shape.HasExactly(updated.Object.Obj("result"), "_key", "value", "sqlValue");
        Assert.Equal(sql, updated.Object.Obj("result").Str("sqlValue"));
        Assert.Equal("""[{"n":5}]""", (await Api.PostAsync(Restql(fabric, "execute/all"), new { })).ShouldBe(201).Object.Arr("result").ToJsonString());

        (await Api.PostAsync(Restql(fabric), new { query = new { name = "bad", value = $"SELECT FROM {c}", type = "sql" } })).ShouldFail(400, 10);
    }
}
