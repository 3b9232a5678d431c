namespace PSC8.Server.Storage;

/// <summary>
/// <c>c8_fulltext_words(body, attribute, minLength)</c>: the words a fulltext index keeps of a document, as a JSON
/// array of strings. They are <see cref="FulltextQuery.Words"/> of the attribute, the same words FULLTEXT checks
/// each document with, so the index finds a document exactly when the check would.
/// </summary>
internal static class FulltextWords
{
    public const string Function = "c8_fulltext_words";

    public static string Of(ReadOnlySpan<byte> body, string attribute, long minLength)
    {
        var words = FulltextQuery.Words(IndexKey.Extract(body, attribute), (int)minLength);
        return C8Json.Serialize(C8Value.From(words.Select(C8Value.From).ToArray()));
    }
}
