using System.Collections;
using System.Text.Json;
using PSC8.Client;
using PSC8.Client.Automation;
using PSC8.Client.Models;
using PSC8.Engine;
using PSC8.Json;
using PSC8.Module.Tests.Infrastructure;

namespace PSC8.Module.Tests.Live;

/// <summary>What the document cmdlets do (convert input, batch, map per-item failures), against C8 Local.</summary>
[Collection(C8LocalCollection.Name)]
public sealed class DocumentTests(C8LocalFixture c8)
{
    private static readonly DocumentJson Json = new(ReflectionShape.Instance);

    public static readonly object[] Accounts =
    {
        new Hashtable { ["_key"] = "1", ["firstname"] = "Peter", ["lastname"] = "Parker", ["City"] = "NewYork" },
        new Hashtable { ["_key"] = "2", ["firstname"] = "Bruce", ["lastname"] = "Wayne", ["City"] = "Gotham" },
        """{"_key":"3","firstname":"Clark","lastname":"Kent","City":"Manhatten"}""",
        new Hashtable { ["_key"] = "4", ["firstname"] = "Ned", ["lastname"] = "Stark", ["City"] = "Winterfell" },
        """{"_key":"5","firstname":"Tywin","lastname":"Lannister","City":"Kings Landing"}""",
    };

    [Fact]
    public async Task Pipeline_input_is_inserted_in_batches_and_Ignore_avoids_duplicates()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = C8LocalFixture.Unique("accounts");
        await root.Collections.CreateAsync(null, collection);
        try
        {
            var first = await AddAsync(root, collection, Accounts, batchSize: 2, C8OverwriteMode.Ignore);
            var second = await AddAsync(root, collection, Accounts, batchSize: 2, C8OverwriteMode.Ignore);

            Assert.Equal((5, 3, 0L), (first.Items.Count, first.Batcher.BatchesSent, first.Batcher.ErrorCount));
            Assert.Equal(0, second.Batcher.ErrorCount);
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, first.Items.Select(i => i.Result!.Key));
            Assert.Equal(5, await root.Collections.CountAsync(null, collection));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task Duplicates_without_Ignore_fail_per_document_with_a_stable_id()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = C8LocalFixture.Unique("accounts");
        await root.Collections.CreateAsync(null, collection);
        try
        {
            await AddAsync(root, collection, Accounts.Take(2), batchSize: 500, null);
            var again = await AddAsync(root, collection, Accounts, batchSize: 500, null);

            var failed = again.Items.Where(i => i.IsError).ToArray();
            Assert.Equal(new long[] { 0, 1 }, failed.Select(i => i.Index));
            Assert.Same(Accounts[0], failed[0].Input.Source);
            var info = C8ErrorInfo.ForItem(failed[0].Result!.Error!);
            Assert.Equal(("C8.DuplicateKey", C8ErrorMapping.Categories.ResourceExists, false), (info.ErrorId, info.Category, info.Terminating));
            Assert.Equal(5, await root.Collections.CountAsync(null, collection));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task Documents_come_back_as_typed_objects()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = C8LocalFixture.Unique("docs");
        await root.Collections.CreateAsync(null, collection);
        try
        {
            await AddAsync(root, collection, new object[] { new Hashtable { ["_key"] = "k", ["address"] = new Hashtable { ["city"] = "Gotham" }, ["tags"] = new[] { "a", "b" }, ["n"] = 7 } }, 10, null);

            var stored = (await root.Documents.GetAsync(null, collection, "k"))!.Value;
            var doc = Assert.IsType<TypedBag>(JsonObjects.ToRow(stored, DictionaryBuilder.Instance));

            Assert.Equal(JsonObjects.DocumentTypeName, doc.TypeName);
            Assert.Equal(collection + "/k", doc["_id"]);
            Assert.NotNull(doc["_rev"]);
            Assert.Equal("Gotham", Assert.IsType<TypedBag>(doc["address"])["city"]);
            Assert.Equal(new object?[] { "a", "b" }, Assert.IsType<object?[]>(doc["tags"]));
            Assert.Equal(7, doc["n"]);
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task A_merge_with_a_stale_revision_is_a_precondition_failure()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = C8LocalFixture.Unique("docs");
        await root.Collections.CreateAsync(null, collection);
        try
        {
            var inserted = (await AddAsync(root, collection, new object[] { """{"_key":"k","v":1}""" }, 10, null)).Items[0].Result!;
            var patch = Assert.Single(Json.ToDocuments(new Hashtable { ["v"] = 2 }));

            var updated = await root.Documents.UpdateAsync(null, collection, DocumentKeys.Resolve("k", patch), patch, new C8UpdateOptions { IfMatch = inserted.Rev, ReturnNew = true });
            var stale = await Assert.ThrowsAsync<C8ApiException>(() => root.Documents.UpdateAsync(null, collection, "k", patch, new C8UpdateOptions { IfMatch = inserted.Rev }));

            Assert.Equal(2, updated.New!.Value.GetProperty("v").GetInt32());

            // Set-C8Document -Replace with a piped document: the body still carries _id, _key and _rev.
            var whole = Assert.Single(Json.ToDocuments(updated.New!.Value.GetRawText().Replace("\"v\":2", "\"v\":3", StringComparison.Ordinal)));
            var replaced = await root.Documents.ReplaceAsync(null, collection, DocumentKeys.Resolve(null, whole), whole, new C8ReplaceOptions { IfMatch = updated.Rev, ReturnNew = true });
            Assert.Equal(3, replaced.New!.Value.GetProperty("v").GetInt32());
            Assert.Equal("k", replaced.Key);
            var info = C8ErrorInfo.From(stale);
            Assert.Equal(("C8.PreconditionFailed", C8ErrorMapping.Categories.InvalidOperation, false), (info.ErrorId, info.Category, info.Terminating));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    [Fact]
    public async Task Bulk_removal_reports_missing_keys_and_stale_revisions_per_key()
    {
        using var root = await c8.ConnectRootAsync();
        var collection = C8LocalFixture.Unique("docs");
        await root.Collections.CreateAsync(null, collection);
        try
        {
            await AddAsync(root, collection, Accounts, 500, null);

            var plain = new DocumentBatcher<string>(2, (batch, token) => root.Documents.DeleteManyAsync(null, collection, batch, null, token));
            var results = new List<C8BatchItem<string>>();
            foreach (var key in new[] { "1", "missing", "2" })
            {
                results.AddRange(await plain.AddAsync(key));
            }

            results.AddRange(await plain.FlushAsync());
            var missing = Assert.Single(results, r => r.IsError);
            Assert.Equal("missing", missing.Input);
            Assert.Equal("C8.DocumentNotFound", C8ErrorInfo.ForItem(missing.Result!.Error!).ErrorId);

            var stale = await root.Documents.DeleteManyAsync(null, collection, new[] { "3" }, (w, key) =>
            {
                w.WriteStartObject();
                w.WriteString("_key", key);
                w.WriteString("_rev", "stale");
                w.WriteEndObject();
            }, new C8DeleteOptions { IgnoreRevs = false });
            Assert.Equal("C8.PreconditionFailed", C8ErrorInfo.ForItem(Assert.Single(stale).Error!).ErrorId);
            Assert.Equal(3, await root.Collections.CountAsync(null, collection));
        }
        finally
        {
            await root.Collections.DeleteAsync(null, collection);
        }
    }

    /// <summary>What Add-C8Document does with its input: convert each item on arrival, batch, flush at the end.</summary>
    internal static async Task<(List<C8BatchItem<Pending>> Items, DocumentBatcher<Pending> Batcher)> AddAsync(C8Connection client, string collection, IEnumerable<object> inputs, int batchSize, C8OverwriteMode? mode, string? fabric = null)
    {
        var options = new C8InsertOptions { OverwriteMode = mode };
        var batcher = new DocumentBatcher<Pending>(batchSize, (batch, token) =>
            client.Documents.InsertManyAsync(fabric, collection, batch, (w, p) => p.Json.WriteTo(w), options, token));
        var items = new List<C8BatchItem<Pending>>();
        foreach (var input in inputs)
        {
            foreach (var document in Json.ToDocuments(input))
            {
                items.AddRange(await batcher.AddAsync(new Pending(input, document)));
            }
        }

        items.AddRange(await batcher.FlushAsync());
        return (items, batcher);
    }

    internal sealed record Pending(object Source, JsonElement Json);
}
