using PSC8.Server.Application;
using PSC8.Server.Cursors;

namespace PSC8.Server.Tests.Cursors;

/// <summary>
/// What a materialised result and its aftermath cost (issue 12's soak: a result refused at the memory limit used to
/// allocate about three times the limit in doubling arrays, and the server kept that memory for good).
/// </summary>
public sealed class MaterialisedMemoryTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Rows_kept_in_chunks_read_back_in_order_across_chunk_boundaries()
    {
        var rows = new RowBuffer();
        for (var i = 0; i < 100_000; i++)
        {
            rows.Add(C8Value.From(i));
        }

        Assert.Equal(100_000, rows.Count);
        Assert.Equal(0, rows[0].AsNumber);
        Assert.Equal(2047, rows[2047].AsNumber);
        Assert.Equal(2048, rows[2048].AsNumber);
        Assert.Equal(99_999, rows[^1].AsNumber);
        Assert.Equal(Enumerable.Range(0, 100_000).Select(i => (double)i), rows.Select(r => r.AsNumber));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[100_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[-1]);
    }

    [Fact]
    public void The_trimmer_collects_after_a_burst_or_once_the_server_is_quiet_and_never_during_steady_work()
    {
        var trimmer = new MemoryTrimmer(TimeSpan.FromSeconds(5));

        Assert.False(trimmer.ShouldTrim(gcIndex: 10, committed: 100 * MiB, heap: 10 * MiB));  // little memory held
        Assert.True(trimmer.ShouldTrim(gcIndex: 11, committed: 900 * MiB, heap: 100 * MiB));  // far more committed than kept
        trimmer.Trimmed(12);
        Assert.False(trimmer.ShouldTrim(gcIndex: 12, committed: 300 * MiB, heap: 290 * MiB)); // the quiet after its own trim

        // Busy with a large live heap: collections keep coming, nothing to give back.
        Assert.False(trimmer.ShouldTrim(gcIndex: 20, committed: 600 * MiB, heap: 500 * MiB));
        Assert.False(trimmer.ShouldTrim(gcIndex: 25, committed: 600 * MiB, heap: 500 * MiB));

        // Then quiet: the last collection saw the burst's objects still alive, so only a new one can tell.
        Assert.True(trimmer.ShouldTrim(gcIndex: 25, committed: 600 * MiB, heap: 500 * MiB));
        trimmer.Trimmed(26);
        Assert.False(trimmer.ShouldTrim(gcIndex: 26, committed: 300 * MiB, heap: 280 * MiB));
        Assert.False(trimmer.ShouldTrim(gcIndex: 26, committed: 300 * MiB, heap: 280 * MiB));
    }
}
