namespace PSC8.Engine;

/// <summary>
/// What a change is aimed at: a name (within a fabric, for what lives in one) given by a "by name" parameter set, or
/// an object from a Get- cmdlet given by its -InputObject twin, which also says which connection it came from.
/// </summary>
internal sealed class ChangeTarget(string? fabric, string name, object? source)
{
    public const string NameSet = "Name";
    public const string InputObjectSet = "InputObject";

    /// <summary>The fabric, or null for what does not live in one (fabrics, API keys).</summary>
    public string? Fabric { get; } = fabric;

    public string Name { get; } = name;

    /// <summary>The object the target was given as; null for a name.</summary>
    public object? Source { get; } = source;

    /// <summary>
    /// The targets of a call: the objects of the -InputObject set (each identified by <paramref name="identify"/>,
    /// an empty fabric meaning <paramref name="fabric"/>), else the names, which belong to <paramref name="fabric"/>.
    /// </summary>
    public static IEnumerable<ChangeTarget> Of<T>(string parameterSet, IEnumerable<string> names, IEnumerable<T> objects, Func<T, (string? Fabric, string Name)> identify, string? fabric) =>
        parameterSet == InputObjectSet
            ? objects.Select(o =>
            {
                var (own, name) = identify(o);
                return new ChangeTarget(string.IsNullOrEmpty(own) ? fabric : own, name, o);
            })
            : names.Select(n => new ChangeTarget(fabric, n, null));

    public override string ToString() => Fabric is null ? Name : Fabric + "/" + Name;
}
