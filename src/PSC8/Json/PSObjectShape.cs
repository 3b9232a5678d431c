using System.Collections.Specialized;
using System.Linq.Expressions;
using System.Reflection;
using PSC8.Client.Json;

namespace PSC8.Json;

/// <summary>
/// How PowerShell objects become JSON: a PSObject stands for what it wraps, except a PSCustomObject, which is a
/// property bag; other objects contribute the properties PowerShell shows for them (as ConvertTo-Json does).
/// </summary>
internal sealed class PSObjectShape : JsonObjectShape
{
    private const PSMemberTypes ValueMembers =
        PSMemberTypes.NoteProperty | PSMemberTypes.Property | PSMemberTypes.ScriptProperty | PSMemberTypes.AliasProperty | PSMemberTypes.CodeProperty;

    // Type names that no type data extends, so a bag with only these has no properties beyond its own members.
    private static readonly HashSet<string> PlainTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Management.Automation.PSCustomObject",
        "System.Object",
        "Selected.System.Management.Automation.PSCustomObject",
        JsonObjects.DocumentTypeName,
    };

    // A PSObject's own members: for a plain property bag, all of its properties. The public Properties collection
    // merges them with type data and adapters when first read, about 15 µs for each new object — most of what piping
    // objects into Add-C8Document cost. Null where a PowerShell version has no such member; then the public path runs.
    private static readonly Func<PSObject, IEnumerable<PSMemberInfo>>? OwnMembers = PSObjectInternals.Getter<IEnumerable<PSMemberInfo>>("InstanceMembers");

    // The dictionary behind those members, read by index: enumerating the collection copies it into a new list under
    // a lock for every object. The delegate answers null for a bag with hidden members (the enumeration skips them),
    // and is null where a PowerShell version keeps its members otherwise; then the enumeration runs.
    private static readonly Func<PSObject, OrderedDictionary?>? OwnMemberTable = InternalMemberTable();

    private static object? s_lastPlainNames;

    public static PSObjectShape Instance { get; } = new();

    private PSObjectShape()
    {
    }

    public override object? Unwrap(object value) =>
        value is PSObject wrapper && wrapper.BaseObject is not PSCustomObject ? wrapper.BaseObject : value;

    public override bool TryGetProperties(object value, List<KeyValuePair<string, object?>> properties)
    {
        var wrapped = PSObject.AsPSObject(value);
        var plain = OwnMembers is not null && wrapped.BaseObject is PSCustomObject && HasPlainTypeNames(wrapped);
        if (plain && OwnMemberTable?.Invoke(wrapped) is OrderedDictionary table)
        {
            for (var i = 0; i < table.Count; i++)
            {
                Add((PSMemberInfo)table[i]!, properties);
            }

            return true;
        }

        foreach (var member in plain ? OwnMembers!(wrapped) : wrapped.Properties)
        {
            Add(member, properties);
        }

        return true;
    }

    private static void Add(PSMemberInfo member, List<KeyValuePair<string, object?>> properties)
    {
        if ((member.MemberType & ValueMembers) == 0 || member is not PSPropertyInfo property || !property.IsGettable)
        {
            return;
        }

        object? propertyValue;
        try
        {
            propertyValue = property.Value;
        }
        catch (GetValueException)
        {
            // A getter that throws has no value to store; ConvertTo-Json skips such properties too.
            return;
        }

        properties.Add(new KeyValuePair<string, object?>(property.Name, propertyValue));
    }

    private static bool HasPlainTypeNames(PSObject wrapped)
    {
        // Objects of one kind share one internal type-name list (the public TypeNames is a fresh copy per call), so
        // the list seen last is recognised by reference instead of walked again for every object.
        var names = TypeNameLists.Of(wrapped) ?? wrapped.TypeNames;
        if (ReferenceEquals(names, s_lastPlainNames))
        {
            return true;
        }

        foreach (var name in names)
        {
            if (!PlainTypeNames.Contains(name))
            {
                return false;
            }
        }

        s_lastPlainNames = names;
        return true;
    }

    // wrapped.InstanceMembers.VisibleCount == Count ? its Members : null, compiled once: the collection's type is
    // internal, so no delegate type can name it.
    private static Func<PSObject, OrderedDictionary?>? InternalMemberTable()
    {
        const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;
        var instanceMembers = PSObjectInternals.Property("InstanceMembers");
        var collection = instanceMembers?.PropertyType;
        var table = collection?.GetProperty("Members", Internal);
        var count = collection?.GetProperty("Count", Internal | BindingFlags.Public);
        var visible = collection?.GetProperty("VisibleCount", Internal);
        if (table is null || count is null || visible is null || !typeof(OrderedDictionary).IsAssignableFrom(table.PropertyType))
        {
            return null;
        }

        var wrapped = Expression.Parameter(typeof(PSObject), "wrapped");
        var members = Expression.Variable(collection!, "members");
        var body = Expression.Block(
            new[] { members },
            Expression.Assign(members, Expression.Property(wrapped, instanceMembers!)),
            Expression.Condition(
                Expression.Equal(Expression.Property(members, visible), Expression.Property(members, count)),
                Expression.Convert(Expression.Property(members, table), typeof(OrderedDictionary)),
                Expression.Constant(null, typeof(OrderedDictionary))));
        return Expression.Lambda<Func<PSObject, OrderedDictionary?>>(body, wrapped).Compile();
    }
}
