using System.Runtime.CompilerServices;
using PSC8.Server.Cursors;
using PSC8.Server.Security;

namespace PSC8.Server.Tests.Cursors;

/// <summary>
/// A streaming cursor reads its query as batches are asked for and keeps none of the rows it has served, so the
/// server's memory for a streamed result does not grow with the rows already sent.
/// </summary>
public sealed class StreamingCursorMemoryTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Fact]
    public async Task A_streaming_cursor_keeps_no_row_it_has_served()
    {
        var fabric = await Fx.CreateFabricAsync();
        var collection = await Fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..500 INSERT {{ n: i }} INTO `{collection}`");
        var opened = (await Api.OpenCursorAsync(fabric, $"FOR d IN `{collection}` RETURN d", new { batchSize = 100, options = new { stream = true } })).ShouldBe(201);
        var cursor = Fx.Host.Cluster.Region(Dc.UsWest).Cursors.Get(opened.Json.Str("id")!, Principal.RootUserId);

        var served = new List<WeakReference>();
        for (var batch = 0; batch < 3; batch++)
        {
            Serve(cursor, served);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(300, served.Count);
        Assert.DoesNotContain(served, row => row.IsAlive);
    }

    /// <summary>Takes one batch as a request would, and lets go of it: only weak references to its rows remain.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Serve(ServerCursor cursor, List<WeakReference> served)
    {
        var (batch, hasMore) = cursor.NextBatch();
        Assert.True(hasMore);
        served.AddRange(batch.Select(row => new WeakReference(row.AsObject)));
    }
}
