using PSC8.Client;

namespace PSC8.Client.Tests;

public sealed class UrlTests
{
    [Theory]
    [InlineData("play.paas.macrometa.io", "https://api-play.paas.macrometa.io/")]
    [InlineData("https://play.paas.macrometa.io", "https://api-play.paas.macrometa.io/")]
    [InlineData("https://play.paas.macrometa.io/", "https://api-play.paas.macrometa.io/")]
    [InlineData("  gdn-us-west.paas.macrometa.io  ", "https://api-gdn-us-west.paas.macrometa.io/")]
    [InlineData("api-play.paas.macrometa.io", "https://api-play.paas.macrometa.io/")]
    [InlineData("https://api-play.paas.macrometa.io", "https://api-play.paas.macrometa.io/")]
    [InlineData("https://API-play.paas.macrometa.io", "https://api-play.paas.macrometa.io/")]
    [InlineData("https://api-play.paas.macrometa.io:443", "https://api-play.paas.macrometa.io/")]
    [InlineData("http://127.0.0.1:8529", "http://127.0.0.1:8529/")]
    [InlineData("http://127.0.0.1:8529/", "http://127.0.0.1:8529/")]
    [InlineData("127.0.0.1:8529", "http://127.0.0.1:8529/")]
    [InlineData("http://localhost:8529", "http://localhost:8529/")]
    [InlineData("localhost:8529", "http://localhost:8529/")]
    [InlineData("http://[::1]:8529", "http://[::1]:8529/")]
    [InlineData("https://10.1.2.3", "https://10.1.2.3/")]
    [InlineData("https://gdn.example.com:8443", "https://gdn.example.com:8443/")]
    [InlineData("us-west.c8.local", "https://api-us-west.c8.local/")]
    [InlineData("https://myserver", "https://myserver/")]
    [InlineData("https://proxy.example.com/c8/", "https://api-proxy.example.com/c8/")]
    public void Normalises_as_the_drivers_do(string input, string expected)
    {
        Assert.Equal(expected, C8Url.Normalize(input).AbsoluteUri);
    }

    [Fact]
    public void Prefix_can_be_turned_off()
    {
        Assert.Equal("https://play.paas.macrometa.io/", C8Url.Normalize("play.paas.macrometa.io", addApiPrefix: false).AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ftp://play.paas.macrometa.io")]
    [InlineData("https://play.paas.macrometa.io/?apikey=abc")]
    [InlineData("https://play.paas.macrometa.io/#x")]
    public void Rejects_what_is_not_a_base_url(string input)
    {
        Assert.Throws<ArgumentException>(() => C8Url.Normalize(input));
    }

    [Fact]
    public void Rejects_user_info_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => C8Url.Normalize("https://root:SuperSecret99@play.paas.macrometa.io"));
        Assert.DoesNotContain("SuperSecret99", ex.Message);
    }

    [Theory]
    [InlineData("gdn-us-west.paas.macrometa.io", "gdn-us-west")]
    [InlineData("us-west", "us-west")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    public void Region_name_is_the_first_label(string host, string expected)
    {
        Assert.Equal(expected, C8Url.RegionNameFromHost(host));
    }
}
