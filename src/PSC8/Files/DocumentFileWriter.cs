using System.Text.Encodings.Web;

namespace PSC8.Files;

/// <summary>
/// Writes rows to a JSON Lines or JSON file as they come. It writes into a file beside the target and moves it into
/// place on <see cref="Complete"/>; disposed without completing (a failure, Ctrl+C) it removes that file, so a
/// half-written export never takes the place of a complete one.
/// </summary>
internal sealed class DocumentFileWriter : IDisposable
{
    private static readonly byte[] NewLine = { (byte)'\n' };
    private static readonly byte[] Separator = { (byte)',', (byte)'\n' };
    private static readonly byte[] EmptyEnd = { (byte)']', (byte)'\n' };
    private static readonly byte[] End = { (byte)'\n', (byte)']', (byte)'\n' };
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _path;
    private readonly string _partial;
    private readonly DocumentFileFormat _format;
    private readonly bool _withoutSystemAttributes;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    /// <param name="withoutSystemAttributes">Leave out _id and _rev (documents), keeping _key and the rest.</param>
    public DocumentFileWriter(string path, DocumentFileFormat format, bool withoutSystemAttributes)
    {
        _path = path;
        _partial = path + ".partial-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        _format = format;
        _withoutSystemAttributes = withoutSystemAttributes;
        _stream = new FileStream(_partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        _writer = new Utf8JsonWriter(_stream, Options);
        if (format == DocumentFileFormat.Json)
        {
            _stream.WriteByte((byte)'[');
        }
    }

    /// <summary>Rows written so far.</summary>
    public long Count { get; private set; }

    public void Write(JsonElement row)
    {
        if (_format == DocumentFileFormat.Json)
        {
            var separator = Count == 0 ? NewLine : Separator;
            _stream.Write(separator, 0, separator.Length);
        }

        if (_withoutSystemAttributes && row.ValueKind == JsonValueKind.Object)
        {
            _writer.WriteStartObject();
            foreach (var property in row.EnumerateObject())
            {
                if (property.NameEquals("_id") || property.NameEquals("_rev"))
                {
                    continue;
                }

                property.WriteTo(_writer);
            }

            _writer.WriteEndObject();
        }
        else
        {
            row.WriteTo(_writer);
        }

        _writer.Flush();
        _writer.Reset();
        if (_format == DocumentFileFormat.JsonLines)
        {
            _stream.Write(NewLine, 0, 1);
        }

        Count++;
    }

    /// <summary>Closes the file and moves it to its path, replacing what was there.</summary>
    public void Complete()
    {
        if (_format == DocumentFileFormat.Json)
        {
            var end = Count == 0 ? EmptyEnd : End;
            _stream.Write(end, 0, end.Length);
        }

        _writer.Dispose();
        _stream.Dispose();
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }

        File.Move(_partial, _path);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _writer.Dispose();
        _stream.Dispose();
        File.Delete(_partial);
    }
}
