namespace PSC8.Server.Query.Compilation;

/// <summary>The executable form of a query with its bind parameters applied.</summary>
internal sealed record CompiledQuery(
    Pipeline Root,
    QueryLayout Layout,
    IReadOnlyList<string> Collections,
    IReadOnlyList<string> WrittenCollections,
    bool HasFullCountLimit,
    bool ReadsCollectionsByValue,
    IReadOnlyList<Variable> Variables);
