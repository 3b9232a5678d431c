using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;

namespace PSC8.Client.Http;

/// <summary>
/// A JSON request body. One of up to <see cref="BufferLimit"/> bytes is written to a pooled buffer first and sent
/// with a Content-Length (see <see cref="BufferAsync"/>); a larger one is written straight to the request stream
/// (chunked), flushed every <see cref="FlushThreshold"/> bytes, so no body past the limit exists as one buffer.
/// </summary>
internal sealed class JsonBodyContent : HttpContent
{
    internal const int FlushThreshold = 64 * 1024;

    internal const int BufferLimit = 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
    {
        // Non-ASCII text is sent as UTF-8 rather than \u escapes: smaller and still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ConcurrentBag<Utf8JsonWriter> IdleWriters = new ConcurrentBag<Utf8JsonWriter>();

    private readonly Func<Utf8JsonWriter, Task> _write;
    private BodyBuffer? _buffered;

    public JsonBodyContent(Func<Utf8JsonWriter, Task> write)
    {
        _write = write;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>The body, when it was buffered (up to 1 MB); null for a body written straight to the stream.</summary>
    public ArraySegment<byte>? Buffered => _buffered?.Written;

    public static JsonBodyContent Of(Action<Utf8JsonWriter> write) => new JsonBodyContent(w =>
    {
        write(w);
        return Task.CompletedTask;
    });

    public static JsonBodyContent Array<T>(IEnumerable<T> items, JsonItemWriter<T> itemWriter) => new JsonBodyContent(async w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            itemWriter(w, item);
            if (w.BytesPending >= FlushThreshold)
            {
                await w.FlushAsync().ConfigureAwait(false);
            }
        }

        w.WriteEndArray();
    });

    /// <summary>
    /// Writes the body into a pooled buffer if it fits in <see cref="BufferLimit"/>, so that it is sent with its
    /// length in one piece. Measured with 1,000-document batches against C8 Local, a chunked body cost the server
    /// about 15% more CPU per document, and the client more too. A body that does not fit is streamed later: the work
    /// done on it here, at most <see cref="BufferLimit"/> bytes' worth, is thrown away.
    /// </summary>
    public async Task BufferAsync()
    {
        var buffer = new BodyBuffer(BufferLimit);
        try
        {
            await WriteToAsync(buffer).ConfigureAwait(false);
            _buffered = buffer;
        }
        catch (BodyBuffer.FullException)
        {
            // Too large to buffer: SerializeToStreamAsync streams it.
        }
        finally
        {
            if (_buffered != buffer)
            {
                buffer.Dispose();
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext context)
    {
        if (_buffered is null)
        {
            return WriteToAsync(stream);
        }

        var body = _buffered.Written;
        return stream.WriteAsync(body.Array!, body.Offset, body.Count);
    }

    private async Task WriteToAsync(Stream target)
    {
        var writer = RentWriter(target);
        var written = false;
        try
        {
            await _write(writer).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
            written = true;
        }
        finally
        {
            ReturnWriter(writer, written);
        }
    }

    /// <summary>
    /// Writers are reused, with the buffer they grew: a new one grows from 256 bytes to past the flush threshold on
    /// every request, a few hundred kilobytes of garbage (part of it on the large object heap) per bulk request.
    /// </summary>
    private static Utf8JsonWriter RentWriter(Stream stream)
    {
        if (IdleWriters.TryTake(out var writer))
        {
            writer.Reset(stream);
            return writer;
        }

        return new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>A writer that failed half way may hold a partial value, so only one that finished is kept.</summary>
    private static void ReturnWriter(Utf8JsonWriter writer, bool reusable)
    {
        if (reusable)
        {
            // Let go of the request stream; the buffer stays.
            writer.Reset(Stream.Null);
            IdleWriters.Add(writer);
        }
        else
        {
            writer.Dispose();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _buffered?.Length ?? -1;
        return _buffered is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffered?.Dispose();
            _buffered = null;
        }

        base.Dispose(disposing);
    }
}
