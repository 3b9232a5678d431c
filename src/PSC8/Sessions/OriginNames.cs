using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PSC8.Json;

namespace PSC8.Sessions;

/// <summary>
/// Type-name lists that stand for an origin: the same names as the list a property bag had, made once for each such
/// list and origin and shared by every bag marked with both (see <see cref="TypeNameLists"/>). A bag whose list was
/// changed since (PowerShell copies it first) has lost its origin, as a copy made by Select-Object has.
/// </summary>
internal static class OriginNames
{
    // What each list made here stands for, held weakly by the list.
    private static readonly ConditionalWeakTable<object, OriginList> Made = new();

    // The lists made for a session, by the list they copy and the fabric; forgotten with the session.
    private static readonly ConditionalWeakTable<C8Session, ConcurrentDictionary<(IEnumerable<string> Source, string? Fabric), OriginList>> BySession = new();

    // Rows of one query are marked one after another with the same list and origin.
    private static OriginList? s_last;

    /// <summary>The list standing for <paramref name="origin"/> with the names of <paramref name="names"/> (a bag's own list).</summary>
    public static object For(IEnumerable<string> names, C8Origin origin)
    {
        var last = s_last;
        if (last is not null && (ReferenceEquals(last.Source, names) || ReferenceEquals(last.List, names)) && last.Origin.Is(origin))
        {
            return last.List;
        }

        // A bag marked again gets a copy of the list it had before it was first marked, not a copy of a copy.
        var source = Made.TryGetValue(names, out var made) ? made.Source : names;
        var lists = BySession.GetValue(origin.Session, _ => new(SourceAndFabric.Instance));
        var list = lists.GetOrAdd((source, origin.Fabric), _ => Make(source, origin));
        s_last = list;
        return list.List;
    }

    /// <summary>The origin <paramref name="names"/> stands for, or null for a list not made here.</summary>
    public static C8Origin? Of(IEnumerable<string>? names) => names is not null && Made.TryGetValue(names, out var made) ? made.Origin : null;

    private static OriginList Make(IEnumerable<string> source, C8Origin origin)
    {
        var made = new OriginList(source, origin, TypeNameLists.Share(source));
        Made.Add(made.List, made);
        return made;
    }

    private sealed class OriginList(IEnumerable<string> source, C8Origin origin, object list)
    {
        public IEnumerable<string> Source { get; } = source;

        public C8Origin Origin { get; } = origin;

        public object List { get; } = list;
    }

    // Lists are told apart by identity: each kind of object shares one.
    private sealed class SourceAndFabric : IEqualityComparer<(IEnumerable<string> Source, string? Fabric)>
    {
        public static SourceAndFabric Instance { get; } = new();

        public bool Equals((IEnumerable<string> Source, string? Fabric) x, (IEnumerable<string> Source, string? Fabric) y) =>
            ReferenceEquals(x.Source, y.Source) && string.Equals(x.Fabric, y.Fabric, StringComparison.Ordinal);

        public int GetHashCode((IEnumerable<string> Source, string? Fabric) value) =>
            RuntimeHelpers.GetHashCode(value.Source) ^ (value.Fabric is null ? 0 : StringComparer.Ordinal.GetHashCode(value.Fabric));
    }
}
