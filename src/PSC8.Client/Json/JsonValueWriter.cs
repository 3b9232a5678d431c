using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Security;

namespace PSC8.Client.Json;

/// <summary>
/// The one way PSC8 turns a .NET value into JSON, for documents, bind variables and metadata alike: null, strings,
/// booleans, numbers (integers exactly), dates (round-trip "o"), time spans, GUIDs, enums (by name), URIs, bytes
/// (base64), JSON values, dictionaries and key-value sequences (objects), other sequences (arrays), and any other
/// object through its <see cref="JsonObjectShape"/>'s properties. What JSON cannot hold is refused with an
/// <see cref="ArgumentException"/> rather than stored wrongly: NaN and infinities, a SecureString (storing it would
/// reveal a secret), and nesting deeper than <see cref="MaxDepth"/> (almost always an object that refers back to
/// itself). An instance reuses its scratch lists, so it is for one thread at a time.
/// </summary>
public sealed class JsonValueWriter
{
    /// <summary>Deeper graphs are almost always cycles.</summary>
    public const int MaxDepth = 32;

    private readonly JsonObjectShape _shape;
    private readonly List<List<KeyValuePair<string, object?>>> _scratch = new List<List<KeyValuePair<string, object?>>>();

    /// <summary>A writer that sees objects through <paramref name="shape"/>.</summary>
    public JsonValueWriter(JsonObjectShape shape)
    {
        _shape = shape ?? throw new ArgumentNullException(nameof(shape));
    }

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    /// <exception cref="ArgumentException">The value holds something JSON cannot carry.</exception>
    public void Write(Utf8JsonWriter writer, object? value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        Write(writer, value, 0);
    }

    /// <summary>The value to write for <paramref name="value"/>, as the shape unwraps it.</summary>
    public object? Unwrap(object? value) => value is null ? null : _shape.Unwrap(value);

    /// <summary>Whether <paramref name="value"/> (unwrapped) is written as a scalar rather than an object or array.</summary>
    public static bool IsScalar(object value) =>
        value is string || value is bool || value is char || value is Enum || value is Guid || value is Uri
        || value is DateTime || value is DateTimeOffset || value is TimeSpan || value is BigInteger
        || value is decimal || value is SecureString || value.GetType().IsPrimitive;

    private void Write(Utf8JsonWriter writer, object? raw, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException("The value is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep; does an object refer to itself?");
        }

        var value = Unwrap(raw);
        if (WriteScalar(writer, value))
        {
            return;
        }

        switch (value)
        {
            case JsonElement element:
                if (element.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    element.WriteTo(writer);
                }

                return;
            case JsonDocument document:
                document.RootElement.WriteTo(writer);
                return;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WriteObject(writer, pairs, depth);
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
        }

        var properties = Scratch(depth);
        if (_shape.TryGetProperties(value!, properties))
        {
            WriteObject(writer, properties, depth);
            properties.Clear();
            return;
        }

        properties.Clear();
        writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    private void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> properties, int depth)
    {
        writer.WriteStartObject();
        foreach (var property in properties)
        {
            writer.WritePropertyName(property.Key);
            Write(writer, property.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    // One list per depth: a property's value is written while its parent's list is still being read.
    private List<KeyValuePair<string, object?>> Scratch(int depth)
    {
        while (_scratch.Count <= depth)
        {
            _scratch.Add(new List<KeyValuePair<string, object?>>());
        }

        return _scratch[depth];
    }

    private static bool WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return true;
            case string s:
                writer.WriteStringValue(s);
                return true;
            case bool b:
                writer.WriteBooleanValue(b);
                return true;
            case int i:
                writer.WriteNumberValue(i);
                return true;
            case long l:
                writer.WriteNumberValue(l);
                return true;
            case double d:
                WriteFloat(writer, d);
                return true;
            case decimal m:
                writer.WriteNumberValue(m);
                return true;
            case float f:
                // Written as a float, so 0.1f stays 0.1 instead of its double expansion.
                CheckFinite(f);
                writer.WriteNumberValue(f);
                return true;
            case short sh:
                writer.WriteNumberValue(sh);
                return true;
            case byte by:
                writer.WriteNumberValue(by);
                return true;
            case sbyte sb:
                writer.WriteNumberValue(sb);
                return true;
            case ushort us:
                writer.WriteNumberValue(us);
                return true;
            case uint ui:
                writer.WriteNumberValue(ui);
                return true;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return true;
            case BigInteger big:
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case char c:
                writer.WriteStringValue(c.ToString());
                return true;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                return true;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return true;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                return true;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                return true;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return true;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                return true;
            case SecureString:
                throw new ArgumentException("A SecureString cannot be stored as JSON: that would keep the secret in plain text.");
            default:
                return false;
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        CheckFinite(value);
        writer.WriteNumberValue(value);
    }

    private static void CheckFinite(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException("JSON has no NaN or infinity; the value " + value.ToString(CultureInfo.InvariantCulture) + " cannot be stored.");
        }
    }
}
