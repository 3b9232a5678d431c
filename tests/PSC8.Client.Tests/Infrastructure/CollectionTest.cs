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

    /// <summary>Inserts one document for each of the numbers 0 to count - 1, as <paramref name="write"/> writes it, and checks all were stored.</summary>
    protected async Task InsertNumbersAsync(int count, JsonItemWriter<int> write)
    {
        var results = await Root.Documents.InsertManyAsync(Fabric, collection, Enumerable.Range(0, count).ToArray(), write);
        Assert.Equal(0, results.ErrorCount);
    }
}
