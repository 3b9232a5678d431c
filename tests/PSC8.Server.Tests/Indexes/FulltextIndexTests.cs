using PSC8.Server.Query.Functions;
using PSC8.Server.Query.Values;

namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// FULLTEXT reads the documents its fulltext index names for the query's words, not the whole collection, and still
/// answers what checking every document would: the expected answers here are that check, made on every document the
/// collection holds (FulltextQuery over the attribute's words, in key order). scannedIndex counts the documents read.
/// </summary>
public sealed class FulltextIndexTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static readonly string[] Vocabulary =
    [
        "apple", "apricot", "banana", "band", "bandana", "cherry", "Über", "über", "naïve", "東京", "x1", "a", "ab",
        "zebra", "zeal", "quick", "QUICK", "fox", "foxes", "dog", "dogma", "lazy", "sleep", "sleeps", "river",
        "averyveryverylongwordthatgoesbeyondfortycharacters", "averyveryverylongwordthatgoesbeyondfortyletters",
    ];

    private static readonly string[] Searches =
    [
        "apple", "über", "ÜBER", "banana,band", "prefix:ban", "prefix:band,-bandana", "apple,|cherry", "zebra,|zeal,-fox",
        "-apple", "prefix:do,prefix:ri", "complete:dog", "東京", "x1", "ab", "a", "quick,-lazy,|sleeps", "nothinglikethis",
        "averyveryverylongwordthatgoesbeyondfortyzzz", "prefix:averyveryverylongwordthatgoesbeyond", "prefix:z,-prefix:ze",
        "fox,|fox,|foxes", "prefix:über",
    ];

    private static string Index(string fabric, string collection) => Paths.Fabric(fabric, "index?collection=" + collection);

    /// <summary>Texts of random words and punctuation, as strings, arrays and objects, some missing or not text at all.</summary>
    private static object[] Corpus(int count, int seed, string prefix)
    {
        var random = new Random(seed);
        string Text() => string.Join(random.Next(3) switch { 0 => " ", 1 => ", ", _ => "-" },
            Enumerable.Range(0, random.Next(1, 7)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        return Enumerable.Range(0, count).Select(i => (object)(random.Next(10) switch
        {
            0 => new { _key = prefix + i, text = new object[] { Text(), 7, Text() }, meta = new { note = Text() } },
            1 => new { _key = prefix + i, text = (object)new { one = Text(), two = Text() } },
            2 => new { _key = prefix + i, text = (object)42 },
            3 => new { _key = prefix + i, other = Text() },
            _ => new { _key = prefix + i, text = (object)Text(), meta = new { note = Text() } },
        })).ToArray();
    }

    private async Task<(string Fabric, string Collection)> SeedAsync(params object[] documents)
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), documents)).ShouldBe(202);
        return (fabric, collection);
    }

    /// <summary>What FULLTEXT answered when it checked every document: those whose attribute's words the query matches, in key order.</summary>
    private async Task<List<string>> CheckedOneByOneAsync(string region, string fabric, string collection, string attribute, int minLength, string search, int limit = int.MaxValue)
    {
        var query = FulltextQuery.Parse(search);
        var all = await fx.Api(region).QueryAsync(fabric, $"FOR d IN {collection} RETURN d");
        return all.Rows.Select(row => C8Json.Parse(Encoding.UTF8.GetBytes(row!.ToJsonString())).AsObject)
            .Where(document => query.Matches(FulltextQuery.Words(AttributePaths.Read(document, attribute), minLength)))
            .Select(document => document["_key"].AsString).Order(StringComparer.Ordinal).Take(limit).ToList();
    }

    private async Task<CursorRun> FulltextAsync(string region, string fabric, string collection, string attribute, string search, int? limit = null) =>
        await fx.Api(region).QueryAsync(fabric, $"FOR d IN FULLTEXT({collection}, @attribute, @search{(limit is null ? "" : ", " + limit)}) RETURN d._key",
            new { bindVars = new { attribute, search } });

    /// <summary>Every search of the corpus answers what checking each document answers, reading fewer documents than the collection has.</summary>
    private async Task AnswersAsCheckingEveryDocumentAsync(string region, string fabric, string collection, string attribute, int minLength)
    {
        var total = (await fx.Api(region).QueryAsync(fabric, $"RETURN LENGTH({collection})")).Rows[0]!.GetValue<long>();
        foreach (var search in Searches)
        {
            var expected = await CheckedOneByOneAsync(region, fabric, collection, attribute, minLength, search);
            var run = await FulltextAsync(region, fabric, collection, attribute, search);
            Assert.True(expected.SequenceEqual(run.Rows.Select(r => r!.GetValue<string>())), $"{region}, '{search}': expected {string.Join(",", expected)}, got {run.Rows.ToJsonString()}");
            Assert.Equal(0, run.Stats.Long("scannedFull"));
            var read = run.Stats.Long("scannedIndex") ?? 0;
            Assert.InRange(read, expected.Count, Math.Max(expected.Count, total - 1));
            if (!search.StartsWith('-'))
            {
                // Without a change pending, the index names exactly the documents found.
                Assert.Equal(expected.Count, read);
            }
        }
        var limited = await CheckedOneByOneAsync(region, fabric, collection, attribute, minLength, "prefix:ban", limit: 3);
        var run3 = await FulltextAsync(region, fabric, collection, attribute, "prefix:ban", limit: 3);
        Assert.Equal(limited, run3.Rows.Select(r => r!.GetValue<string>()));
        Assert.Equal(3, run3.Stats.Long("scannedIndex"));
    }

    [Fact]
    public async Task Fulltext_reads_only_what_its_index_finds_and_answers_what_checking_every_document_answers()
    {
        var (fabric, collection) = await SeedAsync(Corpus(300, seed: 15, prefix: "k"));
        // Built over the documents stored already; the rest are written with the index in place.
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" }, minLength = 2 })).ShouldBe(201);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "meta.note" }, minLength = 1 })).ShouldBe(201);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), Corpus(200, seed: 16, prefix: "n"))).ShouldBe(202);
        await AnswersAsCheckingEveryDocumentAsync(Dc.UsWest, fabric, collection, "text", 2);
        await AnswersAsCheckingEveryDocumentAsync(Dc.UsWest, fabric, collection, "meta.note", 1);

        // Replaced, updated, removed and rewritten by a query: the index follows every kind of write.
        var rewrites = Corpus(60, seed: 17, prefix: "k");
        (await fx.Api().PutAsync(Paths.Documents(fabric, collection), rewrites.Take(30).ToArray())).ShouldBe(202);
        (await fx.Api().PatchAsync(Paths.Documents(fabric, collection), rewrites.Skip(30).ToArray())).ShouldBe(202);
        (await fx.Api().DeleteAsync(Paths.Documents(fabric, collection), Enumerable.Range(100, 40).Select(i => "k" + i).ToArray())).ShouldBe(202);
        await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER LIKE(d._key, 'n1%') UPDATE d WITH {{ text: CONCAT('zebra river ', d._key) }} IN {collection}");
        await fx.Api().QueryAsync(fabric, $"FOR d IN {collection} FILTER LIKE(d._key, 'n2%') REMOVE d IN {collection}");
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            await AnswersAsCheckingEveryDocumentAsync(region, fabric, collection, "text", 2);
            await AnswersAsCheckingEveryDocumentAsync(region, fabric, collection, "meta.note", 1);
        }
    }

    /// <summary>How many words a region's copy of the index holds, and how many triggers keep it.</summary>
    private (long Words, long Triggers) StoredWords(string region, string indexId)
    {
        var id = indexId[(indexId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var store = fx.Host.Cluster.Regions.Single(r => r.Name == region).Store;
        return store.Read(reader =>
        {
            using var command = reader.Connection.CreateCommand();
            command.CommandText = $"SELECT (SELECT COUNT(*) FROM terms WHERE ix = {id}), (SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'terms_{id}_*')";
            using var row = command.ExecuteReader();
            row.Read();
            return (row.GetInt64(0), row.GetInt64(1));
        });
    }

    [Fact]
    public async Task Documents_written_in_another_region_are_found_through_its_copy()
    {
        var (fabric, collection) = await SeedAsync(new { _key = "old", text = "zebra" });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201);
        (await fx.Api(Dc.EuCentral).PostAsync(Paths.Documents(fabric, collection), new { _key = "new", text = "Zebra crossing" })).ShouldBe(202);
        await fx.DrainAsync();
        (await fx.Api(Dc.ApSouth).PatchAsync(Paths.Document(fabric, collection, "old"), new { text = "horse" })).ShouldBe(202);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            var run = await FulltextAsync(region, fabric, collection, "text", "zebra");
            Assert.Equal(["new"], run.Rows.Select(r => r!.GetValue<string>()));
            Assert.Equal(1, run.Stats.Long("scannedIndex"));
            Assert.Equal(["old"], (await FulltextAsync(region, fabric, collection, "text", "horse")).Rows.Select(r => r!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Truncating_dropping_and_creating_again_leave_no_words_behind()
    {
        var (fabric, collection) = await SeedAsync(new { _key = "a", text = "zebra" }, new { _key = "b", text = "zebra fox" });
        var created = (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201).Object;
        (await fx.Api().PutAsync(Paths.Collection(fabric, collection, "truncate"))).ShouldBe(200);
        await fx.DrainAsync();
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { _key = "c", text = "fox" })).ShouldBe(202);
        var afterTruncate = await FulltextAsync(Dc.UsWest, fabric, collection, "text", "zebra,|fox");
        Assert.Equal(["c"], afterTruncate.Rows.Select(r => r!.GetValue<string>()));
        Assert.Equal(1, afterTruncate.Stats.Long("scannedIndex"));

        (await fx.Api().DeleteAsync(Paths.Fabric(fabric, "index/" + created.Str("id")))).ShouldBe(200);
        (await fx.Api().OpenCursorAsync(fabric, $"RETURN FULLTEXT({collection}, 'text', 'fox')")).ShouldFail(400, 1571);
        (await fx.Api().PostAsync(Paths.Documents(fabric, collection), new { _key = "d", text = "fox" })).ShouldBe(202);
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201);
        Assert.Equal(["c", "d"], (await FulltextAsync(Dc.UsWest, fabric, collection, "text", "fox")).Rows.Select(r => r!.GetValue<string>()));

        var recreated = (await fx.Api().GetAsync(Index(fabric, collection))).ShouldBe(200).Object.Arr("indexes")[1]!.Str("id")!;
        await fx.DrainAsync();
        Assert.All(Dc.All, region => Assert.Equal((0, 0), StoredWords(region, created.Str("id")!)));
        Assert.All(Dc.All, region => Assert.Equal((2, 3), StoredWords(region, recreated)));
        (await fx.Api().DeleteAsync(Paths.Collection(fabric, collection))).ShouldBe(200);
        Assert.All(Dc.All, region => Assert.Equal((0, 0), StoredWords(region, recreated)));
        var again = await fx.CreateCollectionAsync(fabric);
        (await fx.Api().PostAsync(Paths.Documents(fabric, again), new { _key = "e", text = "fox" })).ShouldBe(202);
        (await fx.Api().PostAsync(Index(fabric, again), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201);
        var fresh = await FulltextAsync(Dc.UsWest, fabric, again, "text", "fox");
        Assert.Equal(["e"], fresh.Rows.Select(r => r!.GetValue<string>()));
        Assert.Equal(1, fresh.Stats.Long("scannedIndex"));
    }

    /// <summary>A modifying query's writes reach the store only when it ends; FULLTEXT within it (the collection named by a value, so it may be read after the writes) sees them all the same.</summary>
    [Fact]
    public async Task A_query_finds_the_documents_it_wrote_itself()
    {
        var (fabric, collection) = await SeedAsync(new { _key = "a", text = "zebra" }, new { _key = "b", text = "horse" });
        (await fx.Api().PostAsync(Index(fabric, collection), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201);
        var query = $$"""
            LET changed = (FOR d IN {{collection}} UPDATE d WITH { text: d.text == 'zebra' ? 'horse' : 'zebra' } IN {{collection}} RETURN 1)
            LET name = CONCAT('', @collection)
            RETURN [FULLTEXT(name, 'text', 'zebra')[*]._key, FULLTEXT(name, 'text', 'horse,-zebra')[*]._key]
            """;
        var opened = await fx.Api().OpenCursorAsync(fabric, query, new { bindVars = new { collection } });
        Assert.Equal("""[["b"],["a"]]""", opened.ShouldBe(201).Object.Arr("result")[0]!.ToJsonString());
    }
}
