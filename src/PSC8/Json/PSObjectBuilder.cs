using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace PSC8.Json;

/// <summary>Builds the PSObjects JSON objects become (PSCustomObjects with note properties).</summary>
internal sealed class PSObjectBuilder : IObjectBuilder<PSObject>
{
    // Gives a new PSObject its member collection, sized for its properties. Left to itself PowerShell makes one on
    // first use and records it in a table that holds it weakly by the object (for a property bag, to find it again
    // from that same object). Streaming a million rows left a million such entries for the collector to walk and the
    // table to outgrow: pwsh peaked at 208 MB streaming 1,000,000 rows with them, 156 MB without (147 MB for 100,000).
    // Null where a PowerShell version has no such members; then PowerShell makes it.
    private static readonly Action<PSObject, int>? GiveMembers = MembersSetter();

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
        GiveMembers?.Invoke(value, properties.Count);
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
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
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

    // wrapped.InstanceMembers = new PSMemberInfoInternalCollection<PSMemberInfo>(capacity), compiled once: the type is internal.
    private static Action<PSObject, int>? MembersSetter()
    {
        var property = PSObjectInternals.Property("InstanceMembers");
        var constructor = property?.PropertyType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { typeof(int) }, null);
        if (property?.GetSetMethod(nonPublic: true) is null || constructor is null)
        {
            return null;
        }

        var wrapped = Expression.Parameter(typeof(PSObject), "wrapped");
        var capacity = Expression.Parameter(typeof(int), "capacity");
        var assign = Expression.Assign(Expression.Property(wrapped, property), Expression.New(constructor, capacity));
        return Expression.Lambda<Action<PSObject, int>>(assign, wrapped, capacity).Compile();
    }
}
