using System.Reflection;

namespace PSC8.Json;

/// <summary>
/// PowerShell's internal PSObject properties the module reads or sets (its member collection, its type-name list),
/// found by reflection; each is null where a PowerShell version has no such property, and the module then takes the
/// public way.
/// </summary>
internal static class PSObjectInternals
{
    /// <summary>The internal instance property <paramref name="name"/> of PSObject, or null.</summary>
    public static PropertyInfo? Property(string name) =>
        typeof(PSObject).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The getter of an internal PSObject property as a delegate, or null where there is none of that type.</summary>
    public static Func<PSObject, TValue>? Getter<TValue>(string name)
        where TValue : class
    {
        var getter = Property(name)?.GetGetMethod(nonPublic: true);
        if (getter is null || !typeof(TValue).IsAssignableFrom(getter.ReturnType))
        {
            return null;
        }

        return (Func<PSObject, TValue>)Delegate.CreateDelegate(typeof(Func<PSObject, TValue>), getter);
    }
}
