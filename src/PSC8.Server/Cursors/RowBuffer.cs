using System.Collections;

namespace PSC8.Server.Cursors;

/// <summary>
/// The rows of a materialised result, kept in chunks small enough to stay off the large-object heap. A list that
/// doubles would, for a result at the memory limit, hold one array half as large again as the rows and copy the one
/// before it: about three times the limit allocated, on the heap the GC is slowest to reclaim. Here what is allocated
/// is what the rows need, and nothing is copied as the result grows.
/// </summary>
internal sealed class RowBuffer : IReadOnlyList<C8Value>
{
    /// <summary>2,048 values of 24 bytes: 48 KB, under the runtime's 85,000-byte large-object threshold.</summary>
    private const int ChunkSize = 2048;

    /// <summary>Most results are a few rows: the first chunk starts small and doubles up to a full chunk.</summary>
    private const int FirstChunkSize = 16;

    private readonly List<C8Value[]> _chunks = new();

    public int Count { get; private set; }

    public C8Value this[int index] => (uint)index < (uint)Count
        ? _chunks[index / ChunkSize][index % ChunkSize]
        : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(C8Value row)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new C8Value[FirstChunkSize]);
        }
        var last = _chunks[^1];
        var offset = Count - ((_chunks.Count - 1) * ChunkSize);
        if (offset == last.Length)
        {
            if (last.Length < ChunkSize)
            {
                Array.Resize(ref last, Math.Min(last.Length * 2, ChunkSize));
                _chunks[^1] = last;
            }
            else
            {
                last = new C8Value[ChunkSize];
                _chunks.Add(last);
                offset = 0;
            }
        }
        last[offset] = row;
        Count++;
    }

    public IEnumerator<C8Value> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
