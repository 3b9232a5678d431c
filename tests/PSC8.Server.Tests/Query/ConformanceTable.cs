namespace PSC8.Server.Tests.Query;

/// <summary>
/// The C8QL conformance table: the cases of the data files in Conformance/, embedded in this assembly. The cases do
/// not depend on a particular store, so the same table can run through the real server.
/// </summary>
public static class ConformanceTable
{
    private const string Folder = "Conformance";

    private const string Extension = ".cases";

    /// <summary>
    /// The tables in the order their cases are listed. The order is fixed because the parser's fuzz test draws its seed
    /// queries from the list by position.
    /// </summary>
    private static readonly string[] Tables =
    [
        "Language", "Queries", "Strings", "Functions", "Writes", "Errors", "Corrections", "Bits", "TextFunctions", "Measures",
        "Structures", "Zones", "Syntax", "Geo", "Collation", "Numbers", "DocExamples", "DocReference", "Schemas", "RegexSyntax",
        "Casing", "Indexes",
    ];

    private static readonly Lazy<IReadOnlyList<ConformanceCase>> AllCases = new(Load);

    public static IReadOnlyList<ConformanceCase> All => AllCases.Value;

    public static ConformanceCase Find(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<ConformanceCase> Load()
    {
        var assembly = typeof(ConformanceTable).Assembly;
        var unlisted = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Folder + "/", StringComparison.Ordinal))
            .Except(Tables.Select(ResourceOf), StringComparer.Ordinal)
            .ToList();
        if (unlisted.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join(", ", unlisted)}: not in {nameof(ConformanceTable)}.{nameof(Tables)}, so its cases would not run");
        }
        return Tables.SelectMany(table =>
        {
            var resource = ResourceOf(table);
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"{resource}: not embedded (see the test project file)");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return ConformanceFile.Parse($"Query/{resource}", reader);
        }).ToList();
    }

    private static string ResourceOf(string table) => $"{Folder}/{table}{Extension}";
}
