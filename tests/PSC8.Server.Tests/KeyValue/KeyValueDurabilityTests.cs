namespace PSC8.Server.Tests.KeyValue;

/// <summary>c8local on a data folder, killed with SIGKILL and restarted: key-value collections and their pairs are still there.</summary>
public sealed class KeyValueDurabilityTests : DataFolderTest
{
    [Fact]
    public async Task Pairs_and_expiration_settings_survive_SIGKILL()
    {
        var kv = Paths.Fabric("_system", "kv/settings");
        var later = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        await using (var first = await C8LocalProcess.StartAsync(Args))
        {
            var token = await Client(first, Dc.UsWest, null).LoginAsync("root@c8.local", Password);
            var us = Client(first, Dc.UsWest, token);
            (await us.PostAsync(kv + "?expiration=true")).ShouldBe(200);
            (await us.PutAsync(kv + "/value", new object[] { new { _key = "theme", value = "dark", expireAt = later }, new { _key = "lang", value = "en" } })).ShouldBe(202);
            (await us.DeleteAsync(kv + "/value/lang")).ShouldBe(202);
            first.Kill();
        }

        await using var second = await C8LocalProcess.StartAsync(Args);
        var api = Client(second, Dc.UsWest, await Client(second, Dc.UsWest, null).LoginAsync("root@c8.local", Password));
        Assert.Contains((await api.GetAsync(Paths.Fabric("_system", "kv"))).ShouldBe(200).Result.AsArray(),
            c => c.Str("name") == "settings" && c.Bool("expiration") == true);
        var theme = (await api.GetAsync(kv + "/value/theme")).ShouldBe(200);
        Assert.Equal("dark", theme.Json.Str("value"));
        Assert.Equal(later, theme.Json.Long("expireAt"));
        (await api.GetAsync(kv + "/value/lang")).ShouldFail(404, 1202);
    }
}
