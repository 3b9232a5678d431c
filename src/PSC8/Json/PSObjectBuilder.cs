using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace PSC8.Json;

/// <summary>Builds the PSObjects JSON objects become (PSCustomObjects with note properties).</summary>
internal sealed class PSObjectBuilder : IObjectBuilder<PSObject>
{
    public static PSObjectBuilder Instance { get; } = new();

    private PSObjectBuilder()
    {
    }

    public PSObject Create(string? typeName, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var value = new PSObject();
        if (typeName is not null)
        {
            value.TypeNames.Insert(0, typeName);
        }

        // Adding unchecked skips a name lookup per property, which costs more than building the object; only names that
        // repeat ignoring case (one PowerShell property) need the checked path.
        var distinct = Distinct(properties);
        foreach (var property in properties)
        {
            if (distinct)
            {
                value.Properties.Add(new PSNoteProperty(property.Key, property.Value), preValidated: true);
            }
            else if (value.Properties[property.Key] is PSPropertyInfo existing)
            {
                existing.Value = property.Value;
            }
            else
            {
                value.Properties.Add(new PSNoteProperty(property.Key, property.Value));
            }
        }

        return value;
    }

    private static bool Distinct(IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        if (properties.Count <= 8)
        {
            for (var i = 1; i < properties.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(properties[i].Key, properties[j].Key, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            if (!seen.Add(property.Key))
            {
                return false;
            }
        }

        return true;
    }
}
