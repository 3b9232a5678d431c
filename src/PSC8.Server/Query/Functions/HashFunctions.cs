using System.Security.Cryptography;

namespace PSC8.Server.Query.Functions;

/// <summary>MD5, SHA1, SHA256, SHA512, CRC32, FNV64 over the UTF-8 text of a value, and HASH over any value.</summary>
internal static class HashFunctions
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>HASH keeps 51 bits so that the number survives a round trip through a double.</summary>
    private const ulong HashMask = 0x0007FFFFFFFFFFFF;

    private static readonly uint[] Crc32cTable = BuildCrc32cTable();

    public static void Register(FunctionTable table)
    {
        table.Add("MD5", 1, 1, (_, a) => C8Value.From(Convert.ToHexStringLower(MD5.HashData(Utf8(a[0])))));
        table.Add("SHA1", 1, 1, (_, a) => C8Value.From(Convert.ToHexStringLower(SHA1.HashData(Utf8(a[0])))));
        table.Add("SHA256", 1, 1, (_, a) => C8Value.From(Convert.ToHexStringLower(SHA256.HashData(Utf8(a[0])))));
        table.Add("SHA512", 1, 1, (_, a) => C8Value.From(Convert.ToHexStringLower(SHA512.HashData(Utf8(a[0])))));
        table.Add("CRC32", 1, 1, (_, a) => C8Value.From(Crc32c(Utf8(a[0])).ToString("X", CultureInfo.InvariantCulture)));
        table.Add("FNV64", 1, 1, (_, a) => C8Value.From(Fnv1a(FnvOffsetBasis, Utf8(a[0])).ToString("X", CultureInfo.InvariantCulture)));
        table.Add("HASH", 1, 1, (_, a) => C8Value.From((long)(StableHash(a[0]) & HashMask)));
    }

    private static byte[] Utf8(C8Value value) => Encoding.UTF8.GetBytes(C8Conversions.ToStringValue(value));

    private static ulong Fnv1a(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }
        return hash;
    }

    /// <summary>CRC-32C (Castagnoli, polynomial 0x1EDC6F41), initial value and final XOR 0xFFFFFFFF.</summary>
    private static uint Crc32c(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Crc32cTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrc32cTable()
    {
        const uint ReversedPolynomial = 0x82F63B78;
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ ReversedPolynomial : crc >> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    /// <summary>A hash that is the same in every process, taking types into account and ignoring attribute order.</summary>
    public static ulong StableHash(C8Value value) => StableHash(value, FnvOffsetBasis);

    private static ulong StableHash(C8Value value, ulong seed)
    {
        var hash = (seed ^ (byte)value.Type) * FnvPrime;
        switch (value.Type)
        {
            case C8Type.Bool:
                return (hash ^ (value.AsBool ? 1UL : 0UL)) * FnvPrime;
            case C8Type.Number:
            {
                // Equal numbers hash alike: an integer a double holds exactly hashes as that double.
                var number = value.AsNumber == 0 ? 0d : value.AsNumber;
                var exact = !value.TryGetInteger(out var integer) || (number < 9223372036854775808.0 && (long)number == integer);
                return Fnv1a(hash, exact ? BitConverter.GetBytes(number) : BitConverter.GetBytes(integer));
            }
            case C8Type.String:
                return Fnv1a(hash, Encoding.UTF8.GetBytes(value.AsString));
            case C8Type.Array:
                foreach (var item in value.AsArray)
                {
                    hash = StableHash(item, hash);
                }
                return hash;
            case C8Type.Object:
                var sum = hash;
                foreach (var pair in value.AsObject)
                {
                    sum += StableHash(pair.Value, Fnv1a(FnvOffsetBasis, Encoding.UTF8.GetBytes(pair.Key)));
                }
                return sum;
            default:
                return hash;
        }
    }
}
