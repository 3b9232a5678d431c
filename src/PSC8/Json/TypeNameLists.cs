using System.Linq.Expressions;
using System.Reflection;

namespace PSC8.Json;

/// <summary>
/// A PSObject's internal type-name list. PowerShell shares one read-only list among all objects of a kind and copies
/// it on the first change through TypeNames, so lists made here can be shared by many objects the same way: rows of
/// one type name get one list instead of each copying the default and inserting into it, and a list can stand for
/// something all its objects have in common (where they were read). The public TypeNames is a fresh copy per call.
/// </summary>
internal static class TypeNameLists
{
    private static readonly PropertyInfo? Property = PSObjectInternals.Property("InternalTypeNames");

    private static readonly Func<PSObject, IEnumerable<string>>? Getter = PSObjectInternals.Getter<IEnumerable<string>>("InternalTypeNames");

    // Before the setter, which checks what it makes.
    private static readonly Func<IEnumerable<string>, object>? Constructor = CompileConstructor();

    private static readonly Action<PSObject, object>? Setter = CompileSetter();

    /// <summary>
    /// Whether lists can be shared here: false where a PowerShell version has no such members, or its lists would not
    /// copy before a change (then a change to one object would show in all that share its list).
    /// </summary>
    public static bool CanShare => Setter is not null;

    /// <summary>The object's own list (shared with others of its kind), or null where this PowerShell has none.</summary>
    public static IEnumerable<string>? Of(PSObject value) => Getter?.Invoke(value);

    /// <summary>Gives the object a list made by <see cref="Share"/>; only when <see cref="CanShare"/>.</summary>
    public static void Set(PSObject value, object list) => Setter!(value, list);

    /// <summary>A new read-only list of <paramref name="names"/> for objects to share; only when <see cref="CanShare"/>.</summary>
    public static object Share(IEnumerable<string> names) => Constructor!(names);

    private static Action<PSObject, object>? CompileSetter()
    {
        if (Property?.GetSetMethod(nonPublic: true) is null || Constructor is not { } construct)
        {
            return null;
        }

        var isReadOnly = Property.PropertyType.GetProperty("IsReadOnly", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (isReadOnly is null || !Equals(isReadOnly.GetValue(construct(new[] { "probe" })), true))
        {
            return null;
        }

        var wrapped = Expression.Parameter(typeof(PSObject), "wrapped");
        var names = Expression.Parameter(typeof(object), "names");
        var assign = Expression.Assign(Expression.Property(wrapped, Property), Expression.Convert(names, Property.PropertyType));
        return Expression.Lambda<Action<PSObject, object>>(assign, wrapped, names).Compile();
    }

    // new ConsolidatedString(names, interned: true): the read-only kind PowerShell shares.
    private static Func<IEnumerable<string>, object>? CompileConstructor()
    {
        var constructor = Property?.PropertyType.GetConstructor(
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { typeof(IEnumerable<string>), typeof(bool) }, null);
        if (constructor is null)
        {
            return null;
        }

        var names = Expression.Parameter(typeof(IEnumerable<string>), "names");
        var create = Expression.New(constructor, names, Expression.Constant(true));
        return Expression.Lambda<Func<IEnumerable<string>, object>>(Expression.Convert(create, typeof(object)), names).Compile();
    }
}
