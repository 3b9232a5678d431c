
namespace PSC8.Client.Tests;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("tmp*", "tmp", true)]
    [InlineData("tmp*", "TMP_orders", true)]
    [InlineData("tmp*", "orders_tmp", false)]
    [InlineData("*orders", "tmp_ORDERS", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("[ab]x", "Bx", true)]
    [InlineData("[a-c]x", "cx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("accounts", "Accounts", true)]
    [InlineData("accounts", "accounts2", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(x)+", "(x)+", true)]
    public void Matches_like_PowerShell(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, new C8Wildcard(pattern).IsMatch(name));
    }

    [Theory]
    [InlineData("tmp*", true)]
    [InlineData("a?", true)]
    [InlineData("[ab]", true)]
    [InlineData("plain_name", false)]
    [InlineData("a`*", false)]
    public void Knows_whether_a_pattern_is_a_wildcard(string pattern, bool expected)
    {
        Assert.Equal(expected, C8Wildcard.ContainsWildcards(pattern));
    }

    [Fact]
    public void Filter_keeps_order_returns_each_item_once_and_everything_without_patterns()
    {
        var names = new[] { "tmp1", "orders", "TMP2", "tmp_orders", "x" };
        Assert.Equal(new[] { "tmp1", "orders", "TMP2", "tmp_orders" }, C8Wildcard.Filter(names, new[] { "tmp*", "*orders" }, n => n));
        Assert.Equal(names, C8Wildcard.Filter(names, null, n => n));
        Assert.Empty(C8Wildcard.Filter(names, new[] { "nope*" }, n => n));
    }
}
