namespace PSC8.Files;

/// <summary>Reads a JSON Lines file: one document (a JSON object) per line; blank lines are skipped.</summary>
internal static class JsonLinesFile
{
    public static IEnumerable<DocumentRecord> Read(string path)
    {
        using var reader = new StreamReader(path);
        long number = 0;
        while (reader.ReadLine() is string line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            yield return new DocumentRecord(number, JsonDocuments.Object(path, number, line));
        }
    }
}

/// <summary>Parsing one document's text, with the file and line a problem is reported at.</summary>
internal static class JsonDocuments
{
    public static JsonElement Object(string path, long line, string text)
    {
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new DocumentFileException(path, line + (ex.LineNumber ?? 0), "not valid JSON: " + ex.Message);
        }

        return element.ValueKind == JsonValueKind.Object
            ? element
            : throw new DocumentFileException(path, line, "a document is a JSON object, not " + element.ValueKind + ".");
    }
}
