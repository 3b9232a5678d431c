using PSC8.Json;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>Builds plain dictionaries where the module builds PSObjects, so the JSON rules are checked without PowerShell.</summary>
internal sealed class DictionaryBuilder : IObjectBuilder<TypedBag>
{
    public static DictionaryBuilder Instance { get; } = new();

    public TypedBag Create(string? typeName, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var bag = new TypedBag(typeName);
        foreach (var property in properties)
        {
            bag[property.Key] = property.Value;
        }

        return bag;
    }
}

/// <summary>A property bag with the type name PowerShell would show first in PSTypeNames.</summary>
internal sealed class TypedBag(string? typeName) : Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
{
    public string? TypeName { get; } = typeName;
}
