namespace PSC8;

/// <summary>The file formats Import-C8Document reads and Export-C8Document writes.</summary>
public enum DocumentFileFormat
{
    /// <summary>One JSON document per line (.jsonl, .ndjson).</summary>
    JsonLines,

    /// <summary>A JSON array of documents, or one document (.json).</summary>
    Json,

    /// <summary>Comma-separated values with a header line (.csv); import only.</summary>
    Csv,
}
