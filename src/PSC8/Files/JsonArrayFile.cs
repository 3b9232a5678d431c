using System.Buffers;
using System.Text;

namespace PSC8.Files;

/// <summary>
/// Reads a JSON file holding an array of documents (or one document) a document at a time, so a large file is never
/// in memory whole; each document's line is known for error messages.
/// </summary>
internal sealed class JsonArrayFile : IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly string _path;
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _length;
    private int _consumed;
    private int _countedTo;
    private long _line = 1;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    private bool _final;
    private bool _started;
    private bool _single;
    private bool _done;
    private int _documentStart = -1;
    private long _documentLine;

    private JsonArrayFile(string path)
    {
        _path = path;
        _stream = File.OpenRead(path);
    }

    public static IEnumerable<DocumentRecord> Read(string path)
    {
        using var file = new JsonArrayFile(path);
        while (file.Next() is { } found)
        {
            foreach (var record in found)
            {
                yield return record;
            }
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    // The documents that end in the next chunk of the file; null at the end.
    private List<DocumentRecord>? Next()
    {
        if (_done)
        {
            return null;
        }

        Fill();
        var found = new List<DocumentRecord>();
        Scan(found);
        if (!_done)
        {
            if (_final)
            {
                throw new DocumentFileException(_path, _line, "the file ends before its JSON does.");
            }

            Slide();
        }

        return found;
    }

    private void Fill()
    {
        if (_length == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
    }

    // Reads the complete tokens of the buffer; a document whose end is among them becomes a record.
    private void Scan(List<DocumentRecord> found)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _consumed, _length - _consumed), _final, _state);
        try
        {
            while (!_done && reader.Read())
            {
                var at = _consumed + (int)reader.TokenStartIndex;
                CountLinesTo(at);
                Token(ref reader, at, found);
            }
        }
        catch (JsonException ex)
        {
            throw new DocumentFileException(_path, _line + (ex.LineNumber ?? 0), "not valid JSON: " + ex.Message);
        }

        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void Token(ref Utf8JsonReader reader, int at, List<DocumentRecord> found)
    {
        if (!_started)
        {
            _started = true;
            _single = reader.TokenType == JsonTokenType.StartObject;
            if (!_single && reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DocumentFileException(_path, _line, "the file holds neither an array of documents nor a document.");
            }

            if (!_single)
            {
                return;
            }
        }

        if (!_single && reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray)
        {
            _done = true;
            return;
        }

        var depth = _single ? 0 : 1;
        if (reader.CurrentDepth != depth)
        {
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _documentStart = at;
                _documentLine = _line;
                return;
            case JsonTokenType.EndObject:
                var end = _consumed + (int)reader.BytesConsumed;
                found.Add(new DocumentRecord(_documentLine, JsonDocuments.Object(_path, _documentLine, Encoding.UTF8.GetString(_buffer, _documentStart, end - _documentStart))));
                _documentStart = -1;
                _done = _single;
                return;
            default:
                throw new DocumentFileException(_path, _line, "a document is a JSON object, not " + reader.TokenType + ".");
        }
    }

    private void CountLinesTo(int at)
    {
        for (var i = _countedTo; i < at; i++)
        {
            if (_buffer[i] == (byte)'\n')
            {
                _line++;
            }
        }

        _countedTo = at;
    }

    // Moves what is still needed (an unfinished document, the unread rest) to the front of the buffer.
    private void Slide()
    {
        var keep = _documentStart >= 0 ? _documentStart : _consumed;
        Buffer.BlockCopy(_buffer, keep, _buffer, 0, _length - keep);
        _length -= keep;
        _consumed -= keep;
        _countedTo = Math.Max(0, _countedTo - keep);
        if (_documentStart >= 0)
        {
            _documentStart = 0;
        }
    }
}
