using System.Globalization;
using PSC8.Client.Json;

namespace PSC8.Json;

/// <summary>
/// Turns what a user pipes or passes (hashtables, PSObjects, JSON text, arrays of them) into documents and JSON
/// values, through the client's <see cref="JsonValueWriter"/>. Everything happens on the calling (pipeline) thread, so
/// no PowerShell object is touched later by the thread that sends the request, and a bad document is reported on its
/// own before anything is sent.
/// </summary>
internal sealed class DocumentJson
{
    private static readonly JsonDocumentOptions ParseOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly JsonObjectShape _shape;

    public DocumentJson(JsonObjectShape shape) => _shape = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <summary>A writer for one thread (a cmdlet invocation): writers keep scratch space between values.</summary>
    public JsonValueWriter NewWriter() => new(_shape);

    /// <summary>
    /// The documents in one input, not yet serialised: a property bag or dictionary is one document; JSON text holds
    /// one object or an array of objects (each a <see cref="JsonElement"/>); an array (a parameter value rather than
    /// pipeline input) holds one document per item.
    /// </summary>
    /// <exception cref="C8CommandException">C8.InvalidDocument: the input is not (made of) JSON objects.</exception>
    public IReadOnlyList<object> Documents(object? input)
    {
        var found = new List<object>(1);
        Collect(input, found);
        return found;
    }

    /// <summary>The documents in one input as detached JSON (see <see cref="Documents"/>).</summary>
    public IReadOnlyList<JsonElement> ToDocuments(object? input)
    {
        var writer = NewWriter();
        var documents = Documents(input);
        var elements = new JsonElement[documents.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = documents[i] is JsonElement element ? element : ToElement(writer, documents[i]);
        }

        return elements;
    }

    /// <summary>Writes one of <see cref="Documents"/>' documents.</summary>
    /// <exception cref="C8CommandException">C8.InvalidDocument: a value in it has no JSON form.</exception>
    public static void WriteDocument(JsonValueWriter writer, Utf8JsonWriter json, object document)
    {
        try
        {
            writer.Write(json, document);
        }
        catch (ArgumentException ex)
        {
            throw C8CommandException.InvalidDocument(ex.Message);
        }
    }

    /// <summary>The <c>_key</c> a document gives itself, if any (without serialising it).</summary>
    public string? KeyOf(object document)
    {
        var key = document switch
        {
            JsonElement element => element.TryGetProperty("_key", out var k) ? (object)k.ToString() : null,
            IDictionary dictionary => dictionary.Contains("_key") ? dictionary["_key"] : null,
            _ => System.Management.Automation.PSObject.AsPSObject(document).Properties["_key"]?.Value,
        };
        return key is null ? null : System.Convert.ToString(_shape.Unwrap(key), CultureInfo.InvariantCulture);
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

        var writer = NewWriter();
        foreach (DictionaryEntry entry in table)
        {
            var name = System.Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
            map[name] = ToElement(writer, entry.Value);
        }

        return map;
    }

    /// <summary>Any value as a detached JSON element.</summary>
    public JsonElement ToElement(object? value) => ToElement(NewWriter(), value);

    private static JsonElement ToElement(JsonValueWriter writer, object? value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            try
            {
                writer.Write(json, value);
            }
            catch (ArgumentException ex)
            {
                throw C8CommandException.InvalidDocument(ex.Message);
            }
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

    private void Collect(object? input, List<object> found)
    {
        var value = Unwrap(input);
        switch (value)
        {
            case null:
                throw C8CommandException.InvalidDocument("A document cannot be null.");
            case string text:
                CollectJson(Parse(text), found);
                return;
            case JsonElement element:
                CollectJson(element, found);
                return;
            case IDictionary:
                found.Add(value);
                return;
            case IEnumerable items when !JsonValueWriter.IsScalar(value):
                foreach (var item in items)
                {
                    Collect(item, found);
                }

                return;
        }

        if (JsonValueWriter.IsScalar(value))
        {
            throw C8CommandException.InvalidDocument("A " + value.GetType().Name + " is not a document; pass a hashtable, an object or JSON text of an object.");
        }

        found.Add(value);
    }

    private static void CollectJson(JsonElement element, List<object> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            found.Add(element);
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw C8CommandException.InvalidDocument("A JSON array of documents may hold only objects, not " + item.ValueKind + ".");
                }

                found.Add(item);
            }

            return;
        }

        throw C8CommandException.InvalidDocument("JSON " + element.ValueKind + " is not a document; a document is a JSON object.");
    }

    private object? Unwrap(object? value) => value is null ? null : _shape.Unwrap(value);
}
