using System.Buffers;
using System.Text.Json;

namespace PSC8.Bench.Query;

/// <summary>
/// The "accounts" data set: documents of about 200 bytes once stored (with _key, _id and _rev), derived from
/// their number alone, so every run and every batch produces the same data.
/// </summary>
internal static class AccountDocuments
{
    private static readonly string[] Countries =
        ["DE", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "PL", "SE", "NO", "DK", "FI", "IE", "PT", "GB", "US", "CA", "JP", "AU"];

    private static readonly string[] Currencies = ["EUR", "USD", "GBP", "JPY"];

    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Documents number <paramref name="from"/> up to (not including) <paramref name="to"/> as one JSON array.</summary>
    public static byte[] Batch(int from, int to)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (to - from));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = from; i < to; i++)
            {
                Write(writer, i);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, int number)
    {
        var bits = Mix((ulong)number);
        writer.WriteStartObject();
        writer.WriteString("_key", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("owner", $"user{number}@example.com");
        writer.WriteString("name", $"Account {number:D7}");
        writer.WriteNumber("balance", (double)(bits % 1_000_000) / 100);
        writer.WriteString("currency", Currencies[(bits >> 20) % (ulong)Currencies.Length]);
        // One account in ten is frozen, one in ten closed.
        writer.WriteString("status", ((bits >> 24) % 10) switch { 0 => "frozen", 1 => "closed", _ => "active" });
        writer.WriteString("country", Countries[(bits >> 28) % (ulong)Countries.Length]);
        writer.WriteNumber("score", (long)((bits >> 33) % 1000));
        writer.WriteString("opened", Epoch.AddSeconds((bits >> 43) % (4 * 365 * 86400)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>SplitMix64: well-spread bits from a counter.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
