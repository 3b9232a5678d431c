namespace PSC8.Server.Tests.Query;

public sealed class ConformanceFileTests
{
    private static IReadOnlyList<ConformanceCase> Parse(string text) => ConformanceFile.Parse("t.cases", new StringReader(text));

    [Fact]
    public void EveryKeyReachesItsField()
    {
        var cases = Parse("""
            # a comment
            case: one
            query:
            | FOR u IN users
            |
            |   RETURN u.name
            bind: {"x":1}
            on: users, c
            expect: ["John"]
            unordered
            warns: 1542, 1543
            then: RETURN 1
            then-expect: [1]
            cites: page.md#part

            case: two
            query-json: "  \t "
            expect: !1502
            """);

        Assert.Equal(2, cases.Count);
        var one = cases[0];
        Assert.Equal(("one", "FOR u IN users\n\n  RETURN u.name", """["John"]"""), (one.Name, one.Query, one.Expected));
        Assert.Equal("""{"x":1}""", one.BindVars);
        Assert.Equal(["users", "c"], one.Fixtures);
        Assert.True(one.AnyOrder);
        Assert.Equal([1542, 1543], one.Warnings);
        Assert.Equal(("RETURN 1", "[1]", "page.md#part"), (one.Then, one.ThenExpected, one.Source));
        var two = cases[1];
        Assert.Equal(("two", "  \t ", 1502), (two.Name, two.Query, two.ExpectedError));
        Assert.Equal((null, false, null), (two.BindVars, two.AnyOrder, two.Source));
        Assert.Empty(two.Fixtures);
        Assert.Empty(two.Warnings);
    }

    [Theory]
    [InlineData("case: a\nquery: RETURN 1\nexpected: [1]", 3)]
    [InlineData("query: RETURN 1", 1)]
    [InlineData("case: a\nquery: RETURN 1\nexpect: [1]\nquery: RETURN 2", 4)]
    [InlineData("case: a\nexpect: [1]", 1)]
    [InlineData("case: a\nquery:\nexpect: [1]", 2)]
    [InlineData("case: a\nquery: RETURN 1\n|  more\nexpect: [1]", 3)]
    [InlineData("case: a\nquery:\n|RETURN 1\nexpect: [1]", 3)]
    [InlineData("case: a\nquery-json: RETURN 1\nexpect: [1]", 2)]
    [InlineData("case: a\nquery: RETURN 1\nexpect: [1]\nwarns: 1542, x", 4)]
    [InlineData("case: a\nquery: RETURN 1\nexpect: [1]\nunordered: yes", 4)]
    [InlineData("case: a\nquery: RETURN 1\nexpect: [1]\nthen: RETURN 2", 1)]
    public void MalformedDataNamesTheFileAndLine(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));
        Assert.StartsWith($"t.cases:{line}: ", error.Message);
    }
}
