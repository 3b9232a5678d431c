using System.Text.Json;
using PSC8.Engine;

namespace PSC8.Json;

/// <summary>Which document a write targets when the user gives a document and perhaps a key.</summary>
internal static class DocumentKeys
{
    /// <summary>-Key when given; else the document's <c>_key</c>; else the key part of its <c>_id</c>.</summary>
    /// <exception cref="C8CommandException">C8.DocumentKeyMissing: none of them is there.</exception>
    public static string Resolve(string? key, JsonElement document)
    {
        if (!string.IsNullOrEmpty(key))
        {
            return key!;
        }

        if (document.ValueKind == JsonValueKind.Object)
        {
            if (document.TryGetProperty("_key", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() is { Length: > 0 } fromKey)
            {
                return fromKey;
            }

            if (document.TryGetProperty("_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is string fromId)
            {
                var slash = fromId.IndexOf('/');
                if (slash > 0 && slash < fromId.Length - 1)
                {
                    return fromId.Substring(slash + 1);
                }
            }
        }

        throw C8CommandException.InvalidArgument("C8.DocumentKeyMissing", "The document has no _key (or _id); pass -Key to say which document to change.");
    }
}
