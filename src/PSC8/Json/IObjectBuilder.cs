namespace PSC8.Json;

/// <summary>
/// Creates the objects JSON objects become. The cmdlets supply one that builds PSObjects; tests supply plain
/// dictionaries, so the conversion rules are checked without a PowerShell runtime.
/// </summary>
internal interface IObjectBuilder<TObject>
    where TObject : class
{
    /// <summary>A new empty object, tagged with <paramref name="typeName"/> when it is not null.</summary>
    TObject Create(string? typeName);

    /// <summary>Adds a property; a later property with the same name replaces the earlier one.</summary>
    void Set(TObject target, string name, object? value);
}
