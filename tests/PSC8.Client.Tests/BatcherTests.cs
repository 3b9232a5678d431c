using PSC8.Client.Batching;

namespace PSC8.Client.Tests;

public sealed class BatcherTests
{
    private static C8BatchResult Ok(int count) =>
        C8BatchResult.FromBody(System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", count)) + "]"), null);

    [Fact]
    public async Task Sends_full_batches_and_the_rest_on_flush_in_order()
    {
        var sent = new List<int[]>();
        var batcher = new DocumentBatcher<int>(3, (batch, ct) =>
        {
            sent.Add(batch.ToArray());
            return Task.FromResult(Ok(batch.Count));
        });

        var results = new List<C8BatchItem<int>>();
        for (var i = 0; i < 7; i++)
        {
            results.AddRange(await batcher.AddAsync(i));
        }

        Assert.Equal(2, sent.Count);
        Assert.Equal(1, batcher.PendingCount);
        results.AddRange(await batcher.FlushAsync());
        Assert.Empty(await batcher.FlushAsync());

        Assert.Equal(new[] { new[] { 0, 1, 2 }, new[] { 3, 4, 5 }, new[] { 6 } }, sent);
        Assert.Equal(Enumerable.Range(0, 7), results.Select(r => r.Input));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), results.Select(r => r.Index));
        Assert.Equal(7, batcher.ItemsSent);
    }

    [Fact]
    public async Task Silent_batches_map_to_null_results_and_a_count_mismatch_is_an_error()
    {
        var silent = new DocumentBatcher<string>(2, (b, ct) => Task.FromResult(C8BatchResult.Silent(null)));
        await silent.AddAsync("a");
        var items = await silent.AddAsync("b");
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Null(i.Result));

        var broken = new DocumentBatcher<string>(2, (b, ct) => Task.FromResult(Ok(1)));
        await broken.AddAsync("a");
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.AddAsync("b"));
    }

    [Fact]
    public void Chunk_splits_lazily_and_keeps_order()
    {
        var chunks = DocumentBatcher<int>.Chunk(Enumerable.Range(1, 10), 4).ToArray();
        Assert.Equal(new[] { 4, 4, 2 }, chunks.Select(c => c.Count));
        Assert.Equal(Enumerable.Range(1, 10), chunks.SelectMany(c => c));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentBatcher<int>(0, (b, ct) => Task.FromResult(Ok(0))));
    }
}
