using System.Globalization;
using PSC8.Client.Json;

namespace PSC8.Json;

/// <summary>
/// Turns server JSON into pipeline objects: objects become property bags (built by an <see cref="IObjectBuilder{T}"/>),
/// arrays become object arrays, numbers become Int32, Int64, Decimal or Double by their text, and strings stay
/// strings (dates are not guessed, unlike ConvertFrom-Json, so a value round-trips unchanged).
/// </summary>
internal static class JsonObjects
{
    /// <summary>The type name of documents; PSC8.Format.ps1xml has a view for it.</summary>
    public const string DocumentTypeName = "PSC8.Document";

    /// <summary>Whether a row is a stored document (has the system attributes), as opposed to a projection or scalar.</summary>
    public static bool IsDocument(JsonElement row) =>
        row.ValueKind == JsonValueKind.Object && (row.TryGetProperty("_key", out _) || row.TryGetProperty("_id", out _));

    /// <summary>A query row or document: stored documents get <see cref="DocumentTypeName"/>, anything else converts plainly.</summary>
    public static object? ToRow<T>(JsonElement row, IObjectBuilder<T> builder)
        where T : class =>
        Convert(row, builder, IsDocument(row) ? DocumentTypeName : null);

    // The property names of the last top-level object converted on this thread: rows of a query mostly share their
    // names, and reusing the strings saves allocating them again for every row (and lets the builder recognise them).
    [ThreadStatic]
    private static string[]? t_rowNames;

    /// <summary>Converts any JSON value; the top-level object (if it is one) is tagged with <paramref name="typeName"/>.</summary>
    public static object? Convert<T>(JsonElement value, IObjectBuilder<T> builder, string? typeName)
        where T : class
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return Convert(value, builder, typeName, depth: 0);
    }

    private static object? Convert<T>(JsonElement value, IObjectBuilder<T> builder, string? typeName, int depth)
        where T : class
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = Scratch(depth);
                foreach (var property in value.EnumerateObject())
                {
                    var name = depth == 0 ? RowName(property, properties.Count) : property.Name;
                    properties.Add(new KeyValuePair<string, object?>(name, Convert(property.Value, builder, null, depth + 1)));
                }

                return builder.Create(typeName, properties);
            case JsonValueKind.Array:
                var items = new object?[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items[i++] = Convert(item, builder, null, depth + 1);
                }

                return items;
            default:
                return JsonPlainValues.From(value);
        }
    }

    // One list per depth, reused from row to row (builders copy it): an object's list is still being filled while its
    // properties' objects are converted.
    [ThreadStatic]
    private static List<List<KeyValuePair<string, object?>>>? t_scratch;

    private static List<KeyValuePair<string, object?>> Scratch(int depth)
    {
        var lists = t_scratch ??= new List<List<KeyValuePair<string, object?>>>();
        while (lists.Count <= depth)
        {
            lists.Add(new List<KeyValuePair<string, object?>>());
        }

        // Cleared here too: a conversion that threw left its items behind.
        var list = lists[depth];
        list.Clear();
        return list;
    }

    private static string RowName(JsonProperty property, int index)
    {
        var names = t_rowNames;
        if (names is not null && index < names.Length && names[index] is string known && property.NameEquals(known))
        {
            return known;
        }

        if (names is null || index >= names.Length)
        {
            Array.Resize(ref names, Math.Max(16, 2 * index));
            t_rowNames = names;
        }

        return names[index] = property.Name;
    }

    /// <summary>The <c>_id</c>, <c>_key</c> and <c>_rev</c> a write returned, as a document object (what -PassThru emits).</summary>
    public static T Header<T>(C8DocumentResult result, IObjectBuilder<T> builder)
        where T : class
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var properties = new List<KeyValuePair<string, object?>>(4)
        {
            new("_id", result.Id),
            new("_key", result.Key),
            new("_rev", result.Rev),
        };
        if (result.OldRev is not null)
        {
            properties.Add(new("_oldRev", result.OldRev));
        }

        return builder.Create(DocumentTypeName, properties);
    }

    /// <summary>What -PassThru shows for a document an insert skipped because one with its key exists.</summary>
    public static T Skipped<T>(string id, string? key, IObjectBuilder<T> builder)
        where T : class =>
        builder.Create(DocumentTypeName, new List<KeyValuePair<string, object?>> { new("_id", id), new("_key", key), new("Skipped", true) });
}
