namespace PSC8.Engine;

/// <summary>
/// Which document a write targets: the collection and key the user gave, else what the document itself says
/// (<c>_key</c>, and the collection part of <c>_id</c>), so a document read by Get-C8Document can be piped on as is.
/// </summary>
internal static class DocumentAddress
{
    /// <summary>-Key when given; else the document's <c>_key</c>; else the key part of its <c>_id</c>.</summary>
    /// <exception cref="C8CommandException">C8.DocumentKeyMissing: none of them is there.</exception>
    public static string Key(string? key, JsonElement document)
    {
        if (!string.IsNullOrEmpty(key))
        {
            return key!;
        }

        if (String(document, "_key") is { Length: > 0 } fromKey)
        {
            return fromKey;
        }

        if (Split(String(document, "_id")) is (_, string fromId))
        {
            return fromId;
        }

        throw C8CommandException.InvalidArgument("C8.DocumentKeyMissing", "The document has no _key (or _id); pass -Key to say which document to change.");
    }

    /// <summary>-Collection when given; else the collection part of the document's <c>_id</c>.</summary>
    /// <exception cref="C8CommandException">C8.CollectionMissing: neither is there.</exception>
    public static string Collection(string? collection, JsonElement document) =>
        Collection(collection, String(document, "_id"));

    /// <summary>-Collection when given; else the collection part of the piped object's <c>_id</c>.</summary>
    /// <exception cref="C8CommandException">C8.CollectionMissing: neither is there.</exception>
    public static string Collection(string? collection, PSObject? piped) =>
        Collection(collection, piped?.Properties["_id"]?.Value as string);

    private static string Collection(string? collection, string? id)
    {
        if (!string.IsNullOrEmpty(collection))
        {
            return collection!;
        }

        if (Split(id) is (string fromId, _))
        {
            return fromId;
        }

        throw C8CommandException.InvalidArgument("C8.CollectionMissing", "Say which collection: pass -Collection, or pipe in documents that have an _id (collection/key).");
    }

    private static string? String(JsonElement document, string name) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (string Collection, string Key)? Split(string? id)
    {
        var slash = id?.IndexOf('/') ?? -1;
        return slash > 0 && slash < id!.Length - 1 ? (id.Substring(0, slash), id.Substring(slash + 1)) : null;
    }
}
