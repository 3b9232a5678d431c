namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row about 500s: bad admin input such as a link latency of "1e30ms" answered 500 with the exception's
/// type and message. A client's mistake is a 400 naming the field (errorNum 10, as every bad parameter), and the
/// faults stay as they were.
/// </summary>
public sealed class AdminInputAttackTests(HardenedFixture fx) : IClassFixture<HardenedFixture>
{
    [Theory]
    [InlineData("linkLatency", "1e30ms")]
    [InlineData("replicationDelay", "1e300s")]
    [InlineData("linkLatency", "99999999m")]
    public async Task An_absurd_duration_is_400_and_changes_nothing(string field, string value)
    {
        var before = (await fx.Api().GetAsync(Paths.Faults)).ShouldBe(200).Result.ToJsonString();
        var refused = (await fx.Api().PutAsync(Paths.Faults, new Dictionary<string, string> { [field] = value })).ShouldFail(400, 10);
        Assert.Contains(field, refused.Json.Str("errorMessage"));
        Assert.Equal(before, (await fx.Api().GetAsync(Paths.Faults)).ShouldBe(200).Result.ToJsonString());
    }
}
