using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using PSC8.Client.Json;

namespace PSC8.Client.Http;

/// <summary>
/// A JSON request body written straight to the request stream (chunked), flushed every
/// <see cref="FlushThreshold"/> bytes so a batch of any size never exists as one string or buffer.
/// </summary>
internal sealed class JsonBodyContent : HttpContent
{
    internal const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
    {
        // Non-ASCII text is sent as UTF-8 rather than \u escapes: smaller and still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Func<Utf8JsonWriter, Task> _write;

    public JsonBodyContent(Func<Utf8JsonWriter, Task> write)
    {
        _write = write;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

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

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        await _write(writer).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
