namespace PSC8.Server.Query.Functions;

/// <summary>All built-in C8QL functions by upper-case name (aliases included).</summary>
internal static class FunctionRegistry
{
    /// <summary>Stands for "any number of arguments" in <see cref="FunctionDefinition.MaxArguments"/>.</summary>
    public const int Unbounded = 65536;

    private static readonly Dictionary<string, FunctionDefinition> Functions = Build();

    public static FunctionDefinition? Find(string upperCaseName) =>
        Functions.TryGetValue(upperCaseName, out var definition) ? definition : null;

    public static IEnumerable<string> Names => Functions.Keys;

    private static Dictionary<string, FunctionDefinition> Build()
    {
        var table = new FunctionTable();
        TypeFunctions.Register(table);
        StringFunctions.Register(table);
        RegexFunctions.Register(table);
        SimilarityFunctions.Register(table);
        Ipv4Functions.Register(table);
        HashFunctions.Register(table);
        NumericFunctions.Register(table);
        BitFunctions.Register(table);
        VectorFunctions.Register(table);
        DecayFunctions.Register(table);
        MinHashFunctions.Register(table);
        ArrayFunctions.Register(table);
        DocumentFunctions.Register(table);
        DateFunctions.Register(table);
        GeoFunctions.Register(table);
        DatabaseFunctions.Register(table);
        SchemaFunctions.Register(table);
        IndexFunctions.Register(table);
        MiscFunctions.Register(table);
        return table.Definitions;
    }
}

/// <summary>Collects definitions while the registry is built.</summary>
internal sealed class FunctionTable
{
    public Dictionary<string, FunctionDefinition> Definitions { get; } = new(StringComparer.Ordinal);

    public void Add(string name, int min, int max, FunctionBody body, FunctionTraits traits = FunctionTraits.None) =>
        Definitions.Add(name, new FunctionDefinition(name, min, max, body, traits));

    /// <summary>An alias shares the implementation but reports its own name.</summary>
    public void Alias(string alias, string target)
    {
        var definition = Definitions[target];
        Definitions.Add(alias, definition with { Name = alias });
    }
}
