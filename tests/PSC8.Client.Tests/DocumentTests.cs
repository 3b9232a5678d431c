using PSC8.Client.Batching;
using PSC8.Client.Json;

namespace PSC8.Client.Tests;

public sealed class DocumentTests(C8LocalFixture fixture) : CollectionTest(fixture, C)
{
    private const string C = "docs";

    [Fact]
    public async Task Inserts_one_and_reads_it_back()
    {
        var result = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"peter\",\"name\":\"Peter\",\"city\":\"Zürich\"}"), new C8InsertOptions { ReturnNew = true });
        Assert.Equal("peter", result.Key);
        Assert.Equal(C + "/peter", result.Id);
        Assert.False(string.IsNullOrEmpty(result.Rev));
        Assert.Equal("Peter", result.New!.Value.GetProperty("name").GetString());
        Assert.False(result.IsError);

        var doc = (await Root.Documents.GetAsync(Fabric, C, "peter"))!.Value;
        Assert.Equal("Zürich", doc.GetProperty("city").GetString());
        Assert.Equal(result.Rev, doc.GetProperty("_rev").GetString());
        Assert.True(await Root.Documents.ExistsAsync(Fabric, C, "peter"));
        Assert.False(await Root.Documents.ExistsAsync(Fabric, C, "nobody"));
    }

    [Fact]
    public async Task Server_generated_keys_and_unusual_keys_round_trip()
    {
        var generated = await Root.Documents.InsertAsync(Fabric, C, J("{\"x\":1}"));
        Assert.False(string.IsNullOrEmpty(generated.Key));
        Assert.NotNull(await Root.Documents.GetAsync(Fabric, C, generated.Key!));

        const string odd = "a:b@c(1)+d,e=f;g$h!i*j'k%l";
        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":" + JsonSerializer.Serialize(odd) + ",\"v\":2}"));
        var doc = (await Root.Documents.GetAsync(Fabric, C, odd))!.Value;
        Assert.Equal(odd, doc.GetProperty("_key").GetString());
        await Root.Documents.DeleteAsync(Fabric, C, odd);
    }

    [Fact]
    public async Task Conditional_reads_use_If_None_Match_and_If_Match()
    {
        var inserted = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"cond\",\"v\":1}"));

        Assert.Null(await Root.Documents.GetAsync(Fabric, C, "cond", new C8ReadOptions { IfNoneMatch = inserted.Rev }));
        Assert.NotNull(await Root.Documents.GetAsync(Fabric, C, "cond", new C8ReadOptions { IfNoneMatch = "_stale_rev_" }));
        Assert.NotNull(await Root.Documents.GetAsync(Fabric, C, "cond", new C8ReadOptions { IfMatch = inserted.Rev }));

        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.GetAsync(Fabric, C, "cond", new C8ReadOptions { IfMatch = "_stale_rev_" }));
        Assert.Equal(412, ex.StatusCode);
        Assert.Equal(1200, ex.ErrorNum);
        Assert.Equal("C8.PreconditionFailed", ex.ErrorId);
        Assert.Equal(inserted.Rev, ex.CurrentRevision);
    }

    [Fact]
    public async Task Missing_document_and_duplicate_key_map_to_stable_errors()
    {
        var missing = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.GetAsync(Fabric, C, "ghost"));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(1202, missing.ErrorNum);
        Assert.Equal("C8.DocumentNotFound", missing.ErrorId);
        Assert.Equal("ObjectNotFound", missing.Category);
        Assert.Equal("GET", missing.Method);
        Assert.Equal("/_fabric/" + Fabric + "/_api/document/" + C + "/ghost", missing.Path);

        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"dup\"}"));
        var dup = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"dup\"}")));
        Assert.Equal(409, dup.StatusCode);
        Assert.Equal(1210, dup.ErrorNum);
        Assert.Equal("C8.DuplicateKey", dup.ErrorId);
        Assert.Equal("ResourceExists", dup.Category);

        var noCollection = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.InsertAsync(Fabric, "no_such_collection", J("{}")));
        Assert.Equal("C8.CollectionNotFound", noCollection.ErrorId);

        var badKey = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"has space\"}")));
        Assert.Equal("C8.IllegalDocumentKey", badKey.ErrorId);
    }

    [Fact]
    public async Task Insert_many_keeps_per_item_errors_in_order()
    {
        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"b\"}"));
        var results = await Root.Documents.InsertManyAsync(Fabric, C, Docs("[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]"));

        Assert.Equal(3, results.Count);
        Assert.Equal(1, results.ErrorCount);
        Assert.Equal("a", results[0].Key);
        Assert.True(results[1].IsError);
        Assert.Equal(1210, results[1].Error!.ErrorNum);
        Assert.Equal("C8.DuplicateKey", results[1].Error!.ErrorId);
        Assert.Equal("ResourceExists", results[1].Error!.Category);
        Assert.Equal("c", results[2].Key);
        Assert.Contains("1210", results.ErrorCodes ?? string.Empty);
    }

    [Fact]
    public async Task Overwrite_modes_decide_what_happens_to_an_existing_key()
    {
        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"k\",\"a\":1,\"b\":1}"));

        var ignored = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"k\",\"a\":9}"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Ignore });
        Assert.False(ignored.IsError);
        Assert.Equal(1, (await Root.Documents.GetAsync(Fabric, C, "k"))!.Value.GetProperty("a").GetInt32());

        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"k\",\"a\":2}"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Update });
        var updated = (await Root.Documents.GetAsync(Fabric, C, "k"))!.Value;
        Assert.Equal(2, updated.GetProperty("a").GetInt32());
        Assert.Equal(1, updated.GetProperty("b").GetInt32());

        var replaced = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"k\",\"a\":3}"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Replace, ReturnOld = true });
        Assert.Equal(2, replaced.Old!.Value.GetProperty("a").GetInt32());
        var after = (await Root.Documents.GetAsync(Fabric, C, "k"))!.Value;
        Assert.Equal(3, after.GetProperty("a").GetInt32());
        Assert.False(after.TryGetProperty("b", out _));

        var conflict = await Root.Documents.InsertManyAsync(Fabric, C, Docs("[{\"_key\":\"k\"}]"), new C8InsertOptions { OverwriteMode = C8OverwriteMode.Conflict });
        Assert.Equal(1210, Assert.Single(conflict).Error?.ErrorNum);

        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"k\",\"z\":1}"), new C8InsertOptions { Overwrite = true });
        var overwritten = (await Root.Documents.GetAsync(Fabric, C, "k"))!.Value;
        Assert.Equal(1, overwritten.GetProperty("z").GetInt32());
        Assert.False(overwritten.TryGetProperty("a", out _));
    }

    [Fact]
    public async Task Silent_writes_return_no_items()
    {
        var batch = await Root.Documents.InsertManyAsync(Fabric, C, Docs("[{\"_key\":\"s1\"},{\"_key\":\"s2\"}]"), new C8InsertOptions { Silent = true });
        Assert.True(batch.IsSilent);
        Assert.Empty(batch);
        var single = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"s3\"}"), new C8InsertOptions { Silent = true });
        Assert.Null(single.Key);
        Assert.Equal(3, await Root.Collections.CountAsync(Fabric, C));
    }

    [Fact]
    public async Task Replace_and_update_one_with_revision_checks()
    {
        var v1 = await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"r\",\"a\":1,\"sub\":{\"x\":1,\"y\":1},\"gone\":true}"));

        var v2 = await Root.Documents.ReplaceAsync(Fabric, C, "r", J("{\"a\":2,\"sub\":{\"x\":1,\"y\":1},\"gone\":true}"), new C8ReplaceOptions { IfMatch = v1.Rev, ReturnOld = true, ReturnNew = true });
        Assert.Equal(v1.Rev, v2.OldRev);
        Assert.NotEqual(v1.Rev, v2.Rev);
        Assert.Equal(1, v2.Old!.Value.GetProperty("a").GetInt32());
        Assert.Equal(2, v2.New!.Value.GetProperty("a").GetInt32());

        var stale = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.ReplaceAsync(Fabric, C, "r", J("{\"a\":3}"), new C8ReplaceOptions { IfMatch = v1.Rev }));
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal("C8.PreconditionFailed", stale.ErrorId);
        Assert.Equal(v2.Rev, stale.CurrentRevision);

        await Root.Documents.UpdateAsync(Fabric, C, "r", J("{\"sub\":{\"y\":2},\"gone\":null}"), new C8UpdateOptions { KeepNull = false, IfMatch = v2.Rev });
        var merged = (await Root.Documents.GetAsync(Fabric, C, "r"))!.Value;
        Assert.Equal(1, merged.GetProperty("sub").GetProperty("x").GetInt32());
        Assert.Equal(2, merged.GetProperty("sub").GetProperty("y").GetInt32());
        Assert.False(merged.TryGetProperty("gone", out _));

        await Root.Documents.UpdateAsync(Fabric, C, "r", J("{\"sub\":{\"z\":3},\"kept\":null}"), new C8UpdateOptions { MergeObjects = false });
        var overwritten = (await Root.Documents.GetAsync(Fabric, C, "r"))!.Value;
        Assert.False(overwritten.GetProperty("sub").TryGetProperty("x", out _));
        Assert.Equal(3, overwritten.GetProperty("sub").GetProperty("z").GetInt32());
        Assert.Equal(JsonValueKind.Null, overwritten.GetProperty("kept").ValueKind);

        var missing = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.UpdateAsync(Fabric, C, "nobody", J("{\"a\":1}")));
        Assert.Equal("C8.DocumentNotFound", missing.ErrorId);
    }

    [Fact]
    public async Task Replace_and_update_many_keep_per_item_errors()
    {
        await Root.Documents.InsertManyAsync(Fabric, C, Docs("[{\"_key\":\"m1\",\"a\":1},{\"_key\":\"m2\",\"a\":1}]"));

        var replaced = await Root.Documents.ReplaceManyAsync(Fabric, C, Docs("[{\"_key\":\"m1\",\"a\":2},{\"_key\":\"missing\",\"a\":2},{\"_key\":\"m2\",\"a\":2}]"));
        Assert.Equal(3, replaced.Count);
        Assert.False(replaced[0].IsError);
        Assert.Equal(1202, replaced[1].Error?.ErrorNum);
        Assert.Equal("C8.DocumentNotFound", replaced[1].Error?.ErrorId);
        Assert.False(replaced[2].IsError);
        Assert.False(string.IsNullOrEmpty(replaced[0].OldRev));

        var updated = await Root.Documents.UpdateManyAsync(Fabric, C, Docs("[{\"_key\":\"m1\",\"b\":3},{\"_key\":\"missing\",\"b\":3}]"), new C8UpdateOptions { ReturnNew = true });
        Assert.Equal(2, updated[0].New!.Value.GetProperty("a").GetInt32());
        Assert.Equal(3, updated[0].New!.Value.GetProperty("b").GetInt32());
        Assert.True(updated[1].IsError);

        var revChecked = await Root.Documents.ReplaceManyAsync(Fabric, C, Docs("[{\"_key\":\"m2\",\"_rev\":\"_stale_\",\"a\":9}]"), new C8ReplaceOptions { IgnoreRevs = false });
        Assert.Equal(1200, Assert.Single(revChecked).Error?.ErrorNum);
    }

    [Fact]
    public async Task Deletes_one_and_many()
    {
        await Root.Documents.InsertManyAsync(Fabric, C, Docs("[{\"_key\":\"d1\",\"a\":1},{\"_key\":\"d2\"},{\"_key\":\"d3\"}]"));

        var one = await Root.Documents.DeleteAsync(Fabric, C, "d1", new C8DeleteOptions { ReturnOld = true });
        Assert.Equal("d1", one.Key);
        Assert.Equal(1, one.Old!.Value.GetProperty("a").GetInt32());

        var again = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.DeleteAsync(Fabric, C, "d1"));
        Assert.Equal("C8.DocumentNotFound", again.ErrorId);

        var d2 = (await Root.Documents.GetAsync(Fabric, C, "d2"))!.Value.GetProperty("_rev").GetString();
        var stale = await Assert.ThrowsAsync<C8ApiException>(() => Root.Documents.DeleteAsync(Fabric, C, "d2", new C8DeleteOptions { IfMatch = "_stale_" }));
        Assert.Equal(412, stale.StatusCode);

        var many = await Root.Documents.DeleteManyAsync(Fabric, C, new[] { "d2", "nope", "d3" });
        Assert.Equal(3, many.Count);
        Assert.Equal("d2", many[0].Key);
        Assert.Equal(d2, many[0].Rev);
        Assert.Equal(1202, many[1].Error?.ErrorNum);
        Assert.False(many[2].IsError);
        Assert.Equal(0, await Root.Collections.CountAsync(Fabric, C));
    }

    [Fact]
    public async Task Import_reports_created_and_failed_documents()
    {
        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"i2\"}"));
        var result = await Root.Documents.ImportAsync(Fabric, C, Docs("[{\"_key\":\"i1\"},{\"_key\":\"i2\"},{\"_key\":\"i3\"}]"), new C8ImportOptions { Details = true });
        Assert.Equal(2, result.Created);
        Assert.Equal(1, result.Errors);
        var detail = Assert.Single(result.Details);
        Assert.Equal(1210, detail.ErrorNum);
        Assert.Equal(3, await Root.Collections.CountAsync(Fabric, C));
    }

    [Fact]
    public async Task Custom_writers_stream_any_object_and_raw_utf8()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new Dictionary<string, object?> { ["_key"] = "w" + i, ["n"] = i, ["tags"] = new[] { "x", "y" } }).ToArray();
        var results = await Root.Documents.InsertManyAsync(Fabric, C, rows, (w, row) => C8JsonWriters.WriteValue(w, row));
        Assert.Equal(50, results.Count);
        Assert.Equal(0, results.ErrorCount);
        Assert.Equal("w49", results[49].Key);

        var raw = new[] { (ReadOnlyMemory<byte>)"{\"_key\":\"raw1\",\"ok\":true}"u8.ToArray() };
        var rawResults = await Root.Documents.InsertManyAsync(Fabric, C, raw, C8JsonWriters.RawUtf8);
        Assert.Equal("raw1", Assert.Single(rawResults).Key);
        Assert.True((await Root.Documents.GetAsync(Fabric, C, "raw1"))!.Value.GetProperty("ok").GetBoolean());
        Assert.Equal(2, (await Root.Documents.GetAsync(Fabric, C, "w7"))!.Value.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task Batcher_sends_a_stream_in_bulk_requests_and_maps_results_back()
    {
        await Root.Documents.InsertAsync(Fabric, C, J("{\"_key\":\"b1234\"}"));
        var batcher = new DocumentBatcher<int>(1000, (batch, ct) =>
            Root.Documents.InsertManyAsync(Fabric, C, batch, (w, i) =>
            {
                w.WriteStartObject();
                w.WriteString("_key", "b" + i);
                w.WriteNumber("n", i);
                w.WriteEndObject();
            }, null, ct));

        var mapped = new List<C8BatchItem<int>>();
        for (var i = 0; i < 2500; i++)
        {
            mapped.AddRange(await batcher.AddAsync(i));
        }

        Assert.Equal(2000, mapped.Count);
        Assert.Equal(500, batcher.PendingCount);
        mapped.AddRange(await batcher.FlushAsync());

        Assert.Equal(3, batcher.BatchesSent);
        Assert.Equal(2500, mapped.Count);
        Assert.Equal(Enumerable.Range(0, 2500), mapped.Select(m => m.Input));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), mapped.Select(m => m.Index));
        var failed = Assert.Single(mapped, m => m.IsError);
        Assert.Equal(1234, failed.Input);
        Assert.Equal("C8.DuplicateKey", failed.Result!.Error!.ErrorId);
        Assert.All(mapped.Where(m => !m.IsError), m => Assert.Equal("b" + m.Input, m.Result!.Key));
        Assert.Equal(1, batcher.ErrorCount);
        Assert.Equal(2500, await Root.Collections.CountAsync(Fabric, C));
        Assert.Equal(3, LogLines("POST /_fabric/" + Fabric + "/_api/document/" + C + " ->").Length - 1);
    }
}
