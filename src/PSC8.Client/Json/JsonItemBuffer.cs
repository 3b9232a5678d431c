using System.Text.Encodings.Web;

namespace PSC8.Client.Json;

/// <summary>
/// JSON values written one at a time as they arrive, into one pooled buffer, and copied byte for byte into a bulk
/// request body later. Each value is serialised once, on the thread that adds it (a PowerShell pipeline reads its
/// objects there and nowhere else), and a value that fails to serialise leaves nothing behind. Use it through
/// <see cref="WriteTo"/> as the <see cref="JsonItemWriter{T}"/> of a bulk call; one thread at a time.
/// </summary>
public sealed class JsonItemBuffer : IDisposable
{
    private static readonly JsonWriterOptions Options = new JsonWriterOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly BodyBuffer _bytes = new BodyBuffer(int.MaxValue);
    private readonly List<(int Start, int Length)> _items = new List<(int Start, int Length)>();
    private readonly Utf8JsonWriter _writer;

    /// <summary>An empty buffer.</summary>
    public JsonItemBuffer()
    {
        _writer = new Utf8JsonWriter(_bytes, Options);
    }

    /// <summary>How many values it holds.</summary>
    public int Count => _items.Count;

    /// <summary>How many bytes they take.</summary>
    public long Bytes => _bytes.Length;

    /// <summary>Serialises one value with <paramref name="write"/> and returns its index.</summary>
    public int Add(Action<Utf8JsonWriter> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var start = (int)_bytes.Length;
        try
        {
            write(_writer);
            _writer.Flush();
        }
        catch
        {
            _writer.Reset(_bytes);
            _bytes.Truncate(start);
            throw;
        }

        _writer.Reset(_bytes);
        _items.Add((start, (int)_bytes.Length - start));
        return _items.Count - 1;
    }

    /// <summary>Writes the value at <paramref name="index"/> as it was serialised.</summary>
    public void WriteTo(Utf8JsonWriter writer, int index)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var (start, length) = _items[index];
        var written = _bytes.Written;
        writer.WriteRawValue(new ReadOnlySpan<byte>(written.Array, written.Offset + start, length), skipInputValidation: true);
    }

    /// <summary>Empties the buffer, keeping its memory for the next values.</summary>
    public void Clear()
    {
        _items.Clear();
        _bytes.Truncate(0);
        _writer.Reset(_bytes);
    }

    /// <summary>Returns the memory to the pool.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _bytes.Dispose();
    }
}
