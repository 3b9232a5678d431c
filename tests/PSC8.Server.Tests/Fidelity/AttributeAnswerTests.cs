namespace PSC8.Server.Tests.Fidelity;

/// <summary>
/// Attributes of API keys and users (issue 18, item 4), replaying the calls of pyC8's test_apikeys/test_attributes,
/// test_permission/test_attributes_user and test_apikeys/test_permission_exceptions cassettes.
/// </summary>
public sealed class AttributeAnswerTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    public static TheoryData<string> Owners => new() { "key", "user" };

    private async Task<string> CreateOwnerAsync(string kind)
    {
        if (kind == "key")
        {
            var keyid = C8HostFixture.Unique("k");
            (await Api.PostAsync("/_api/key", new { keyid })).ShouldBe(201);
            return $"/_api/key/{keyid}";
        }
        var user = (await Api.PostAsync("/_api/user", new { email = C8HostFixture.Unique("u") + "@example.test", passwd = "Secret-123" })).ShouldBe(201).Json.Str("user");
        return $"/_api/user/{user}";
    }

    [Theory]
    [MemberData(nameof(Owners))]
    public async Task Put_merges_get_reads_delete_removes_one_or_all(string kind)
    {
        var owner = await CreateOwnerAsync(kind);

        var put = (await Api.PutAsync($"{owner}/attributes", new { foo = "bar", boo = "baz", soo = "kon" })).ShouldBe(200);
        Shape.HasExactly(put.Object, "error", "code", "result");
        Shape.HasExactly(put.Result.AsObject(), "foo", "boo", "soo");

        // The second PUT answers only what it was given; GET shows the merge.
        var second = (await Api.PutAsync($"{owner}/attributes", new { foo = "baz", boo = "bar" })).ShouldBe(200);
        Shape.HasExactly(second.Result.AsObject(), "foo", "boo");
        var merged = (await Api.GetAsync($"{owner}/attributes")).ShouldBe(200).Result;
        Assert.Equal(("baz", "bar", "kon"), (merged.Str("foo"), merged.Str("boo"), merged.Str("soo")));

        var deleted = (await Api.DeleteAsync($"{owner}/attributes/soo")).ShouldBe(202);
        Shape.HasExactly(deleted.Object, "error", "code");
        Shape.HasExactly((await Api.GetAsync($"{owner}/attributes")).ShouldBe(200).Result.AsObject(), "foo", "boo");

        (await Api.DeleteAsync($"{owner}/attributes/truncate")).ShouldBe(202);
        Shape.HasExactly((await Api.GetAsync($"{owner}/attributes")).ShouldBe(200).Result.AsObject());
    }

    [Fact]
    public async Task An_unknown_key_is_404_100015_on_every_attribute_call()
    {
        const string owner = "/_api/key/no_such_key_here";
        (await Api.GetAsync($"{owner}/attributes")).ShouldFail(404, 100015);
        (await Api.PutAsync($"{owner}/attributes", new { foo = "bar" })).ShouldFail(404, 100015);
        (await Api.DeleteAsync($"{owner}/attributes/truncate")).ShouldFail(404, 100015);
        var foo = (await Api.DeleteAsync($"{owner}/attributes/foo")).ShouldFail(404, 100015);
        Assert.Equal("invalid api key id", foo.Json.Str("errorMessage"));
    }

    [Theory]
    [MemberData(nameof(Owners))]
    public async Task A_caller_without_rights_gets_403_and_changes_nothing(string kind)
    {
        var owner = await CreateOwnerAsync(kind);
        (await Api.PutAsync($"{owner}/attributes", new { foo = "bar" })).ShouldBe(200);
        var (_, _, _, token) = await Fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        var stranger = Fx.WithToken(token);

        (await stranger.GetAsync($"{owner}/attributes")).ShouldFail(403, 11);
        (await stranger.PutAsync($"{owner}/attributes", new { foo = "evil" })).ShouldFail(403, 11);
        (await stranger.DeleteAsync($"{owner}/attributes/foo")).ShouldFail(403, 11);
        Assert.Equal("bar", (await Api.GetAsync($"{owner}/attributes")).ShouldBe(200).Result.Str("foo"));
    }

    [Fact]
    public async Task A_user_reads_its_own_attributes_but_cannot_change_them()
    {
        var (userId, _, _, token) = await Fx.AddUserAsync();
        (await Api.PutAsync($"/_api/user/{userId}/attributes", new { team = "blue" })).ShouldBe(200);
        var self = Fx.WithToken(token);

        Assert.Equal("blue", (await self.GetAsync($"/_api/user/{userId}/attributes")).ShouldBe(200).Result.Str("team"));
        (await self.PutAsync($"/_api/user/{userId}/attributes", new { team = "red" })).ShouldFail(403, 11);
    }
}
