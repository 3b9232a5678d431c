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

    /// <summary>Writes plain .NET values as <see cref="JsonValueWriter"/> does, objects by their public properties.</summary>
    public static JsonItemWriter<object?> Value { get; } = WriteValue;

    /// <summary>Writes <paramref name="value"/> as described for <see cref="Value"/>.</summary>
    /// <exception cref="ArgumentException">The value holds something JSON cannot carry (NaN, a SecureString, a cycle).</exception>
    public static void WriteValue(Utf8JsonWriter writer, object? value) => new JsonValueWriter(JsonObjectShape.Plain).Write(writer, value);
}
