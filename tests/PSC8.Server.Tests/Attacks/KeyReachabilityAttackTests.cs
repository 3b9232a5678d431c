namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row "_key '..' is stored but can never be reached by URL": every key C8 Local stores is reachable
/// through its URL-escaped path, or it is refused when written with 400/1221, illegal document key (API.md §12).
/// The allowed punctuation is ArangoDB's key alphabet, _-:.@()+,=;$!*'% (the same set DocumentTests exercise).
/// </summary>
public sealed class KeyReachabilityAttackTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_key_is_refused_by_every_write_path(string key)
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);

        (await Api.PostAsync(Paths.Documents(fabric, c), new { _key = key })).ShouldFail(400, 1221);
        (await Api.OpenCursorAsync(fabric, $"INSERT {{_key: @k}} INTO `{c}`", new { bindVars = new { k = key } })).ShouldFail(400, 1221);
        var batch = (await Api.PostAsync(Paths.Documents(fabric, c), new object[] { new { _key = key }, new { _key = "fine" } })).ShouldBe(202);
        Assert.Equal(1221, batch.Array[0].Long("errorNum"));

        Assert.Equal(1, (await Api.QueryAsync(fabric, $"RETURN LENGTH(`{c}`)")).Rows[0]!.GetValue<long>());

        var kv = C8HostFixture.Unique("kv");
        (await Api.PostAsync(Paths.Fabric(fabric, "kv/" + kv))).ShouldBe(200);
        (await Api.PutAsync(Paths.Fabric(fabric, $"kv/{kv}/value"), new[] { new { _key = key, value = 1 } })).ShouldFail(400, 1221);
    }

    public static TheoryData<string> PunctuationKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var c in "_-:.@()+,=;$!*'%")
        {
            keys.Add("k" + c + "k");
            if (c != '.')
            {
                keys.Add(c.ToString());
            }
        }
        foreach (var key in new[] { "...", ".k", "k.", "%41", "%2F", "%252F", "a%2e%2e", "'quoted'", "(x)", "a+b=c" })
        {
            keys.Add(key);
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(PunctuationKeys))]
    public async Task Every_allowed_key_round_trips_through_its_url(string key)
    {
        var fabric = await Fx.CreateFabricAsync();
        var c = await Fx.CreateCollectionAsync(fabric);
        (await Api.PostAsync(Paths.Documents(fabric, c), new { _key = key, v = 1 })).ShouldBe(202);

        Assert.Equal(key, (await Api.GetAsync(Paths.Document(fabric, c, key))).ShouldBe(200).Json.Str("_key"));
        (await Api.PatchAsync(Paths.Document(fabric, c, key), new { v = 2 })).ShouldBe(202);
        Assert.Equal(2, (await Api.GetAsync(Paths.Document(fabric, c, key))).ShouldBe(200).Json.Long("v"));
        (await Api.DeleteAsync(Paths.Document(fabric, c, key))).ShouldBe(202);
        (await Api.GetAsync(Paths.Document(fabric, c, key))).ShouldFail(404, 1202);
    }
}
