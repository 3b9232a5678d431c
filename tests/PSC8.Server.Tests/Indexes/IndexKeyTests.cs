using PSC8.Server.Storage;

namespace PSC8.Server.Tests.Indexes;

/// <summary>
/// The keys of several attributes read in one pass over a stored body (how a batch's deferred index entries are made)
/// are the keys SQLite's c8_index_key gives one attribute at a time.
/// </summary>
public sealed class IndexKeyTests
{
    private static readonly string[] Paths = ["n", "s", "naïve", "a.b", "o", "arr", "missing", "nul", "t", "esc", "a.missing"];

    [Theory]
    [InlineData("""{"n":1.5,"s":"x","naïve":"é","a":{"b":[1,2]},"o":{"z":1,"y":[true]},"arr":[1,"2",null],"nul":null,"t":true,"esc":"quote \" and \u00e9"}""")]
    [InlineData("""{"n":-0,"n":7,"s":"first","s":"second","a":3,"o":null}""")]
    [InlineData("""{"na\u00efve":12,"\u006e":1e300,"esc":"plain","t":false,"a":{"c":1,"b":{"deep":"x"}}}""")]
    [InlineData("""{}""")]
    [InlineData("""[1,2]""")]
    public void Keys_read_together_are_the_keys_read_one_by_one(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var paths = Paths.Select(Encoding.UTF8.GetBytes).ToArray();
        var together = new byte[]?[paths.Length];
        IndexKey.OfAll(body, paths, together);
        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(Convert.ToHexString(IndexKey.Of(body, paths[i], sparse: false)!), Convert.ToHexString(together[i]!));
        }
    }

    [Fact]
    public void A_sparse_key_is_missing_where_a_null_key_stands_for_null_or_no_value()
    {
        var body = Encoding.UTF8.GetBytes("""{"nul":null,"n":0}""");
        Assert.Null(IndexKey.Of(body, "nul"u8, sparse: true));
        Assert.Null(IndexKey.Of(body, "missing"u8, sparse: true));
        Assert.True(IndexKey.IsNullKey(IndexKey.Of(body, "nul"u8, sparse: false)!));
        Assert.True(IndexKey.IsNullKey(IndexKey.Of(body, "missing"u8, sparse: false)!));
        Assert.False(IndexKey.IsNullKey(IndexKey.Of(body, "n"u8, sparse: true)!));
    }
}
