using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Security;
using System.Text.Json;
using PSC8.Engine;

namespace PSC8.Json;

/// <summary>
/// Turns what a user pipes or passes (hashtables, PSObjects, JSON text, arrays of them) into JSON. The result is
/// detached <see cref="JsonElement"/>s made on the calling (pipeline) thread, so no PowerShell object is touched
/// later by the thread that sends the request, and a bad document is reported on its own before anything is sent.
/// </summary>
internal sealed class DocumentJson
{
    /// <summary>Deeper graphs are almost always cycles (an object that refers back to itself).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions ParseOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly IObjectShape _shape;

    public DocumentJson(IObjectShape shape) => _shape = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <summary>
    /// The documents in one input: a property bag or dictionary is one document; JSON text holds one object or an
    /// array of objects; an array (a parameter value rather than pipeline input) holds one document per item.
    /// </summary>
    /// <exception cref="C8CommandException">C8.InvalidDocument: the input is not (made of) JSON objects.</exception>
    public IReadOnlyList<JsonElement> ToDocuments(object? input)
    {
        var value = Unwrap(input);
        switch (value)
        {
            case null:
                throw C8CommandException.InvalidDocument("A document cannot be null.");
            case string text:
                return Documents(Parse(text));
            case JsonElement element:
                return Documents(element);
            case IDictionary:
                return new[] { ToElement(value) };
            case IEnumerable items when !IsScalar(value):
                var list = new List<JsonElement>();
                foreach (var item in items)
                {
                    list.AddRange(ToDocuments(item));
                }

                return list;
        }

        if (IsScalar(value) || !_shape.TryGetProperties(value, out _))
        {
            throw C8CommandException.InvalidDocument("A " + value.GetType().Name + " is not a document; pass a hashtable, an object or JSON text of an object.");
        }

        return new[] { ToElement(value) };
    }

    /// <summary>An object value such as fabric metadata: a hashtable, a property bag or JSON text of an object.</summary>
    public JsonElement ToObject(object? value)
    {
        var element = Unwrap(value) is string text ? Parse(text) : ToElement(value);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw C8CommandException.InvalidArgument("C8.InvalidArgument", "The value must be a hashtable, an object or JSON text of an object.");
        }

        return element;
    }

    /// <summary>Bind variables or default parameters: each value as JSON, keys as given (C8QL names are case-sensitive).</summary>
    public IDictionary<string, object?> ToMap(IDictionary? table)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (table is null)
        {
            return map;
        }

        foreach (DictionaryEntry entry in table)
        {
            var name = System.Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
            map[name] = ToElement(entry.Value);
        }

        return map;
    }

    /// <summary>Any value as a detached JSON element.</summary>
    public JsonElement ToElement(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, 0);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, ParseOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw C8CommandException.InvalidDocument("The text is not valid JSON: " + ex.Message);
        }
    }

    private static IReadOnlyList<JsonElement> Documents(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new[] { element };
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var list = new List<JsonElement>(element.GetArrayLength());
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw C8CommandException.InvalidDocument("A JSON array of documents may hold only objects, not " + item.ValueKind + ".");
                }

                list.Add(item);
            }

            return list;
        }

        throw C8CommandException.InvalidDocument("JSON " + element.ValueKind + " is not a document; a document is a JSON object.");
    }

    private static bool IsScalar(object value) =>
        value is string || value is bool || value is char || value is Enum || value is Guid || value is Uri
        || value is DateTime || value is DateTimeOffset || value is TimeSpan || value is BigInteger
        || value.GetType().IsPrimitive || value is decimal;

    private object? Unwrap(object? value) => value is null ? null : _shape.Unwrap(value);

    private void Write(Utf8JsonWriter writer, object? raw, int depth)
    {
        if (depth > MaxDepth)
        {
            throw C8CommandException.InvalidDocument("The value is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep; does an object refer to itself?");
        }

        var value = Unwrap(raw);
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
            case char c:
                writer.WriteStringValue(c.ToString());
                return;
            case int or long or short or sbyte or byte or ushort or uint or ulong or decimal:
                writer.WriteRawValue(System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return;
            case double d:
                WriteFloat(writer, d);
                return;
            case float f:
                WriteFloat(writer, f);
                return;
            case BigInteger big:
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTime dt:
                writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                return;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case SecureString:
                // Serialising it would store nothing useful, and revealing it here would store a secret in plain text.
                throw C8CommandException.InvalidDocument("A SecureString cannot be stored in a document.");
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(System.Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
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

        if (_shape.TryGetProperties(value, out var properties))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                writer.WritePropertyName(property.Key);
                Write(writer, property.Value, depth + 1);
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw C8CommandException.InvalidDocument("JSON has no NaN or infinity; the value " + value.ToString(CultureInfo.InvariantCulture) + " cannot be stored.");
        }

        writer.WriteNumberValue(value);
    }
}
