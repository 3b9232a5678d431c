using PSC8.Server.Storage;

namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// A region's writer owes a deferring collection's indexes the entries of the documents as they are when the
/// transaction ends: inserted, written again, removed, in one transaction, on SQLite itself (paths the HTTP API
/// cannot put into one transaction are covered here).
/// </summary>
public sealed class DeferredEntriesTests : IDisposable
{
    private const long Collection = 7;
    private readonly string _directory = Directory.CreateTempSubdirectory("psc8-deferred-").FullName;
    private readonly RegionStore _store;

    private static readonly IndexInfo ByN = Index(1, ["n"], sparse: false);
    private static readonly IndexInfo ByNAndM = Index(2, ["n", "m"], sparse: true);

    public DeferredEntriesTests()
    {
        _store = new RegionStore("r1", Path.Combine(_directory, "region.db"), durable: false);
        _store.CreateIndex(ByN, Collection);
        _store.CreateIndex(ByNAndM, Collection);
    }

    private static IndexInfo Index(long id, string[] fields, bool sparse) =>
        new(id, Collection, "persistent", fields, Unique: false, Sparse: sparse, Deduplicate: true, "idx" + id, null, false, null);

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private static byte[] Number(double n) => IndexKey.Encode(C8Value.From(n));

    /// <summary>The document keys an index holds under the leading keys, read from the entries.</summary>
    private List<string> Found(IndexInfo index, params byte[][] prefix) => _store.Read(reader =>
        reader.IndexScan(index, Collection, KeyRange.Under(prefix)).Select(document => document.Key).ToList());

    /// <summary>The document keys of all the index's entries, whether their documents are there or not.</summary>
    private List<string> Entries(IndexInfo index) => _store.Read(reader =>
    {
        using var command = reader.Connection.CreateCommand();
        command.CommandText = $"SELECT key FROM ixe_{index.Id} ORDER BY key";
        using var rows = command.ExecuteReader();
        var keys = new List<string>();
        while (rows.Read())
        {
            keys.Add(rows.GetString(0));
        }
        return keys;
    });

    [Fact]
    public void Entries_follow_the_documents_as_the_transaction_leaves_them()
    {
        _store.Write(writer =>
        {
            writer.Put(Collection, "kept", 1, "r1", Body("""{"n":5}"""));
            return 0;
        });
        _store.Write(writer =>
        {
            writer.DeferEntries(Collection, [ByN, ByNAndM]);
            // The first document goes through the triggers; the others are deferred.
            Assert.True(writer.PutNew(Collection, "first", 8, "r1", Body("""{"n":7}""")));
            Assert.True(writer.PutNew(Collection, "a", 2, "r1", Body("""{"n":1,"m":"x"}""")));
            Assert.True(writer.PutNew(Collection, "b", 3, "r1", Body("""{"n":1}""")));
            Assert.True(writer.PutNew(Collection, "c", 4, "r1", Body("""{"n":1,"m":"y"}""")));
            Assert.False(writer.PutNew(Collection, "kept", 5, "r1", Body("""{"n":9}""")));
            writer.Delete(Collection, "a");
            writer.Put(Collection, "b", 6, "r1", Body("""{"n":2,"m":"z"}"""));
            writer.Put(Collection, "kept", 7, "r1", Body("""{"n":3}"""));
            return 0;
        });
        Assert.Equal(["c"], Found(ByN, Number(1)));
        Assert.Equal(["b"], Found(ByN, Number(2)));
        Assert.Equal(["kept"], Found(ByN, Number(3)));
        Assert.Empty(Found(ByN, Number(5)));
        Assert.Empty(Found(ByN, Number(9)));
        Assert.Equal(["c"], Found(ByNAndM, Number(1)));
        Assert.Equal(["b"], Found(ByNAndM, Number(2)));
        Assert.Empty(Found(ByNAndM, Number(3)));
        Assert.Equal(["first"], Found(ByN, Number(7)));
        Assert.Equal(["b", "c", "first", "kept"], Entries(ByN));
        Assert.Equal(["b", "c"], Entries(ByNAndM));
    }

    [Fact]
    public void A_large_batch_gets_every_entry_once()
    {
        _store.Write(writer =>
        {
            writer.DeferEntries(Collection, [ByN, ByNAndM]);
            for (var i = 0; i < 150; i++)
            {
                writer.PutNew(Collection, $"d{i:D3}", i + 1, "r1", Body($$"""{"n":{{i % 3}},"m":{{(i % 2 == 0 ? i : "null")}}}"""));
            }
            writer.Delete(Collection, "d000");
            return 0;
        });
        Assert.Equal(Enumerable.Range(1, 149).Select(i => $"d{i:D3}"), Entries(ByN));
        Assert.Equal(Enumerable.Range(1, 149).Where(i => i % 2 == 0).Select(i => $"d{i:D3}"), Entries(ByNAndM));
        Assert.Equal(Enumerable.Range(1, 149).Where(i => i % 3 == 1).Select(i => $"d{i:D3}"), Found(ByN, Number(1)));
    }

    [Fact]
    public void A_rolled_back_transaction_owes_the_next_one_nothing()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Write<int>(writer =>
        {
            writer.DeferEntries(Collection, [ByN]);
            writer.PutNew(Collection, "gone1", 1, "r1", Body("""{"n":4}"""));
            writer.PutNew(Collection, "gone2", 2, "r1", Body("""{"n":4}"""));
            throw new InvalidOperationException("abandoned");
        }));
        _store.Write(writer =>
        {
            writer.DeferEntries(Collection, [ByN]);
            writer.PutNew(Collection, "here1", 3, "r1", Body("""{"n":4}"""));
            writer.PutNew(Collection, "here2", 4, "r1", Body("""{"n":4}"""));
            return 0;
        });
        Assert.Equal(["here1", "here2"], Found(ByN, Number(4)));
        Assert.Equal(["here1", "here2"], Entries(ByN));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
