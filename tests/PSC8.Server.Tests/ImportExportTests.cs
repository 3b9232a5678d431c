namespace PSC8.Server.Tests;

/// <summary>Bulk import in GDN's and ArangoDB's body forms, and export of a collection or a read-only query.</summary>
public sealed class ImportExportTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx, Dc.EuCentral)
{
    private async Task<long> CountAsync(string fabric, string collection) =>
        (await Api.GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200).Object["count"]!.GetValue<long>();

    [Fact]
    public async Task Import_creates_documents_and_reports_each_failure_with_its_line()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(fabric, collection), new { _key = "taken" })).ShouldBe(202);

        var result = (await Api.PostAsync(Paths.Fabric(fabric, $"import/{collection}"), new
        {
            data = new object[] { new { _key = "a", v = 1 }, new { _key = "taken" }, new { v = 3 }, 42 },
            details = true,
        })).ShouldBe(200).Result;

        Assert.Equal(2, result["created"]!.GetValue<long>());
        Assert.Equal(2, result["errors"]!.GetValue<long>());
        var errors = result["details"]!["errors"]!.AsArray();
        Assert.Equal(1210, errors[0]!["errorNumber"]!.GetValue<long>());
        Assert.StartsWith("2: ", errors[0]!["errorMessage"]!.GetValue<string>());
        Assert.Equal(1227, errors[1]!["errorNumber"]!.GetValue<long>());
        Assert.StartsWith("4: ", errors[1]!["errorMessage"]!.GetValue<string>());
        Assert.Equal(3, await CountAsync(fabric, collection));
    }

    [Fact]
    public async Task Import_can_replace_and_take_the_key_from_a_primary_key_attribute()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(fabric, collection), new { _key = "7", v = "old" })).ShouldBe(202);

        var result = (await Api.PostAsync(Paths.Fabric(fabric, $"import/{collection}"), new
        {
            data = new object[] { new { id = 7, v = "new" }, new { id = "x", v = "x" } },
            primaryKey = "id",
            replace = true,
        })).ShouldBe(200).Result;

        Assert.Equal(0, result["errors"]!.GetValue<long>());
        var stored = (await Api.GetAsync(Paths.Document(fabric, collection, "7"))).ShouldBe(200).Object;
        Assert.Equal("new", stored["v"]!.GetValue<string>());
        (await Api.GetAsync(Paths.Document(fabric, collection, "x"))).ShouldBe(200);
    }

    [Fact]
    public async Task Import_accepts_json_lines_named_by_query_string_as_jsc8_sends_them()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        var lines = "{\"_key\":\"l1\",\"n\":1}\r\n{\"_key\":\"l2\",\"n\":2}\r\n";
        var response = await Api.SendRawAsync(HttpMethod.Post, Paths.Fabric(fabric, $"import?collection={collection}&type=auto"),
            Encoding.UTF8.GetBytes(lines), "application/octet-stream");
        Assert.Equal(2, response.ShouldBe(200).Result["created"]!.GetValue<long>());
        Assert.Equal(2, await CountAsync(fabric, collection));
    }

    [Fact]
    public async Task A_malformed_import_writes_nothing()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        var response = await Api.SendRawAsync(HttpMethod.Post, Paths.Fabric(fabric, $"import/{collection}"),
            Encoding.UTF8.GetBytes("{\"data\":[{\"_key\":\"a\"},"), "application/json");
        response.ShouldFail(400, 600);
        Assert.Equal(0, await CountAsync(fabric, collection));
    }

    [Fact]
    public async Task Export_returns_documents_without_id_and_rev_with_offset_limit_and_order()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            (await Api.PostAsync(Paths.Documents(fabric, collection), new { _key = key })).ShouldBe(202);
        }

        var page = (await Api.GetAsync(Paths.Fabric(fabric, $"export/{collection}?offset=1&limit=2&order=desc"))).ShouldBe(200).Result.AsArray();

        Assert.Equal(["c", "b"], page.Select(d => d!["_key"]!.GetValue<string>()));
        Assert.All(page, d => Assert.Null(d!["_id"]));
        Assert.All(page, d => Assert.Null(d!["_rev"]));
        (await Api.GetAsync(Paths.Fabric(fabric, $"export/{collection}?order=sideways"))).ShouldFail(400, 10);
    }

    [Fact]
    public async Task Export_runs_a_read_only_query_and_refuses_one_that_writes()
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync();
        (await Api.PostAsync(Paths.Documents(fabric, collection), new object[] { new { n = 1 }, new { n = 2 }, new { n = 3 } })).ShouldBe(202);

        var rows = (await Api.PostAsync(Paths.Fabric(fabric, "export"), new
        {
            query = $"FOR d IN {collection} FILTER d.n >= @min SORT d.n RETURN d.n",
            bindVars = new { min = 2 },
        })).ShouldBe(200).Result.AsArray();
        Assert.Equal([2L, 3L], rows.Select(r => r!.GetValue<long>()));

        (await Api.PostAsync(Paths.Fabric(fabric, "export"), new { query = $"FOR d IN {collection} REMOVE d IN {collection}" })).ShouldFail(400, 10);
        Assert.Equal(3, await CountAsync(fabric, collection));
    }

    [Fact]
    public async Task Export_of_a_query_reading_spot_documents_by_value_runs_in_the_spot_region()
    {
        var fabric = await Fx.CreateFabricAsync(new { dcList = string.Join(',', Dc.All), spotDc = Dc.UsWest });
        var spot = await Fx.CreateCollectionAsync(fabric, new { isSpot = true });
        (await Fx.Api(Dc.UsWest).PostAsync(Paths.Documents(fabric, spot), new { _key = "a", v = 1 })).ShouldBe(202);

        // The query names no collection, so only the rule for queries that read collections by value sends it to us-west.
        var rows = (await Api.PostAsync(Paths.Fabric(fabric, "export"), new { query = $"RETURN DOCUMENT('{spot}/a').v" }))
            .ShouldBe(200).Result.AsArray();
        Assert.Equal([1L], rows.Select(r => r!.GetValue<long>()));
    }
}
