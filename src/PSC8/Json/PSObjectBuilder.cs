using System.Collections.Concurrent;

namespace PSC8.Json;

/// <summary>Builds the PSObjects JSON objects become (PSCustomObjects with note properties).</summary>
internal sealed class PSObjectBuilder : IObjectBuilder<PSObject>
{
    // Rows of one type name share one list (see TypeNameLists).
    private static readonly ConcurrentDictionary<string, object> SharedTypeNames = new(StringComparer.Ordinal);

    // The names of the last object found distinct: rows of one shape reuse their names (see JsonObjects), so the next
    // row with the same names is recognised by reference instead of compared pairwise again.
    [ThreadStatic]
    private static string[]? t_distinctNames;

    public static PSObjectBuilder Instance { get; } = new();

    private PSObjectBuilder()
    {
    }

    public PSObject Create(string? typeName, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var value = new PSObject();
        if (typeName is not null)
        {
            if (TypeNameLists.CanShare)
            {
                TypeNameLists.Set(value, SharedTypeNames.GetOrAdd(typeName, SharedTypeNamesFor));
            }
            else
            {
                value.TypeNames.Insert(0, typeName);
            }
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
        if (SameNames(t_distinctNames, properties))
        {
            return true;
        }

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
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in properties)
            {
                if (!seen.Add(property.Key))
                {
                    return false;
                }
            }
        }

        var names = new string[properties.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = properties[i].Key;
        }

        t_distinctNames = names;
        return true;
    }

    private static bool SameNames(string[]? names, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        if (names is null || names.Length != properties.Count)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(names[i], properties[i].Key))
            {
                return false;
            }
        }

        return true;
    }

    // The list PowerShell would give an object of this type name: the name, then a new PSObject's own.
    private static object SharedTypeNamesFor(string typeName) => TypeNameLists.Share(new[] { typeName }.Concat(new PSObject().TypeNames).ToList());
}
