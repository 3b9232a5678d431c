namespace PSC8.Files;

/// <summary>A file that is not what its format promises, at a known line: nothing of it is imported.</summary>
internal sealed class DocumentFileException : Exception
{
    public DocumentFileException(string path, long line, string problem)
        : base(path + ", line " + line + ": " + problem)
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }

    public long Line { get; }
}
