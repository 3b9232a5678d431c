namespace PSC8.Server.Tests.Query;

/// <summary>
/// One C8QL conformance case, independent of any store: the query and bind parameters, the fixtures
/// (named data sets) to load first, and either the expected results (a JSON array) or the expected
/// error number (written "!1501"). Expected values follow the documented C8QL/AQL semantics.
/// </summary>
public sealed record ConformanceCase(string Name, string Query, string Expected)
{
    public string? BindVars { get; init; }

    public IReadOnlyList<string> Fixtures { get; init; } = [];

    /// <summary>Compare results as a multiset (C8QL leaves the order open, e.g. collection scans).</summary>
    public bool AnyOrder { get; init; }

    /// <summary>Warning codes that must have been raised.</summary>
    public IReadOnlyList<int> Warnings { get; init; } = [];

    /// <summary>A query run afterwards on the same data (to check what a write did), and its results.</summary>
    public string? Then { get; init; }

    public string? ThenExpected { get; init; }

    /// <summary>
    /// Where the expected value comes from: a page of the ArangoDB 3.11 manual (path below
    /// <c>site/content/arangodb/3.11/</c> of the documentation repository, with the section or example name).
    /// </summary>
    public string? Source { get; init; }

    public bool ExpectsError => Expected.StartsWith('!');

    public int ExpectedError => int.Parse(Expected[1..], System.Globalization.CultureInfo.InvariantCulture);

    public ConformanceCase Unordered() => this with { AnyOrder = true };

    public override string ToString() => Name;
}
