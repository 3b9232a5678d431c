namespace PSC8.Server.Query.Values;

/// <summary>Dotted attribute paths as index definitions name them (<c>address.zip</c>).</summary>
internal static class AttributePaths
{
    /// <summary>The value at the path; null where a step is missing or not an object, as C8QL's <c>d.a.b</c> reads it.</summary>
    public static C8Value Read(C8Object document, string path)
    {
        var value = C8Value.From(document);
        foreach (var part in path.Split('.'))
        {
            value = value[part];
        }
        return value;
    }
}
