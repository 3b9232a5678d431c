namespace PSC8.Server.Storage;

/// <summary>
/// <c>c8_element_keys(body, attribute)</c>: the terms an array index keeps of a document, as a JSON array of strings:
/// the <see cref="IndexKey"/> of each member of the attribute's array, once each, in hexadecimal (whose text order is
/// the bytes' order). A document whose attribute is not an array has none.
/// </summary>
internal static class ElementKeys
{
    public const string Function = "c8_element_keys";

    public static string Of(ReadOnlySpan<byte> body, string attribute)
    {
        var value = IndexKey.Extract(body, attribute);
        var keys = value.IsArray ? value.AsArray.ToArray().Select(Of).Distinct(StringComparer.Ordinal) : [];
        return C8Json.Serialize(C8Value.From(keys.Select(C8Value.From).ToArray()));
    }

    /// <summary>The term of one member.</summary>
    public static string Of(C8Value member) => Convert.ToHexString(IndexKey.Encode(member));
}
