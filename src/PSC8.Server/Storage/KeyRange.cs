namespace PSC8.Server.Storage;

/// <summary>A range of index keys (see <see cref="IndexKey"/>); a missing end is open.</summary>
internal sealed record KeyRange(byte[]? Low, bool LowInclusive, byte[]? High, bool HighInclusive)
{
    public static KeyRange Point(byte[] key) => new(key, true, key, true);
}
