using System.Net.Http.Headers;

namespace PSC8.Server.Tests.Infrastructure;

/// <summary>One HTTP exchange with C8 Local: status, headers, raw body and (for JSON bodies) the parsed body.</summary>
/// <param name="Json">The parsed body, or null when there is none.</param>
public sealed record HttpExchange(
    HttpMethod Method, Uri Uri, int Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body, JsonNode? Json)
{
    public JsonNode? this[string name] => Json is JsonObject o ? o[name] : null;

    public JsonObject Object => Json as JsonObject ?? throw new XunitException($"{this}: the body is not a JSON object");

    public JsonArray Array => Json as JsonArray ?? throw new XunitException($"{this}: the body is not a JSON array");

    /// <summary>The envelope's "result" member.</summary>
    public JsonNode Result => Object["result"] ?? throw new XunitException($"{this}: no 'result' in the body");

    public string? Header(string name)
    {
        if (Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values))
        {
            return string.Join(",", values);
        }
        return null;
    }

    public HttpExchange ShouldBe(int status)
    {
        if (Status != status)
        {
            throw new XunitException($"Expected HTTP {status} but got {this}");
        }
        return this;
    }

    /// <summary>Asserts the status and GDN's error envelope with the given errorNum.</summary>
    public HttpExchange ShouldFail(int status, int errorNum)
    {
        ShouldBe(status);
        if (Json.Long("errorNum") != errorNum)
        {
            throw new XunitException($"Expected errorNum {errorNum} but got {this}");
        }
        return this;
    }

    public override string ToString() =>
        $"{Method} {Uri.PathAndQuery} -> {Status} {(Body.Length > 600 ? Body[..600] + "…" : Body)}";
}

/// <summary>Terse typed access to JSON members (null when absent or of another type).</summary>
public static class JsonAccess
{
    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public static bool? Bool(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static bool Has(this JsonNode? node, string name) => node is JsonObject o && o.ContainsKey(name);

    public static JsonObject Obj(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonObject inner ? inner : throw new XunitException($"'{name}' is not an object in {node?.ToJsonString()}");

    public static JsonArray Arr(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonArray inner ? inner : throw new XunitException($"'{name}' is not an array in {node?.ToJsonString()}");

    public static IReadOnlyList<string> Strings(this JsonNode? node) =>
        node is JsonArray a ? a.Select(i => i!.GetValue<string>()).ToList() : throw new XunitException($"not an array: {node?.ToJsonString()}");
}
