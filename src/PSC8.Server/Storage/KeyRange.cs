namespace PSC8.Server.Storage;

/// <summary>
/// A range of index keys (see <see cref="IndexKey"/>) on the index's column after the <see cref="Prefix"/>, the
/// exact keys of its leading columns; a missing end is open. <see cref="Missing"/> stands for the documents the index
/// holds without a key (SQL NULL: no location for a geo index).
/// </summary>
internal sealed record KeyRange(byte[]? Low, bool LowInclusive, byte[]? High, bool HighInclusive)
{
    public static readonly KeyRange Missing = new(null, true, null, true) { IsMissing = true };

    public bool IsMissing { get; private init; }

    public IReadOnlyList<byte[]> Prefix { get; init; } = [];

    public static KeyRange Point(byte[] key) => new(key, true, key, true);

    /// <summary>Everything under the leading columns' keys.</summary>
    public static KeyRange Under(IReadOnlyList<byte[]> prefix) => new(null, true, null, true) { Prefix = prefix };
}

/// <summary>Ranges by where they start: their prefix keys, then their low key (an open one first), as SQLite orders BLOBs.</summary>
internal sealed class KeyRangeOrder : IComparer<KeyRange>
{
    public static readonly KeyRangeOrder Instance = new();

    public int Compare(KeyRange? x, KeyRange? y)
    {
        for (var i = 0; i < Math.Min(x!.Prefix.Count, y!.Prefix.Count); i++)
        {
            var order = x.Prefix[i].AsSpan().SequenceCompareTo(y.Prefix[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return (x.Low, y.Low) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (a, b) => a.AsSpan().SequenceCompareTo(b),
        };
    }
}
