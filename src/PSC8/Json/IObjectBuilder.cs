namespace PSC8.Json;

/// <summary>
/// Creates the objects JSON objects become. The cmdlets supply one that builds PSObjects; tests supply plain
/// dictionaries, so the conversion rules are checked without a PowerShell runtime.
/// </summary>
internal interface IObjectBuilder<TObject>
    where TObject : class
{
    /// <summary>
    /// A new object with <paramref name="properties"/> in order, tagged with <paramref name="typeName"/> when it is not
    /// null; of properties whose names differ only in case (one PowerShell property), the last one wins. The list is
    /// the caller's scratch space, reused for the next object: copy what it holds, never keep it.
    /// </summary>
    TObject Create(string? typeName, IReadOnlyList<KeyValuePair<string, object?>> properties);
}
