namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// A batch's documents reach its collection's non-unique persistent indexes together at the end of its transaction:
/// what the index then finds is the batch's last version of every document, and a unique index still refuses a
/// document inside the batch with 1210 while the others are stored and found.
/// </summary>
public sealed class BatchIndexEntriesTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx, Dc.UsWest)
{
    /// <summary>A local collection (a unique index needs one) with the indexes.</summary>
    private async Task<(string Fabric, string Collection)> CollectionWithIndexesAsync(params object[] indexes)
    {
        var (fabric, collection) = await Fx.CreateFabricWithCollectionAsync(new { isLocal = true });
        foreach (var index in indexes)
        {
            (await Api.PostAsync(Paths.Fabric(fabric, "index?collection=" + collection), index)).ShouldBe(201);
        }
        return (fabric, collection);
    }

    /// <summary>The keys the filter finds, checked to come from the index (as many index entries read as rows).</summary>
    private async Task<List<string>> FoundAsync(string fabric, string collection, string filter)
    {
        var run = await Api.QueryAsync(fabric, $"FOR d IN {collection} FILTER {filter} RETURN d._key");
        Assert.Equal(run.Rows.Count, run.Stats.Long("scannedIndex"));
        Assert.Equal(0, run.Stats.Long("scannedFull"));
        return run.Rows.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_document_written_twice_in_a_batch_is_found_by_its_last_version_only()
    {
        var (f, c) = await CollectionWithIndexesAsync(
            new { type = "persistent", fields = new[] { "n" } },
            new { type = "persistent", fields = new[] { "m" }, sparse = true });
        var batch = new object[] { new { _key = "a", n = 1, m = 1 }, new { _key = "b", n = 2 }, new { _key = "a", n = 3 } };
        (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=replace"), batch)).ShouldBe(202);
        Assert.Empty(await FoundAsync(f, c, "d.n == 1"));
        Assert.Equal(["a"], await FoundAsync(f, c, "d.n == 3"));
        Assert.Equal(["b"], await FoundAsync(f, c, "d.n == 2"));
        Assert.Empty(await FoundAsync(f, c, "d.m == 1"));
        var again = new object[] { new { _key = "b", n = 3, m = 5 }, new { _key = "c", n = 3 } };
        (await Api.PostAsync(Paths.Documents(f, c, "overwriteMode=update"), again)).ShouldBe(202);
        Assert.Equal(["a", "b", "c"], await FoundAsync(f, c, "d.n == 3"));
        Assert.Empty(await FoundAsync(f, c, "d.n == 2"));
        Assert.Equal(["b"], await FoundAsync(f, c, "d.m == 5"));
    }

    [Fact]
    public async Task A_unique_index_refuses_a_document_of_a_batch_and_the_others_are_found()
    {
        var (f, c) = await CollectionWithIndexesAsync(
            new { type = "persistent", fields = new[] { "email" }, unique = true },
            new { type = "persistent", fields = new[] { "n" } });
        var batch = new object[] { new { _key = "x1", email = "x", n = 1 }, new { _key = "x2", email = "x", n = 2 }, new { _key = "y", email = "y", n = 3 } };
        var r = (await Api.PostAsync(Paths.Documents(f, c), batch)).ShouldBe(202);
        Assert.Equal(1210, r.Json!.AsArray()[1].Long("errorNum"));
        Assert.Equal(["x1"], await FoundAsync(f, c, "d.n == 1"));
        Assert.Empty(await FoundAsync(f, c, "d.n == 2"));
        Assert.Equal(["y"], await FoundAsync(f, c, "d.n == 3"));
        Assert.Equal(["x1", "y"], await FoundAsync(f, c, "d.n >= 1"));
    }

    [Fact]
    public async Task Documents_removed_after_their_batch_leave_no_entries()
    {
        var (f, c) = await CollectionWithIndexesAsync(new { type = "persistent", fields = new[] { "n" } });
        (await Api.PostAsync(Paths.Documents(f, c), Enumerable.Range(0, 50).Select(i => new { _key = "k" + i, n = i % 5 }).ToArray())).ShouldBe(202);
        (await Api.SendAsync(HttpMethod.Delete, Paths.Documents(f, c), Enumerable.Range(0, 10).Select(i => "k" + i).ToArray())).ShouldBe(202);
        Assert.Equal(8, (await FoundAsync(f, c, "d.n == 4")).Count);
        (await Api.PutAsync(Paths.Collection(f, c, "truncate"))).ShouldBe(200);
        Assert.Empty(await FoundAsync(f, c, "d.n == 4"));
        (await Api.PostAsync(Paths.Documents(f, c), new[] { new { _key = "k1", n = 4 } })).ShouldBe(202);
        Assert.Equal(["k1"], await FoundAsync(f, c, "d.n == 4"));
    }

    [Fact]
    public async Task Indexes_sharing_attributes_nested_and_non_ASCII_ones_find_a_batch_by_each()
    {
        var (f, c) = await CollectionWithIndexesAsync(
            new { type = "persistent", fields = new[] { "größe" } },
            new { type = "persistent", fields = new[] { "größe", "info.city" } },
            new { type = "persistent", fields = new[] { "info.city" }, sparse = true });
        var batch = new object[]
        {
            new { _key = "p", größe = 1, info = new { city = "Köln" } },
            new { _key = "q", größe = 1, info = new { zip = "1" } },
            new { _key = "r", größe = 2, info = new { city = "Köln" } },
        };
        (await Api.PostAsync(Paths.Documents(f, c), batch)).ShouldBe(202);
        Assert.Equal(["p", "q"], await FoundAsync(f, c, "d.`größe` == 1"));
        Assert.Equal(["p"], await FoundAsync(f, c, "d.`größe` == 1 && d.info.city == 'Köln'"));
        Assert.Equal(["q"], await FoundAsync(f, c, "d.`größe` == 1 && d.info.city == null"));
        Assert.Equal(["p", "r"], await FoundAsync(f, c, "d.info.city == 'Köln'"));
    }
}
