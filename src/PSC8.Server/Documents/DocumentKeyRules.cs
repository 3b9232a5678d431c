namespace PSC8.Server.Documents;

/// <summary>
/// Validates user keys and generates missing ones. Generated numeric keys interleave regions
/// (value * stride + region index), so regions writing the same global collection never collide.
/// </summary>
internal static class DocumentKeyRules
{
    public const int MaxKeyBytes = 254;

    public static bool IsValid(string key)
    {
        if (key.Length == 0 || key.Length > MaxKeyBytes)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "_-:.@()+,=;$!*'%".Contains(c)))
            {
                return false;
            }
        }
        return true;
    }

    public static void Validate(string key)
    {
        if (!IsValid(key))
        {
            throw C8Errors.IllegalKey($"illegal document key '{Truncate(key)}': 1 to 254 characters of letters, digits and _-:.@()+,=;$!*'%");
        }
    }

    /// <summary>
    /// A key a write is about to store: besides <see cref="Validate"/>, not "." or "..", path segments that clients and
    /// servers resolve away, so no URL could reach them. Such keys stored before are still found, updated and removed.
    /// </summary>
    public static void ValidateNew(string key)
    {
        Validate(key);
        if (key is "." or "..")
        {
            throw C8Errors.IllegalKey($"illegal document key '{key}': '.' and '..' cannot be reached by URL");
        }
    }

    public static string Generate(IDocumentWriter writer, CollectionInfo collection, int regionIndex, int stride)
    {
        var options = collection.KeyOptions;
        switch (options.Type)
        {
            case "autoincrement":
                var increment = Math.Max(1, options.Increment);
                return writer.NextKeyValue(collection.Id, Math.Max(1, options.Offset), increment).ToString(CultureInfo.InvariantCulture);
            case "uuid":
            case "uuid64":
                return Guid.NewGuid().ToString();
            case "padded":
                return Interleaved(writer, collection, regionIndex, stride).ToString("x16", CultureInfo.InvariantCulture);
            default:
                return Interleaved(writer, collection, regionIndex, stride).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>After a user-chosen numeric key, generated keys continue above it (as ArangoDB's generators do).</summary>
    public static void TrackUserKey(IDocumentWriter writer, CollectionInfo collection, string key, int stride)
    {
        if (key.Length > 15 || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }
        writer.RaiseKeyValue(collection.Id, collection.KeyOptions.Type == "autoincrement" ? value : value / stride);
    }

    private static long Interleaved(IDocumentWriter writer, CollectionInfo collection, int regionIndex, int stride) =>
        (writer.NextKeyValue(collection.Id, 1, 1) * stride) + regionIndex;

    private static string Truncate(string key) => key.Length > 40 ? key[..40] + "…" : key;
}
