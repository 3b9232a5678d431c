namespace PSC8.Server.Tests.Query;

public sealed class ConformanceTests
{
    public static IEnumerable<object[]> CaseNames => ConformanceTable.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Case(string name) => ConformanceRunner.RunInMemoryAsync(ConformanceTable.Find(name));

    [Fact]
    public void TableHasAtLeast400UniquelyNamedCases()
    {
        Assert.True(ConformanceTable.All.Count >= 400, $"only {ConformanceTable.All.Count} cases");
        Assert.Equal(ConformanceTable.All.Count, ConformanceTable.All.Select(c => c.Name).Distinct().Count());
    }
}
