namespace PSC8.Server.Tests.Query;

/// <summary>
/// The C8QL conformance table: one line per case, grouped by topic in the partial files. The cases do
/// not depend on a particular store, so the same table can run through the real server.
/// </summary>
public static partial class ConformanceTable
{
    private static readonly Lazy<IReadOnlyList<ConformanceCase>> AllCases = new(() =>
    [
        .. Basics(), .. Arithmetic(), .. Comparisons(), .. Logic(), .. Access(), .. BindParameters(), .. Loops(), .. Collect(),
        .. Subqueries(), .. TypeFunctions(), .. StringFunctions(), .. NumericFunctions(), .. ArrayFunctions(), .. DocumentFunctions(),
        .. DateFunctions(), .. DatabaseFunctions(), .. MiscFunctions(), .. Writes(), .. Errors(), .. Corrections(), .. BitFunctions(), .. TextFunctions(), .. MeasureFunctions(), .. StructureFunctions(), .. ZoneFunctions(), .. SyntaxAdditions(), .. GeoFunctions(), .. Collation(), .. Numbers(), .. DocExamples(), .. DocReference(), .. SchemaAndIntrospection(), .. RegexSyntax(), .. Casing(), .. IndexedQueries(),
    ]);

    public static IReadOnlyList<ConformanceCase> All => AllCases.Value;

    public static ConformanceCase Find(string name) => All.Single(c => c.Name == name);

    private static ConformanceCase Q(string name, string query, string expected) => new(name, query, expected);

    /// <summary>The users of the array-operator documentation, as a LET prefix.</summary>
    private const string DocUsers =
        "LET users = [ { name: 'john', age: 35, friends: [ { name: 'tina', age: 43 }, { name: 'helga', age: 52 }, { name: 'alfred', age: 34 } ] }, " +
        "{ name: 'yves', age: 24, friends: [ { name: 'sergei', age: 27 }, { name: 'tiffany', age: 25 } ] }, " +
        "{ name: 'sandra', age: 40, friends: [ { name: 'bob', age: 32 }, { name: 'elena', age: 48 } ] } ] ";
}
