using System.Text;
using System.Text.RegularExpressions;

namespace PSC8.Files;

/// <summary>
/// Reads a CSV file (RFC 4180: a header line, quoted fields with doubled quotes and line breaks) into documents named by
/// the header. Unless text is asked for, a field that is a JSON number or true/false becomes one and an empty field
/// becomes null, so balances are numbers; "007" stays text, as does every _key, _from, _to and _id.
/// </summary>
internal static class CsvFile
{
    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static IEnumerable<DocumentRecord> Read(string path, char delimiter, bool asText)
    {
        using var reader = new StreamReader(path);
        var fields = new CsvFields(path, reader, delimiter);
        var header = fields.Next(out _);
        if (header is null)
        {
            yield break;
        }

        while (fields.Next(out var line) is { } record)
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Count != header.Count)
            {
                throw new DocumentFileException(path, line, "the line has " + record.Count + " fields, the header " + header.Count + ".");
            }

            yield return new DocumentRecord(line, Document(header, record, asText));
        }
    }

    private static JsonElement Document(IReadOnlyList<string> header, IReadOnlyList<string> record, bool asText)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < header.Count; i++)
            {
                writer.WritePropertyName(header[i]);
                WriteField(writer, header[i], record[i], asText);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void WriteField(Utf8JsonWriter writer, string name, string value, bool asText)
    {
        if (asText || name is "_key" or "_from" or "_to" or "_id")
        {
            writer.WriteStringValue(value);
        }
        else if (value.Length == 0)
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "false")
        {
            writer.WriteBooleanValue(value == "true");
        }
        else if (JsonNumber.IsMatch(value))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Splits the text into records of fields, quote-aware, counting lines.</summary>
    private sealed class CsvFields
    {
        private readonly string _path;
        private readonly TextReader _reader;
        private readonly char _delimiter;
        private long _line = 1;

        public CsvFields(string path, TextReader reader, char delimiter)
        {
            _path = path;
            _reader = reader;
            _delimiter = delimiter;
        }

        // The next record and the line it starts on; null at the end of the text.
        public List<string>? Next(out long line)
        {
            line = _line;
            if (_reader.Peek() < 0)
            {
                return null;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            while (true)
            {
                var c = _reader.Read();
                if (c < 0)
                {
                    if (quoted)
                    {
                        throw new DocumentFileException(_path, line, "a quoted field is not closed before the end of the file.");
                    }

                    fields.Add(field.ToString());
                    return fields;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (_reader.Peek() == '"')
                        {
                            field.Append('"');
                            _reader.Read();
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        _line += c == '\n' ? 1 : 0;
                        field.Append((char)c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == _delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && _reader.Peek() == '\n')
                    {
                        _reader.Read();
                    }

                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                }
                else
                {
                    field.Append((char)c);
                }
            }
        }
    }
}
