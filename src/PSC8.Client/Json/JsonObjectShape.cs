using System.Collections.Concurrent;
using System.Reflection;

namespace PSC8.Client.Json;

/// <summary>
/// How <see cref="JsonValueWriter"/> sees objects that are not plain JSON values: which value a wrapper stands for,
/// and which properties an object contributes as the members of a JSON object. Plain .NET objects contribute their
/// public readable properties; a host with objects of its own (PowerShell's PSObject) derives its own shape.
/// </summary>
public class JsonObjectShape
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new ConcurrentDictionary<Type, PropertyInfo[]>();

    /// <summary>Plain .NET objects: no wrappers, public readable properties.</summary>
    public static JsonObjectShape Plain { get; } = new JsonObjectShape();

    /// <summary>The value to write for <paramref name="value"/>: what a wrapper stands for, or the value itself.</summary>
    public virtual object? Unwrap(object value) => value;

    /// <summary>
    /// Adds the name and value of each property <paramref name="value"/> stores as a JSON object to
    /// <paramref name="properties"/>; false when it is not an object with properties to offer.
    /// </summary>
    public virtual bool TryGetProperties(object value, List<KeyValuePair<string, object?>> properties)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        var readable = PropertiesByType.GetOrAdd(value.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray());
        foreach (var property in readable)
        {
            properties.Add(new KeyValuePair<string, object?>(property.Name, property.GetValue(value)));
        }

        return readable.Length > 0;
    }
}
