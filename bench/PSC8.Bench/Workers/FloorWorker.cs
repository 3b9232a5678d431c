using PSC8.Server.Storage;

namespace PSC8.Bench.Workers;

/// <summary>
/// The physical floor: the same inserts and scans done in-process on C8 Local's own storage (RegionStore: same
/// schema, same pragmas, same prepared statements), with no HTTP, JSON parsing, keys, revisions or replication
/// log. One transaction per --batch documents, as one bulk request is one transaction on the server. Bodies are
/// serialised once beforehand, with _key, _id and _rev, so they are as large as what the server stores.
/// </summary>
public static class FloorWorker
{
    private const long MeasuredCollection = 1;
    private const long WarmupCollection = 2;
    private const int KeyStride = 10; // generated keys are value * 10 + region index on a C8 Local of ≤ 10 regions

    public static async Task RunAsync(WorkerContext context)
    {
        var docs = context.Args.Long("docs", 1_000_000);
        var batch = context.Args.Int("batch", 1000);
        var durable = context.Args.Required("mode") == "durable";
        var folder = context.Args.Required("dir");
        context.Args.RejectUnknown();
        Directory.CreateDirectory(folder);
        var bodies = Accounts.Pool(batch).Select(StoredBody).ToArray();
        using var store = new RegionStore("floor", Path.Combine(folder, "floor.db"), durable);
        Insert(store, WarmupCollection, batch, batch, bodies);
        Scan(store, WarmupCollection);

        await WorkerContext.WaitForGoAsync();
        var insertMeter = WorkMeter.Start();
        Insert(store, MeasuredCollection, docs, batch, bodies);
        var (insertSeconds, _) = insertMeter.Stop();
        var scanMeter = WorkMeter.Start();
        var rows = Scan(store, MeasuredCollection);
        var (scanSeconds, _) = scanMeter.Stop();
        if (rows != docs)
        {
            throw new InvalidOperationException($"The floor scan read {rows} rows, not {docs}.");
        }
        WorkerContext.Report(new JsonObject
        {
            ["docs"] = docs,
            ["insertSeconds"] = insertSeconds,
            ["scanSeconds"] = scanSeconds,
            ["storedBytesPerDoc"] = bodies.Average(b => b.Length),
        });
    }

    private static void Insert(RegionStore store, long collection, long docs, int batch, byte[][] bodies)
    {
        long next = 1;
        while (next <= docs)
        {
            var first = next;
            var count = (int)Math.Min(batch, docs - next + 1);
            store.Write(writer =>
            {
                for (var i = 0; i < count; i++)
                {
                    var value = first + i;
                    writer.Put(collection, (value * KeyStride).ToString(CultureInfo.InvariantCulture), value, "floor", bodies[i]);
                }
                return count;
            });
            next += count;
        }
    }

    private static long Scan(RegionStore store, long collection) => store.Read(reader =>
    {
        long rows = 0;
        foreach (var document in reader.Scan(collection))
        {
            // Reading the body's length makes sure the blob was fetched, as the server's scan does.
            rows += Math.Sign(document.Body.Length);
        }
        return rows;
    });

    /// <summary>The document as the server stores it: system attributes first, then the user's.</summary>
    private static byte[] StoredBody(Account account, int index)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var key = ((index + 1L) * 100_000 * KeyStride).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString("_key", key);
            writer.WriteString("_id", "accounts/" + key);
            writer.WriteString("_rev", "_ABCDEFGHIJKL");
            Accounts.WriteMembers(writer, account);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
