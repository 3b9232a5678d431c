using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace PSC8.Json;

/// <summary>Builds the PSObjects JSON objects become (PSCustomObjects with note properties).</summary>
internal sealed class PSObjectBuilder : IObjectBuilder<PSObject>
{
    // Sets a PSObject's internal type-name list. PowerShell shares one read-only list among all objects of a kind and
    // copies it on the first change through TypeNames; rows of one type name share one the same way, instead of each
    // copying the default list and inserting into it. Null where a PowerShell version has no such member.
    private static readonly Action<PSObject, object>? SetTypeNames = TypeNamesSetter();

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
            if (SetTypeNames is not null)
            {
                SetTypeNames(value, SharedTypeNames.GetOrAdd(typeName, SharedTypeNamesFor));
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

    // The read-only list PowerShell would give an object of this type name: the name, then a new PSObject's own.
    private static object SharedTypeNamesFor(string typeName)
    {
        var names = new List<string> { typeName };
        names.AddRange(new PSObject().TypeNames);
        return Activator.CreateInstance(
            InternalTypeNames!.PropertyType,
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            null,
            new object[] { names, true },
            null)!;
    }

    private static PropertyInfo? InternalTypeNames =>
        typeof(PSObject).GetProperty("InternalTypeNames", BindingFlags.Instance | BindingFlags.NonPublic);

    private static Action<PSObject, object>? TypeNamesSetter()
    {
        var property = InternalTypeNames;
        var constructor = property?.PropertyType.GetConstructor(
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { typeof(IEnumerable<string>), typeof(bool) }, null);
        var isReadOnly = property?.PropertyType.GetProperty("IsReadOnly", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (property?.GetSetMethod(nonPublic: true) is null || constructor is null || isReadOnly is null
            || !Equals(isReadOnly.GetValue(constructor.Invoke(new object[] { new[] { "probe" }, true })), true))
        {
            // Without a list PowerShell copies before changing, sharing one would let a change to one row show in all.
            return null;
        }

        var wrapped = Expression.Parameter(typeof(PSObject), "wrapped");
        var names = Expression.Parameter(typeof(object), "names");
        var assign = Expression.Assign(Expression.Property(wrapped, property), Expression.Convert(names, property.PropertyType));
        return Expression.Lambda<Action<PSObject, object>>(assign, wrapped, names).Compile();
    }
}
