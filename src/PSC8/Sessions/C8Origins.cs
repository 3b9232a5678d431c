using System.Runtime.CompilerServices;
using PSC8.Json;

namespace PSC8.Sessions;

/// <summary>Where an emitted object was read: through which connection, and in which fabric.</summary>
internal sealed class C8Origin
{
    public C8Origin(C8Session session, string? fabric)
    {
        Session = session;
        Fabric = string.IsNullOrEmpty(fabric) ? null : fabric;
    }

    public C8Session Session { get; }

    /// <summary>The fabric the object lives in (a fabric's own name); null for what lives in none (regions, keys).</summary>
    public string? Fabric { get; }

    /// <summary>Whether both say the same connection and fabric.</summary>
    public bool Is(C8Origin other) => Is(other.Session, other.Fabric);

    /// <summary>Whether this says <paramref name="session"/> and <paramref name="fabric"/>.</summary>
    public bool Is(C8Session session, string? fabric) =>
        ReferenceEquals(Session, session) && string.Equals(Fabric, string.IsNullOrEmpty(fabric) ? null : fabric, StringComparison.Ordinal);
}

/// <summary>
/// Where each emitted object was read, so that piping it into another cmdlet acts on the server and fabric it came
/// from, not on whatever the default connection is. A property bag (a document, a row) carries it in its type-name
/// list: the rows of one query share one list that stands for their origin, as they would share PowerShell's own, so
/// a query of a million rows records one origin rather than a million table entries (weak entries cost the garbage
/// collector for every row it keeps). Other objects, and bags where lists cannot be shared, are kept in a table that
/// holds them weakly: it forgets what the session no longer references.
/// </summary>
internal static class C8Origins
{
    /// <summary>The property metadata objects (collections, fabrics, keys, ...) show their connection under.</summary>
    public const string PropertyName = "Connection";

    private static readonly ConditionalWeakTable<object, C8Origin> Table = new();

    // Origins are immutable: the rows of one query share the last one made instead of one each.
    private static C8Origin? s_last;

    /// <summary>
    /// Records where <paramref name="value"/> came from and returns what to write. Documents and rows (property bags)
    /// stay exactly as the server sent them — a visible extra property would be written back by Set-C8Document or
    /// exported by Export-Csv — while typed objects also show the connection as a property.
    /// </summary>
    /// <param name="fabric">The fabric a row was read in; typed objects say their own.</param>
    public static object? Mark(object? value, C8Session session, string? fabric = null)
    {
        if (value is null || value is string || value.GetType().IsValueType)
        {
            return value;
        }

        var wrapped = value as PSObject ?? new PSObject(value);
        var origin = OriginFor(session, FabricOf(wrapped.BaseObject) ?? fabric);
        if (wrapped.BaseObject is PSCustomObject && TypeNameLists.CanShare)
        {
            TypeNameLists.Set(wrapped, OriginNames.For(TypeNameLists.Of(wrapped)!, origin));
            return wrapped;
        }

        var key = KeyOf(wrapped);
        lock (Table)
        {
            Table.Remove(key);
            Table.Add(key, origin);
        }

        if (!(wrapped.BaseObject is PSCustomObject) && !(wrapped.BaseObject is IEnumerable))
        {
            wrapped.Properties.Remove(PropertyName);
            wrapped.Properties.Add(new PSNoteProperty(PropertyName, session));
        }

        return wrapped;
    }

    /// <summary>Where <paramref name="value"/> was read, or null for anything a cmdlet did not emit.</summary>
    public static C8Origin? Of(object? value)
    {
        if (value is null || value is string || value.GetType().IsValueType)
        {
            return null;
        }

        if (value is PSObject bag && bag.BaseObject is PSCustomObject && OriginNames.Of(TypeNameLists.Of(bag)) is { } carried)
        {
            return carried;
        }

        // Reading needs no lock: the table is safe for concurrent readers; the lock only keeps Remove and Add together.
        return Table.TryGetValue(value is PSObject wrapped ? KeyOf(wrapped) : value, out var origin) ? origin : null;
    }

    private static C8Origin OriginFor(C8Session session, string? fabric)
    {
        var last = s_last;
        return last is not null && last.Is(session, fabric) ? last : s_last = new C8Origin(session, fabric);
    }

    // A property bag is its PSObject (its base object is one shared PSCustomObject); a .NET object is itself.
    private static object KeyOf(PSObject wrapped) => wrapped.BaseObject is PSCustomObject ? wrapped : wrapped.BaseObject;

    private static string? FabricOf(object value) => value switch
    {
        C8Fabric fabric => fabric.Name,
        C8Collection collection => collection.Fabric,
        C8QueryWorker worker => worker.Fabric,
        _ => null,
    };
}
