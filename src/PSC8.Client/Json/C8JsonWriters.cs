using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace PSC8.Client.Json;

/// <summary>
/// Writes one item as a JSON value. Bulk calls take one of these so documents go straight from the caller's
/// objects to the request stream, with no intermediate strings (the PowerShell module supplies one for PSObject).
/// </summary>
public delegate void JsonItemWriter<in T>(Utf8JsonWriter writer, T item);

/// <summary>Ready-made <see cref="JsonItemWriter{T}"/>s.</summary>
public static class C8JsonWriters
{
    /// <summary>Writes a <see cref="JsonElement"/> as is.</summary>
    public static JsonItemWriter<JsonElement> Element { get; } = (w, e) => e.WriteTo(w);

    /// <summary>Writes a <see cref="JsonDocument"/>'s root.</summary>
    public static JsonItemWriter<JsonDocument> Document { get; } = (w, d) => d.RootElement.WriteTo(w);

    /// <summary>Writes already-serialised UTF-8 JSON (validated by the writer).</summary>
    public static JsonItemWriter<ReadOnlyMemory<byte>> RawUtf8 { get; } = (w, b) => w.WriteRawValue(b.Span);

    /// <summary>Writes a JSON text (validated by the writer).</summary>
    public static JsonItemWriter<string> RawText { get; } = (w, s) => w.WriteRawValue(s);

    /// <summary>
    /// Writes plain .NET values: null, strings, booleans, numbers, dates, GUIDs, JSON values, dictionaries
    /// (as objects) and other sequences (as arrays); anything else through System.Text.Json's serializer.
    /// </summary>
    public static JsonItemWriter<object?> Value { get; } = WriteValue;

    /// <summary>Writes <paramref name="value"/> as described for <see cref="Value"/>.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value) => WriteValue(writer, value, 0);

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (depth > 64)
        {
            throw new ArgumentException("The value is nested more than 64 levels deep (a cycle?).", nameof(value));
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case JsonElement e:
                if (e.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    e.WriteTo(writer);
                }

                return;
            case JsonDocument d:
                d.RootElement.WriteTo(writer);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double dbl:
                writer.WriteNumberValue(dbl);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case short sh:
                writer.WriteNumberValue(sh);
                return;
            case byte by:
                writer.WriteNumberValue(by);
                return;
            case uint ui:
                writer.WriteNumberValue(ui);
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case sbyte sb:
                writer.WriteNumberValue(sb);
                return;
            case ushort us:
                writer.WriteNumberValue(us);
                return;
            case char c:
                writer.WriteStringValue(c.ToString());
                return;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Guid g:
                writer.WriteStringValue(g);
                return;
            case Enum en:
                writer.WriteStringValue(en.ToString());
                return;
            case IDictionary dict:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dict)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var pair in pairs)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                return;
            case IEnumerable seq:
                writer.WriteStartArray();
                foreach (var item in seq)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                return;
        }
    }
}
