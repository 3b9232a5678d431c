using System.Globalization;
using System.Text.Json;

namespace PSC8.Client.Json;

/// <summary>Lenient readers for response fields: GDN sends some numbers as strings and some booleans as 0/1.</summary>
internal static class JsonRead
{
    public static JsonElement Parse(byte[] utf8)
    {
        if (utf8.Length == 0)
        {
            return default;
        }

        // ParseValue copies into a document that is not pooled, so elements stay valid without disposal.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        return JsonElement.ParseValue(ref reader);
    }

    public static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Undefined)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string? String(JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static bool Bool(JsonElement e, string name, bool fallback = false) => OptionalBool(e, name) ?? fallback;

    public static bool? OptionalBool(JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number: return v.TryGetInt64(out var n) && n != 0;
            case JsonValueKind.String:
                var s = v.GetString();
                if (bool.TryParse(s, out var b))
                {
                    return b;
                }

                return s == "1" ? true : s == "0" ? false : (bool?)null;
            default: return null;
        }
    }

    public static long? Long(JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var n))
            {
                return n;
            }

            return v.TryGetDouble(out var d) ? (long)d : (long?)null;
        }

        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p))
        {
            return p;
        }

        return null;
    }

    public static int? Int(JsonElement e, string name)
    {
        var l = Long(e, name);
        return l is null ? (int?)null : (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, l.Value));
    }

    public static double? Double(JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetDouble();
        }

        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return null;
    }

    public static JsonElement? Element(JsonElement e, string name) => TryGet(e, name, out var v) ? v : (JsonElement?)null;

    public static JsonElement? Object(JsonElement e, string name) =>
        TryGet(e, name, out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;

    public static IReadOnlyList<JsonElement> Array(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            return System.Array.Empty<JsonElement>();
        }

        var list = new List<JsonElement>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
        {
            list.Add(item);
        }

        return list;
    }

    public static IReadOnlyList<JsonElement> Array(JsonElement e, string name) =>
        TryGet(e, name, out var v) ? Array(v) : System.Array.Empty<JsonElement>();

    public static IReadOnlyList<string> Strings(JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return System.Array.Empty<string>();
        }

        return StringList(v);
    }

    /// <summary>A list of names from a JSON array, or from a comma-separated string (GDN's dcList).</summary>
    public static IReadOnlyList<string> StringList(JsonElement v)
    {
        var list = new List<string>();
        if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is string s && s.Length > 0)
                {
                    list.Add(s);
                }
            }
        }
        else if (v.ValueKind == JsonValueKind.String)
        {
            foreach (var part in (v.GetString() ?? string.Empty).Split(','))
            {
                var t = part.Trim();
                if (t.Length > 0)
                {
                    list.Add(t);
                }
            }
        }

        return list;
    }

    /// <summary>The payload of an envelope: <c>result</c> when present, else the body itself.</summary>
    public static JsonElement Result(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("result", out var r) ? r : body;
}
