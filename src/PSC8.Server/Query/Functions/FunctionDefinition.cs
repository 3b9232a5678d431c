namespace PSC8.Server.Query.Functions;

/// <summary>A function implementation; the arguments are only valid during the call.</summary>
internal delegate C8Value FunctionBody(QueryContext context, ReadOnlySpan<C8Value> arguments);

[Flags]
internal enum FunctionTraits
{
    None = 0,

    /// <summary>May give different results for the same arguments (RAND, DATE_NOW …): never folded at compile time.</summary>
    NonDeterministic = 1,

    /// <summary>Reads the store or execution state, so it cannot run at compile time.</summary>
    NeedsStore = 2,

    /// <summary>Its first argument may be a bare collection name, passed as a string.</summary>
    CollectionArgument = 4,

    /// <summary>
    /// May read documents of a collection given as a value (a name or document id string, or a function name
    /// for CALL), which is only known at run time unless the first argument is a bare collection name.
    /// </summary>
    ReadsCollectionByValue = 8,
}

internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, FunctionBody Body, FunctionTraits Traits)
{
    public bool IsFoldable => (Traits & (FunctionTraits.NonDeterministic | FunctionTraits.NeedsStore)) == 0;
}
