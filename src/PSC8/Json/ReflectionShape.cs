using System.Collections.Generic;
using System.Reflection;

namespace PSC8.Json;

/// <summary>Plain .NET objects: no wrapping, and public readable properties as JSON members.</summary>
internal sealed class ReflectionShape : IObjectShape
{
    public static ReflectionShape Instance { get; } = new();

    private ReflectionShape()
    {
    }

    public object? Unwrap(object value) => value;

    public bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var list = new List<KeyValuePair<string, object?>>();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0)
            {
                list.Add(new KeyValuePair<string, object?>(property.Name, property.GetValue(value)));
            }
        }

        properties = list;
        return list.Count > 0;
    }
}
