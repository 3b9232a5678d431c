using System.Buffers.Binary;
using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// MINHASH, MINHASH_COUNT and MINHASH_ERROR. A signature's error is 1 / sqrt(hashes), so the hashes needed for an
/// error are 1 / error², rounded up. ArangoDB computes MINHASH with its own (Enterprise Edition) hash function,
/// so C8 Local's signatures are comparable with each other but not with ArangoDB's.
/// </summary>
internal static class MinHashFunctions
{
    /// <summary>Bounds the work of one call; far more than any useful signature needs.</summary>
    private const int MaxHashes = 65536;

    public static void Register(FunctionTable table)
    {
        table.Add("MINHASH", 2, 2, MinHash);
        table.Add("MINHASH_COUNT", 1, 1, (c, a) => a[0].IsNumber && a[0].AsNumber > 0 && a[0].AsNumber < 1
            ? C8Value.From(Math.Ceiling(1 / (a[0].AsNumber * a[0].AsNumber)))
            : InvalidArgument(c, "MINHASH_COUNT"));
        table.Add("MINHASH_ERROR", 1, 1, (c, a) => a[0].IsNumber && a[0].AsNumber >= 1
            ? C8Value.From(1 / Math.Sqrt(Math.Floor(a[0].AsNumber)))
            : InvalidArgument(c, "MINHASH_ERROR"));
    }

    /// <summary>
    /// A bottom-k signature as ArangoDB's: the <c>count</c> smallest distinct hashes of the values, so fewer distinct
    /// values than <c>count</c> give a shorter signature (the manual's three values for MINHASH(["foo", "bar", "baz"], 5)).
    /// Hashes keep the order the values first appear in; each is 8 bytes in unpadded base64.
    /// </summary>
    private static C8Value MinHash(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray || !arguments[1].IsNumber || arguments[1].AsNumber < 1 || arguments[1].AsNumber > MaxHashes)
        {
            return InvalidArgument(context, "MINHASH");
        }
        var count = (int)arguments[1].AsNumber;
        var hashes = new List<ulong>();
        var seen = new HashSet<ulong>();
        foreach (var value in arguments[0].AsArray)
        {
            var hash = Mix(HashFunctions.StableHash(value));
            if (seen.Add(hash))
            {
                hashes.Add(hash);
            }
        }
        if (hashes.Count > count)
        {
            var kept = hashes.Order().Take(count).ToHashSet();
            hashes.RemoveAll(hash => !kept.Contains(hash));
        }
        var signature = new C8Value[hashes.Count];
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, hashes[i]);
            signature[i] = C8Value.From(Convert.ToBase64String(bytes).TrimEnd('='));
        }
        return C8Value.From(signature);
    }

    /// <summary>A 64-bit finaliser (SplitMix64's), which spreads the value hashes evenly over the 64 bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
