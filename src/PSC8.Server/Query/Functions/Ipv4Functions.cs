using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>IPV4_FROM_NUMBER, IPV4_TO_NUMBER and IS_IPV4: dotted quads without leading zeros, and unsigned 32-bit numbers.</summary>
internal static class Ipv4Functions
{
    public static void Register(FunctionTable table)
    {
        table.Add("IPV4_FROM_NUMBER", 1, 1, (c, a) => TryUInt32(a[0], out var address)
            ? C8Value.From(string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}"))
            : InvalidArgument(c, "IPV4_FROM_NUMBER"));
        table.Add("IPV4_TO_NUMBER", 1, 1, (c, a) => a[0].TryGetString(out var text) && TryParse(text, out var address)
            ? C8Value.From((long)address)
            : InvalidArgument(c, "IPV4_TO_NUMBER"));
        table.Add("IS_IPV4", 1, 1, (_, a) => C8Value.From(a[0].TryGetString(out var text) && TryParse(text, out var _)));
    }

    /// <summary>Four decimal octets of 1 to 3 digits, 0 to 255 each, separated by dots; "01" is not an octet.</summary>
    private static bool TryParse(string text, out uint address)
    {
        address = 0;
        var span = text.AsSpan();
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (span.IsEmpty || span[0] != '.')
                {
                    return false;
                }
                span = span[1..];
            }
            var digits = 0;
            while (digits < span.Length && digits < 4 && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }
            if (digits is 0 or > 3 || (digits > 1 && span[0] == '0'))
            {
                return false;
            }
            var value = uint.Parse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }
            address = (address << 8) | value;
            span = span[digits..];
        }
        return span.IsEmpty;
    }
}
