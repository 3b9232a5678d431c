using PSC8.Client.Json;

namespace PSC8.Client.Tests.Infrastructure;

/// <summary>A <see cref="ServerTest"/> whose fabric holds one collection, created before each test.</summary>
public abstract class CollectionTest(C8LocalFixture fixture, string collection) : ServerTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Root.Collections.CreateAsync(Fabric, collection);
    }

    /// <summary>
    /// Inserts { _key: keyPrefix + n, n } for each n from 0 to count - 1, with what <paramref name="more"/> adds, and
    /// checks all were stored.
    /// </summary>
    protected async Task InsertNumbersAsync(int count, string keyPrefix, JsonItemWriter<int>? more = null)
    {
        var results = await Root.Documents.InsertManyAsync(Fabric, collection, Enumerable.Range(0, count).ToArray(), (w, n) =>
        {
            w.WriteStartObject();
            w.WriteString("_key", keyPrefix + n);
            w.WriteNumber("n", n);
            more?.Invoke(w, n);
            w.WriteEndObject();
        });
        Assert.Equal(0, results.ErrorCount);
    }
}
