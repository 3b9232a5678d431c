namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Refusing an unknown user costs what refusing a known user's wrong password costs: both compute one password hash
/// (against a stand-in hash when there is no user), so the answer's timing does not tell which names are users.
/// </summary>
public sealed class LoginRefusalTimingTests(UnthrottledFixture fx) : IClassFixture<UnthrottledFixture>
{
    private Task<HttpExchange> LoginAsync(object body) => fx.Anonymous().PostAsync("/_open/auth", body);

    private long PasswordChecks => fx.Host.Cluster.Authenticator.PasswordChecks;

    [Fact]
    public async Task Every_refusal_and_every_success_computes_exactly_one_password_hash()
    {
        var user = await fx.AddUserAsync();
        var inactive = await fx.AddUserAsync();
        var catalog = fx.Host.Cluster.Catalog;
        catalog.UpdateUser(catalog.FindUser(inactive.UserId)! with { Active = false });
        var key = fx.AddApiKey();
        var keyId = key.Split('.')[1];

        var attempts = new (object Body, int Status)[]
        {
            (new { email = "nobody-" + user.Email, password = user.Password }, 401),
            (new { tenant = fx.Host.Tenant, username = "nobody_" + user.UserId, password = user.Password }, 401),
            (new { tenant = "another-tenant", username = user.UserId, password = user.Password }, 401),
            (new { tenant = fx.Host.Tenant, username = keyId, password = "anything" }, 401),
            (new { email = inactive.Email, password = inactive.Password }, 401),
            (new { email = user.Email, password = "wrong" }, 401),
            (new { email = user.Email, password = user.Password }, 200),
        };
        foreach (var (body, status) in attempts)
        {
            var before = PasswordChecks;
            (await LoginAsync(body)).ShouldBe(status);
            Assert.Equal(before + 1, PasswordChecks);
        }
    }

    [Fact]
    public async Task Unknown_and_known_users_are_refused_in_about_the_same_time()
    {
        var user = await fx.AddUserAsync();
        var unknown = new { email = "nobody-" + user.Email, password = "wrong" };
        var known = new { email = user.Email, password = "wrong" };
        await LoginAsync(unknown);
        await LoginAsync(known);

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            unknownTimes.Add(await TimeAsync(unknown));
            knownTimes.Add(await TimeAsync(known));
        }
        // A wide margin: before the stand-in hash, unknown users were refused about 7 times faster.
        var ratio = Median(unknownTimes) / Median(knownTimes);
        Assert.InRange(ratio, 0.4, 2.5);
    }

    private async Task<double> TimeAsync(object body)
    {
        var watch = Stopwatch.StartNew();
        (await LoginAsync(body)).ShouldBe(401);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
