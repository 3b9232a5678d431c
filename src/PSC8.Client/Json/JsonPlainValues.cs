using System.Globalization;

namespace PSC8.Client.Json;

/// <summary>JSON values as plain .NET values, for callers that should not need JSON types (PowerShell users).</summary>
public static class JsonPlainValues
{
    private static readonly char[] FractionOrExponent = { '.', 'e', 'E' };

    /// <summary>
    /// Null, a string, a bool, a number (see <see cref="Number"/>), an ordered dictionary for an object (names as
    /// given, case-sensitive) or an array.
    /// </summary>
    public static object? From(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    map[property.Name] = From(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                return value.EnumerateArray().Select(From).ToArray();
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return Number(value);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>
    /// An Int32 or Int64 when the number is an integer that fits; a decimal for a larger integer (every digit kept,
    /// up to 28); a double otherwise.
    /// </summary>
    public static object Number(JsonElement value)
    {
        // These succeed only for integer literals, so 1.0 and 1e2 fall through to the checks below.
        if (value.TryGetInt32(out var i))
        {
            return i;
        }

        if (value.TryGetInt64(out var l))
        {
            return l;
        }

        var text = value.GetRawText();
        if (text.IndexOfAny(FractionOrExponent) < 0 && decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big))
        {
            return big;
        }

        return value.GetDouble();
    }
}
