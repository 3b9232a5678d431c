namespace PSC8.Files;

/// <summary>Which format a file is in when none is given: its extension says.</summary>
internal static class DocumentFileFormats
{
    public static DocumentFileFormat FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => DocumentFileFormat.Json,
        ".csv" => DocumentFileFormat.Csv,
        ".jsonl" or ".ndjson" or ".jsonlines" => DocumentFileFormat.JsonLines,
        _ => throw new ArgumentException("Cannot tell the format of '" + path + "' from its extension; give -Format Json, JsonLines or Csv."),
    };
}
