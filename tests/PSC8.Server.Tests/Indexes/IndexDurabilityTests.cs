namespace PSC8.Server.Tests.Indexes;

/// <summary>c8local killed with SIGKILL and restarted on its data folder: index definitions and what they enforce are still there, in every region.</summary>
public sealed class IndexDurabilityTests : DataFolderTest
{
    [Fact]
    public async Task Indexes_survive_SIGKILL_and_restart()
    {
        const string fabric = "durable";
        string byN, unique;
        await using (var first = await C8LocalProcess.StartAsync(Args))
        {
            var token = await Client(first, Dc.UsWest, null).LoginAsync(RootEmail, Password);
            var us = Client(first, Dc.UsWest, token);
            (await us.PostAsync(Paths.Databases, new { name = fabric, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "orders" })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "accounts", isSpot = true })).ShouldBe(200);
            byN = (await us.PostAsync(Paths.Fabric(fabric, "index?collection=orders"), new { type = "persistent", fields = new[] { "n" } })).ShouldBe(201).Json.Str("id")!;
            unique = (await us.PostAsync(Paths.Fabric(fabric, "index/persistent?collection=accounts"), new { type = "persistent", fields = new[] { "email" }, unique = true })).ShouldBe(201).Json.Str("id")!;
            (await us.PostAsync(Paths.Documents(fabric, "accounts"), new { email = "a" })).ShouldBe(202);
            (await us.PostAsync(Paths.Documents(fabric, "orders"), new { n = 7 })).ShouldBe(202);
            first.Kill();
        }

        await using var second = await C8LocalProcess.StartAsync(Args);
        var again = await Client(second, Dc.UsWest, null).LoginAsync(RootEmail, Password);
        foreach (var region in Dc.All)
        {
            var api = Client(second, region, again);
            (await api.GetAsync(Paths.Fabric(fabric, "index/" + byN))).ShouldBe(200);
            (await api.GetAsync(Paths.Fabric(fabric, "index/" + unique))).ShouldBe(200);
        }
        var us2 = Client(second, Dc.UsWest, again);
        (await us2.PostAsync(Paths.Documents(fabric, "accounts"), new { email = "a" })).ShouldFail(409, 1210);
        var run = await us2.QueryAsync(fabric, "FOR d IN orders FILTER d.n == 7 RETURN d.n");
        Assert.Single(run.Rows);
        Assert.Equal(1, run.Stats.Long("scannedIndex"));
    }

    [Fact]
    public async Task A_fulltext_index_survives_SIGKILL_and_restart_with_its_words()
    {
        const string fabric = "words";
        const string search = "FOR d IN FULLTEXT(notes, 'text', 'prefix:zeb,|river') RETURN d._key";
        await using (var first = await C8LocalProcess.StartAsync(Args))
        {
            var token = await Client(first, Dc.UsWest, null).LoginAsync(RootEmail, Password);
            var us = Client(first, Dc.UsWest, token);
            (await us.PostAsync(Paths.Databases, new { name = fabric, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "notes" })).ShouldBe(200);
            (await us.PostAsync(Paths.Documents(fabric, "notes"), new object[] { new { _key = "before", text = "Zebras" }, new { _key = "other", text = "horse" } })).ShouldBe(202);
            (await us.PostAsync(Paths.Fabric(fabric, "index/fulltext?collection=notes"), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201);
            (await us.PostAsync(Paths.Documents(fabric, "notes"), new { _key = "after", text = "a river" })).ShouldBe(202);
            first.Kill();
        }

        await using var second = await C8LocalProcess.StartAsync(Args);
        var again = await Client(second, Dc.UsWest, null).LoginAsync(RootEmail, Password);
        (await Client(second, Dc.EuCentral, again).PostAsync(Paths.Documents(fabric, "notes"), new { _key = "restarted", text = "zebra" })).ShouldBe(202);
        foreach (var region in Dc.All)
        {
            var api = Client(second, region, again);
            var run = await Eventually.WaitForAsync(() => api.QueryAsync(fabric, search), r => r.Rows.Count == 3, TimeSpan.FromSeconds(20), $"the restarted write to reach {region}");
            Assert.Equal(["after", "before", "restarted"], run.Rows.Select(r => r!.GetValue<string>()));
            Assert.Equal(3, run.Stats.Long("scannedIndex"));
        }
    }
}
