namespace PSC8.Files;

/// <summary>One document read from a file, with the line it starts on (for error messages that name it).</summary>
internal readonly struct DocumentRecord(long line, JsonElement document)
{
    public long Line { get; } = line;

    public JsonElement Document { get; } = document;
}
