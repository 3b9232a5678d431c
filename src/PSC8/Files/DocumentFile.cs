namespace PSC8.Files;

/// <summary>The documents of a file in one of the <see cref="DocumentFileFormat"/>s, in order, one at a time.</summary>
internal static class DocumentFile
{
    /// <exception cref="DocumentFileException">The file is malformed at a line (thrown as that line is reached).</exception>
    public static IEnumerable<DocumentRecord> Read(string path, DocumentFileFormat format, char delimiter, bool asText) => format switch
    {
        DocumentFileFormat.Json => JsonArrayFile.Read(path),
        DocumentFileFormat.Csv => CsvFile.Read(path, delimiter, asText),
        _ => JsonLinesFile.Read(path),
    };
}
