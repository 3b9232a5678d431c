using System.Collections.Generic;
using System.Linq;
using PSC8.Client.Models;

namespace PSC8;

/// <summary>A collection named by a "by name" parameter set or by its -InputObject twin.</summary>
internal sealed class CollectionTargets
{
    public const string NameSet = "Name";
    public const string InputObjectSet = "InputObject";

    private CollectionTargets(string fabric, string name)
    {
        Fabric = fabric;
        Name = name;
    }

    public string Fabric { get; }

    public string Name { get; }

    /// <summary>Collection objects carry their own fabric; names belong to <paramref name="fabric"/>.</summary>
    public static IEnumerable<CollectionTargets> Of(string parameterSet, IEnumerable<string> names, IEnumerable<C8Collection> objects, string fabric) =>
        parameterSet == InputObjectSet
            ? objects.Select(c => new CollectionTargets(string.IsNullOrEmpty(c.Fabric) ? fabric : c.Fabric, c.Name))
            : names.Select(n => new CollectionTargets(fabric, n));

    public override string ToString() => Fabric + "/" + Name;
}
