namespace PSC8.Files;

/// <summary>One document read from a file, with the line it starts on (for error messages that name it).</summary>
internal readonly struct DocumentRecord
{
    public DocumentRecord(long line, JsonElement document)
    {
        Line = line;
        Document = document;
    }

    public long Line { get; }

    public JsonElement Document { get; }
}
