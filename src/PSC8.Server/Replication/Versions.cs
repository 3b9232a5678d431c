namespace PSC8.Server.Replication;

/// <summary>
/// Orders versions of a document across regions: by stamp, ties broken by region name, so every region
/// picks the same winner. Also turns a version into GDN's opaque <c>_rev</c> string.
/// </summary>
internal static class Versions
{
    // Order-preserving alphabet (ASCII order), so revisions of one region sort like their stamps.
    private const string Alphabet = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    public static bool IsNewer(long stamp, string origin, long otherStamp, string otherOrigin) =>
        stamp != otherStamp ? stamp > otherStamp : string.CompareOrdinal(origin, otherOrigin) > 0;

    /// <summary>"_" + 11 characters of the stamp + one of the region index: unique per write across regions.</summary>
    public static string Revision(long stamp, int regionIndex)
    {
        Span<char> text = stackalloc char[13];
        text[0] = '_';
        var value = (ulong)stamp;
        for (var i = 11; i >= 1; i--)
        {
            text[i] = Alphabet[(int)(value & 63)];
            value >>= 6;
        }
        text[12] = Alphabet[regionIndex & 63];
        return new string(text);
    }
}
