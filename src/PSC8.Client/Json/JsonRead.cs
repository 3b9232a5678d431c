using System.Globalization;

namespace PSC8.Client.Json;

/// <summary>Lenient readers for response fields: GDN sends some numbers as strings and some booleans as 0/1.</summary>
internal static class JsonRead
{
    private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip };

    private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>An answer's body as JSON; the element reads <paramref name="utf8"/> itself, which must not change after.</summary>
    public static JsonElement Parse(byte[] utf8)
    {
        if (utf8.Length == 0)
        {
            return default;
        }

        // The document indexes the body where it lies instead of copying it (a cursor page's rows are most of what a
        // query allocates). It is never disposed, so its elements stay valid; disposal would only return its index to
        // the pool.
        return JsonDocument.Parse(utf8, DocumentOptions).RootElement;
    }

    /// <summary>What <paramref name="write"/> writes, as a detached element.</summary>
    public static JsonElement Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>A reader from <paramref name="start"/> to the end of an answer, with the options <see cref="Parse"/> uses.</summary>
    public static Utf8JsonReader Reader(byte[] utf8, int start = 0) =>
        new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, start, utf8.Length - start), ReaderOptions);

    /// <summary>The value at the reader as <see cref="String(JsonElement)"/> reads it; the reader ends on the value's last token.</summary>
    public static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : String(JsonElement.ParseValue(ref reader));

    /// <summary>The value at the reader as <see cref="OptionalBool(JsonElement)"/> reads it.</summary>
    public static bool? OptionalBool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => OptionalBool(JsonElement.ParseValue(ref reader)),
    };

    /// <summary>The value at the reader as <see cref="Int(JsonElement)"/> reads it.</summary>
    public static int? Int(ref Utf8JsonReader reader) => Int(JsonElement.ParseValue(ref reader));

    /// <summary>The value at the reader when it is an object (a document of its own, valid without the answer); else null.</summary>
    public static JsonElement? Object(ref Utf8JsonReader reader)
    {
        var value = JsonElement.ParseValue(ref reader);
        return value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;
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

    public static string? String(JsonElement e, string name) => TryGet(e, name, out var v) ? String(v) : null;

    /// <summary>A value as text: strings as they are, numbers and booleans as written; anything else null.</summary>
    public static string? String(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool Bool(JsonElement e, string name, bool fallback = false) => OptionalBool(e, name) ?? fallback;

    public static bool? OptionalBool(JsonElement e, string name) => TryGet(e, name, out var v) ? OptionalBool(v) : null;

    /// <summary>A value as a boolean: true/false, a number (non-zero is true), or "true"/"false"/"1"/"0".</summary>
    public static bool? OptionalBool(JsonElement v)
    {
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

    public static long? Long(JsonElement e, string name) => TryGet(e, name, out var v) ? Long(v) : null;

    /// <summary>A value as an integer: a number (truncated), or a string holding one.</summary>
    public static long? Long(JsonElement v)
    {
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

    public static int? Int(JsonElement e, string name) => TryGet(e, name, out var v) ? Int(v) : null;

    /// <summary>A value as an int, clamped to the int range.</summary>
    public static int? Int(JsonElement v)
    {
        var l = Long(v);
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
