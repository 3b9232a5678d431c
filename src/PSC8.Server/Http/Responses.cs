using Microsoft.AspNetCore.Http;

namespace PSC8.Server.Http;

/// <summary>
/// Writes GDN's response shapes. Successes carry error:false and code but never errorNum (pyC8 treats any
/// errorNum as a failure); errors always carry all four of error, code, errorNum, errorMessage (jsC8's test).
/// </summary>
internal static class Responses
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A bare JSON body (documents, datacenters, auth).</summary>
    public static async Task WriteAsync(HttpContext http, int status, Action<Utf8JsonWriter> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        // Written whole first, so that it goes out with a Content-Length: a client reads a chunked answer in more
        // pieces, and parses the chunk framing too. The answer was held whole in the response pipe before anyway.
        var buffer = ResponseBuffers.Rent();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, C8Json.Options))
            {
                body(writer);
            }
            http.Response.ContentLength = buffer.WrittenCount;
            await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            ResponseBuffers.Return(buffer);
        }
    }

    public static Task WriteValueAsync(HttpContext http, int status, C8Value value) =>
        WriteAsync(http, status, w => C8Json.Write(w, value));

    /// <summary>{"error":false,"code":status, …fields}.</summary>
    public static Task WriteEnvelopeAsync(HttpContext http, int status, Action<Utf8JsonWriter> fields) =>
        WriteAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("error", false);
            w.WriteNumber("code", status);
            fields(w);
            w.WriteEndObject();
        });

    /// <summary>{"error":false,"code":status,"result":value}.</summary>
    public static Task WriteResultAsync(HttpContext http, int status, C8Value result) =>
        WriteEnvelopeAsync(http, status, w =>
        {
            w.WritePropertyName("result");
            C8Json.Write(w, result);
        });

    /// <summary>Writes the attributes of <paramref name="fields"/> into an envelope (flattened payloads such as collections).</summary>
    public static Task WriteFlatAsync(HttpContext http, int status, C8Object fields) =>
        WriteEnvelopeAsync(http, status, w => WriteMembers(w, fields));

    public static void WriteMembers(Utf8JsonWriter writer, C8Object fields)
    {
        foreach (var pair in fields)
        {
            writer.WritePropertyName(pair.Key);
            C8Json.Write(writer, pair.Value);
        }
    }

    public static Task WriteErrorAsync(HttpContext http, C8Exception error) =>
        WriteAsync(http, error.HttpStatus, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("error", true);
            w.WriteNumber("code", error.HttpStatus);
            w.WriteNumber("errorNum", error.ErrorNum);
            w.WriteString("errorMessage", error.Message);
            if (error.Extra is not null)
            {
                WriteMembers(w, error.Extra);
            }
            w.WriteEndObject();
        });
}
