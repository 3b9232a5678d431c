namespace PSC8.Server.Api;

/// <summary>Short-hand for building response objects.</summary>
internal static class Json
{
    public static C8Value S(string? text) => C8Value.From(text);

    public static C8Value B(bool value) => C8Value.From(value);

    public static C8Value N(double value) => C8Value.From(value);

    public static C8Value O(C8Object.Builder builder) => C8Value.From(builder.Build());

    public static C8Value Array(IEnumerable<C8Value> items) => C8Value.From(items.ToArray());

    public static C8Value Strings(IEnumerable<string> items) => Array(items.Select(S));

    public static C8Value Parse(string? json) => string.IsNullOrEmpty(json) ? C8Value.Null : C8Json.Parse(json);

    /// <summary>Reads an optional boolean attribute; anything but a boolean is a 400 naming the attribute.</summary>
    public static bool Bool(C8Object body, string name, bool defaultValue)
    {
        var value = body[name];
        return value.Type switch
        {
            C8Type.Null => defaultValue,
            C8Type.Bool => value.AsBool,
            _ => throw C8Errors.BadRequest($"'{name}' must be a boolean"),
        };
    }

    public static string? String(C8Object body, string name)
    {
        var value = body[name];
        return value.Type switch
        {
            C8Type.Null => null,
            C8Type.String => value.AsString,
            _ => throw C8Errors.BadRequest($"'{name}' must be a string"),
        };
    }

    public static long? Long(C8Object body, string name)
    {
        var value = body[name];
        return value.Type switch
        {
            C8Type.Null => null,
            C8Type.Number when value.AsNumber == Math.Floor(value.AsNumber) => (long)value.AsNumber,
            _ => throw C8Errors.BadRequest($"'{name}' must be an integer"),
        };
    }
}
