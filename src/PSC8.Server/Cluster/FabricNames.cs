namespace PSC8.Server.Cluster;

/// <summary>Naming rules for fabrics and collections (letters, digits, '_' and '-', at most 64 bytes).</summary>
internal static partial class FabricNames
{
    public const string System = "_system";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex FabricName();

    [GeneratedRegex("^_?[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex CollectionName();

    public static void ValidateFabric(string name)
    {
        if (!FabricName().IsMatch(name))
        {
            throw new C8Exception(400, C8Errors.IllegalDatabaseName,
                $"illegal fabric name '{name}': start with a letter, then letters, digits, '_' or '-', at most 64 characters");
        }
    }

    public static void ValidateCollection(string name, bool isSystem)
    {
        if (!CollectionName().IsMatch(name) || name.Length > 64 || (name[0] == '_') != isSystem)
        {
            throw new C8Exception(400, C8Errors.IllegalCollectionName,
                $"illegal collection name '{name}': start with a letter, then letters, digits, '_' or '-', at most 64 characters" +
                (name.StartsWith('_') && !isSystem ? " (names starting with '_' are for system collections)" : ""));
        }
    }
}
