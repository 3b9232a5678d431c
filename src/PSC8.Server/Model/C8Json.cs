using System.Buffers;

namespace PSC8.Server.Model;

/// <summary>Reads and writes <see cref="C8Value"/> as UTF-8 JSON.</summary>
public static class C8Json
{
    private const int MaxDepth = 256;
    private const double MaxExactInteger = 9007199254740992d; // 2^53

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        // Room for the envelope around a value of the full depth (an answer's object, result array, row).
        MaxDepth = MaxDepth + 8,
    };

    /// <summary>Parses one JSON value; malformed input is a 400 with errorNum 600.</summary>
    public static C8Value Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw C8Errors.CorruptedJson("the body is empty");
            }
            var value = ReadValue(ref reader);
            if (reader.Read())
            {
                throw C8Errors.CorruptedJson("unexpected data after the JSON value");
            }
            return value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Invalid UTF-8 inside a string surfaces as InvalidOperationException, an unreadable number as
            // FormatException: both are a client's malformed body, not a server fault.
            throw C8Errors.CorruptedJson(e.Message);
        }
    }

    public static C8Value Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads the value at the reader's current token (which must already have been read).</summary>
    public static C8Value ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return C8Value.Null;
            case JsonTokenType.True:
                return C8Value.True;
            case JsonTokenType.False:
                return C8Value.False;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? C8Value.From(integer) : FiniteNumber(reader.GetDouble());
            case JsonTokenType.String:
                return C8Value.From(reader.GetString());
            case JsonTokenType.StartArray:
            {
                var items = new List<C8Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }
                return items.Count == 0 ? C8Value.EmptyArray : C8Value.From(items.ToArray());
            }
            case JsonTokenType.StartObject:
            {
                var builder = new C8Object.Builder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    builder.Set(name, ReadValue(ref reader));
                }
                return C8Value.From(builder.Build());
            }
            default:
                throw C8Errors.CorruptedJson($"unexpected token {reader.TokenType}");
        }
    }

    /// <summary>A number beyond the range of a double (1e400, a 400-digit integer) is refused rather than stored as null.</summary>
    private static C8Value FiniteNumber(double number) =>
        double.IsFinite(number) ? C8Value.From(number) : throw C8Errors.CorruptedJson("number out of range");

    /// <summary>
    /// Writes the value; one nested deeper than bodies may be (C8QL builds such values) is a 400 with errorNum 600,
    /// so that neither an answer nor a stored document holds what C8 Local could not read back.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, C8Value value) => Write(writer, value, depth: 0);

    private static void Write(Utf8JsonWriter writer, C8Value value, int depth)
    {
        if (value.Type is C8Type.Array or C8Type.Object && depth == MaxDepth)
        {
            throw C8Errors.NestedTooDeep(MaxDepth);
        }
        switch (value.Type)
        {
            case C8Type.Null:
                writer.WriteNullValue();
                break;
            case C8Type.Bool:
                writer.WriteBooleanValue(value.AsBool);
                break;
            case C8Type.Number when value.TryGetInteger(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case C8Type.Number:
                WriteNumber(writer, value.AsNumber);
                break;
            case C8Type.String:
                writer.WriteStringValue(value.AsString);
                break;
            case C8Type.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsArray)
                {
                    Write(writer, item, depth + 1);
                }
                writer.WriteEndArray();
                break;
            case C8Type.Object:
                writer.WriteStartObject();
                foreach (var pair in value.AsObject)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>Integral numbers are written without a fraction, as JSON readers in every driver expect.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (Math.Abs(number) < MaxExactInteger && number == Math.Floor(number))
        {
            writer.WriteNumberValue((long)number);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    public static JsonWriterOptions Options => WriterOptions;

    public static byte[] SerializeToUtf8(C8Value value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize(C8Value value) => Encoding.UTF8.GetString(SerializeToUtf8(value));
}
