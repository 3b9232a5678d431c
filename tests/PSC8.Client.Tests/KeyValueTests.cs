namespace PSC8.Client.Tests;

/// <summary>KeyValueApi and VersionApi against C8 Local: every call, its answer read back, and its failures as C8ApiException.</summary>
public sealed class KeyValueTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    private static C8KeyValueEntry<object?> Pair(string? key, object? value, DateTimeOffset? expireAt = null) => new(key, value, expireAt);

    private static void WriteValue(System.Text.Json.Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case string s: w.WriteStringValue(s); break;
            case int n: w.WriteNumberValue(n); break;
            default: w.WriteNullValue(); break;
        }
    }

    [Fact]
    public async Task Creates_lists_puts_reads_pages_counts_removes_truncates_and_drops()
    {
        var kv = Root.KeyValues;
        await kv.CreateCollectionAsync(Fabric, "settings");
        await kv.CreateCollectionAsync(Fabric, "sessions", expiration: true);
        var listed = await kv.ListCollectionsAsync(Fabric);
        Assert.False(Assert.Single(listed, c => c.Name == "settings").Expiration);
        Assert.True(Assert.Single(listed, c => c.Name == "sessions").Expiration);

        var put = await kv.PutAsync(Fabric, "settings", new[] { Pair("a", "x"), Pair("b", 2), Pair(null, "generated") }, WriteValue);
        Assert.Equal(0, put.ErrorCount);
        Assert.Equal(3, put.Count);
        Assert.Equal(3, await kv.CountAsync(Fabric, "settings"));

        var a = await kv.GetAsync(Fabric, "settings", "a");
        Assert.Equal("x", a!.Value);
        Assert.False(string.IsNullOrEmpty(a.Revision));
        Assert.Null(await kv.GetAsync(Fabric, "settings", "missing"));

        // The generated key is a number, which sorts before letters.
        var keys = await kv.GetKeysAsync(Fabric, "settings");
        Assert.Equal(new[] { "a", "b" }, keys.Skip(1));
        Assert.Equal(keys.Take(2), await kv.GetKeysAsync(Fabric, "settings", limit: 2));
        Assert.Equal("b", (await kv.GetKeysAsync(Fabric, "settings", descending: true))[0]);
        var page = await kv.GetPageAsync(Fabric, "settings", offset: 2, limit: 1);
        Assert.Equal(2L, Convert.ToInt64(Assert.Single(page).Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "b" }, (await kv.GetPageAsync(Fabric, "settings", new[] { "b", "zz" })).Select(p => p.Key));

        Assert.Equal("a", (await kv.RemoveAsync(Fabric, "settings", "a")).Key);
        var removed = await kv.RemoveManyAsync(Fabric, "settings", new[] { "b", "a" });
        Assert.False(removed[0].IsError);
        Assert.Equal(1202, removed[1].Error!.ErrorNum);
        await kv.TruncateAsync(Fabric, "settings");
        Assert.Equal(0, await kv.CountAsync(Fabric, "settings"));

        var later = DateTimeOffset.UtcNow.AddHours(1);
        await kv.PutAsync(Fabric, "sessions", new[] { Pair("s1", "u1", later), Pair("s0", "u0", DateTimeOffset.UtcNow.AddSeconds(-5)) }, WriteValue);
        Assert.Equal(later.ToUnixTimeSeconds(), (await kv.GetAsync(Fabric, "sessions", "s1"))!.ExpireAt!.Value.ToUnixTimeSeconds());
        Assert.Null(await kv.GetAsync(Fabric, "sessions", "s0"));

        await kv.DeleteCollectionAsync(Fabric, "settings");
        var gone = await Assert.ThrowsAsync<C8ApiException>(() => kv.CountAsync(Fabric, "settings"));
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal(101000, gone.ErrorNum);
    }

    [Fact]
    public async Task Bad_calls_fail_with_the_servers_answer_or_before_sending()
    {
        var kv = Root.KeyValues;
        await kv.CreateCollectionAsync(Fabric, "strict");
        var duplicate = await Assert.ThrowsAsync<C8ApiException>(() => kv.CreateCollectionAsync(Fabric, "strict"));
        Assert.Equal(1207, duplicate.ErrorNum);
        var missing = await Assert.ThrowsAsync<C8ApiException>(() => kv.PutAsync(Fabric, "strict", new[] { Pair("k", null) }, (w, _) => w.WriteNullValue()));
        Assert.Equal(403, missing.StatusCode);
        Assert.Equal(0, await kv.CountAsync(Fabric, "strict"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kv.GetKeysAsync(Fabric, "strict", limit: 101));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kv.RemoveManyAsync(Fabric, "strict", Enumerable.Range(0, 1001).Select(i => "k" + i).ToArray()));
    }

    [Fact]
    public async Task Version_names_the_server_and_its_details()
    {
        var version = await Root.Version.GetAsync();
        Assert.Equal("C8DB", version.Server);
        Assert.Null(version.Details);
        var detailed = await Root.Version.GetAsync(details: true);
        Assert.Equal("supported", detailed.Details!["overwriteMode"]);
    }
}
