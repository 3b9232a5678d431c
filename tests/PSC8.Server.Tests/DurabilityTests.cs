namespace PSC8.Server.Tests;

/// <summary>
/// c8local as a child process on a data folder, killed with SIGKILL and restarted on the same folder: every
/// acknowledged write, data or metadata, is still there, and replication picks up where it stopped.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private const string Password = "durable-password";
    private const string Email = "root@c8.local";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "c8local-durability-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private string[] Args(string replicationDelay) =>
        ["--data", _data, "--port", "0", "--root-password", Password, "--replication-delay", replicationDelay];

    private static RegionClient Client(C8LocalProcess server, string region, string? token) =>
        new(region, server.UrlOf(region), token is null ? null : "bearer " + token, $"{region}.c8.local");

    private static Task<HttpExchange> WaitForAsync(RegionClient api, string path, Func<HttpExchange, bool> done, string what) =>
        Eventually.WaitForAsync(() => api.GetAsync(path), done, TimeSpan.FromSeconds(20), what);

    [Fact]
    public async Task Acknowledged_data_and_metadata_survive_SIGKILL_and_replication_resumes_after_restart()
    {
        const string fabric = "durable";
        const string global = "orders";
        const string spot = "accounts";
        const string local = "sessions";
        string token, generated, k1Rev, b1Rev, b3Rev, s1Rev, s2Rev, l1Rev;

        await using (var first = await C8LocalProcess.StartAsync(Args("30s")))
        {
            token = await Client(first, Dc.UsWest, null).LoginAsync(Email, Password);
            var us = Client(first, Dc.UsWest, token);
            var eu = Client(first, Dc.EuCentral, token);
            var ap = Client(first, Dc.ApSouth, token);

            // Metadata.
            (await us.PostAsync(Paths.Databases, new { name = fabric, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west", metadata = new { v = 1 } } })).ShouldBe(201);
            (await eu.PatchAsync(Paths.Fabric(fabric, "database/metadata"), new { metadata = new { w = 2 } })).ShouldBe(201);
            (await us.PostAsync(Paths.Databases, new { name = "dropped" })).ShouldBe(201);
            (await us.DeleteAsync($"{Paths.Databases}/dropped")).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = global })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = spot, isSpot = true })).ShouldBe(200);
            (await eu.PostAsync(Paths.Collections(fabric), new { name = local, isLocal = true })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "scratch" })).ShouldBe(200);
            (await us.DeleteAsync(Paths.Collection(fabric, "scratch"))).ShouldBe(200);
            (await ap.PutAsync(Paths.Collection(fabric, global, "properties"), new { hasStream = true })).ShouldBe(200);
            (await us.PutAsync("/datacenter/ap-south/false")).ShouldBe(200);

            // Data: single and batch writes in two regions, spot writes through non-spot regions, a local write.
            (await us.PostAsync(Paths.Documents(fabric, global), new { _key = "k1", v = 1 })).ShouldBe(202);
            k1Rev = (await us.PutAsync(Paths.Document(fabric, global, "k1"), new { v = 2 })).ShouldBe(202).Json.Str("_rev")!;
            generated = (await us.PostAsync(Paths.Documents(fabric, global), new { auto = true })).ShouldBe(202).Json.Str("_key")!;
            var batch = (await eu.PostAsync(Paths.Documents(fabric, global), new[] { new { _key = "b1" }, new { _key = "b2" }, new { _key = "b3" } })).ShouldBe(202);
            b1Rev = batch.Array[0].Str("_rev")!;
            b3Rev = batch.Array[2].Str("_rev")!;
            (await eu.DeleteAsync(Paths.Document(fabric, global, "b2"))).ShouldBe(202);
            (await eu.PostAsync(Paths.Documents(fabric, global), new { _key = "marker" })).ShouldBe(202);
            s1Rev = (await ap.PostAsync(Paths.Documents(fabric, spot), new { _key = "s1", balance = 10 })).ShouldBe(202).Json.Str("_rev")!;
            (await eu.PostAsync(Paths.Documents(fabric, spot), new[] { new { _key = "s2", balance = 20 }, new { _key = "s3", balance = 30 } })).ShouldBe(202);
            s2Rev = (await ap.PatchAsync(Paths.Document(fabric, spot, "s2"), new { balance = 25 })).ShouldBe(202).Json.Str("_rev")!;
            (await eu.DeleteAsync(Paths.Document(fabric, spot, "s3"))).ShouldBe(202);
            l1Rev = (await eu.PostAsync(Paths.Documents(fabric, local), new { _key = "l1" })).ShouldBe(202).Json.Str("_rev")!;

            // The 30 s delay holds the ordinary writes back: only a restarted replicator can deliver them.
            (await ap.GetAsync(Paths.Document(fabric, global, "k1"))).ShouldFail(404, 1202);
            (await us.GetAsync(Paths.Document(fabric, global, "b1"))).ShouldFail(404, 1202);

            first.Kill();
        }

        await using var second = await C8LocalProcess.StartAsync(Args("0ms"));
        // The signing secret is durable too, so the old token still works.
        var us2 = Client(second, Dc.UsWest, token);
        var eu2 = Client(second, Dc.EuCentral, token);
        var ap2 = Client(second, Dc.ApSouth, token);
        Assert.False(string.IsNullOrEmpty(await Client(second, Dc.ApSouth, null).LoginAsync(Email, Password)));

        // Metadata.
        var current = (await ap2.GetAsync(Paths.Fabric(fabric, "database/current"))).ShouldBe(200).Result.Obj("options");
        Assert.Equal("us-west,eu-central,ap-south", current.Str("dcList"));
        Assert.Equal("us-west", current.Str("spotDc"));
        Assert.Equal(1, current.Obj("metadata").Long("v"));
        Assert.Equal(2, current.Obj("metadata").Long("w"));
        var fabrics = (await us2.GetAsync(Paths.Databases)).ShouldBe(200).Result.Strings();
        Assert.Contains(fabric, fabrics);
        Assert.DoesNotContain("dropped", fabrics);
        var collections = (await eu2.GetAsync(Paths.Collections(fabric))).ShouldBe(200).Result.AsArray();
        Assert.Equal(new[] { spot, global, local }.Order(), collections.Select(c => c.Str("name")!).Order());
        Assert.True(collections.Single(c => c.Str("name") == global).Bool("hasStream"));
        Assert.True(collections.Single(c => c.Str("name") == spot).Bool("isSpot"));
        Assert.True(collections.Single(c => c.Str("name") == local).Bool("isLocal"));
        var regions = (await us2.GetAsync("/datacenter/all")).ShouldBe(200).Array;
        Assert.False(regions.Single(r => r.Str("name") == Dc.ApSouth).Bool("spot_region"));
        Assert.True(regions.Single(r => r.Str("name") == Dc.EuCentral).Bool("spot_region"));

        // Data, in the regions that acknowledged it, exactly as acknowledged.
        var k1 = (await us2.GetAsync(Paths.Document(fabric, global, "k1"))).ShouldBe(200);
        Assert.Equal(k1Rev, k1.Json.Str("_rev"));
        Assert.Equal(2, k1.Json.Long("v"));
        (await us2.GetAsync(Paths.Document(fabric, global, generated))).ShouldBe(200);
        Assert.Equal(b1Rev, (await eu2.GetAsync(Paths.Document(fabric, global, "b1"))).ShouldBe(200).Json.Str("_rev"));
        Assert.Equal(b3Rev, (await eu2.GetAsync(Paths.Document(fabric, global, "b3"))).ShouldBe(200).Json.Str("_rev"));
        (await eu2.GetAsync(Paths.Document(fabric, global, "b2"))).ShouldFail(404, 1202);
        foreach (var api in new[] { us2, eu2, ap2 })
        {
            Assert.Equal(s1Rev, (await api.GetAsync(Paths.Document(fabric, spot, "s1"))).ShouldBe(200).Json.Str("_rev"));
            var s2 = (await api.GetAsync(Paths.Document(fabric, spot, "s2"))).ShouldBe(200);
            Assert.Equal(s2Rev, s2.Json.Str("_rev"));
            Assert.Equal(25, s2.Json.Long("balance"));
            (await api.GetAsync(Paths.Document(fabric, spot, "s3"))).ShouldFail(404, 1202);
        }
        Assert.Equal(l1Rev, (await eu2.GetAsync(Paths.Document(fabric, local, "l1"))).ShouldBe(200).Json.Str("_rev"));
        (await us2.GetAsync(Paths.Document(fabric, local, "l1"))).ShouldFail(404, 1203);

        // Replication resumes where it stopped: each origin's log reaches the other regions, in order.
        foreach (var api in new[] { eu2, ap2 })
        {
            Assert.Equal(k1Rev, (await WaitForAsync(api, Paths.Document(fabric, global, "k1"), r => r.Status == 200, $"k1 in {api.Region}")).Json.Str("_rev"));
            await WaitForAsync(api, Paths.Document(fabric, global, generated), r => r.Status == 200, $"{generated} in {api.Region}");
        }
        foreach (var api in new[] { us2, ap2 })
        {
            await WaitForAsync(api, Paths.Document(fabric, global, "marker"), r => r.Status == 200, $"marker in {api.Region}");
            Assert.Equal(b1Rev, (await api.GetAsync(Paths.Document(fabric, global, "b1"))).ShouldBe(200).Json.Str("_rev"));
            Assert.Equal(b3Rev, (await api.GetAsync(Paths.Document(fabric, global, "b3"))).ShouldBe(200).Json.Str("_rev"));
            (await api.GetAsync(Paths.Document(fabric, global, "b2"))).ShouldFail(404, 1202);
        }

        // New writes carry on: generated keys do not repeat, and they replicate.
        var fresh = (await us2.PostAsync(Paths.Documents(fabric, global), new { after = true })).ShouldBe(202).Json.Str("_key")!;
        Assert.NotEqual(generated, fresh);
        await WaitForAsync(ap2, Paths.Document(fabric, global, fresh), r => r.Status == 200, "the post-restart write in ap-south");
        // k1, the generated one, b1, b3, marker and the new one.
        Assert.Equal(6, (await ap2.GetAsync(Paths.Collection(fabric, global, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task Every_write_acknowledged_before_a_SIGKILL_is_there_after_restart()
    {
        var acked = new ConcurrentDictionary<string, (string Collection, string Region, string Rev)>();
        const string fabric = "burst";
        string token;

        await using (var first = await C8LocalProcess.StartAsync(Args("0ms")))
        {
            token = await Client(first, Dc.UsWest, null).LoginAsync(Email, Password);
            var us = Client(first, Dc.UsWest, token);
            (await us.PostAsync(Paths.Databases, new { name = fabric, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "g" })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "s", isSpot = true })).ShouldBe(200);

            using var stop = new CancellationTokenSource();
            var writers = Dc.All.Select(region => Task.Run(async () =>
            {
                var api = Client(first, region, token);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var collection = i % 3 == 0 ? "s" : "g";
                    try
                    {
                        if (i % 5 == 4)
                        {
                            var keys = Enumerable.Range(0, 4).Select(j => $"{region}-{i}-{j}").ToArray();
                            var r = await api.PostAsync(Paths.Documents(fabric, collection), keys.Select(k => new { _key = k, i }).ToArray());
                            if (r.Status == 202)
                            {
                                for (var j = 0; j < keys.Length; j++)
                                {
                                    acked[keys[j]] = (collection, region, r.Array[j].Str("_rev")!);
                                }
                            }
                        }
                        else
                        {
                            var key = $"{region}-{i}";
                            var r = await api.PostAsync(Paths.Documents(fabric, collection), new { _key = key, i });
                            if (r.Status == 202)
                            {
                                acked[key] = (collection, region, r.Json.Str("_rev")!);
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException)
                    {
                        return; // The server is gone: whatever was in flight has no answer, so no promise was made.
                    }
                }
            })).ToArray();

            await Eventually.WaitForAsync(() => Task.FromResult(acked.Count), n => n >= 300, TimeSpan.FromSeconds(60), "300 acknowledged writes");
            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var second = await C8LocalProcess.StartAsync(Args("0ms"));
        foreach (var (key, (collection, region, rev)) in acked)
        {
            var read = (await Client(second, region, token).GetAsync(Paths.Document(fabric, collection, key))).ShouldBe(200);
            Assert.Equal(rev, read.Json.Str("_rev"));
        }
        // And the ordinary ones reach every region.
        var last = acked.Where(a => a.Value.Collection == "g").Select(a => a.Key).ToList();
        foreach (var region in Dc.All)
        {
            var api = Client(second, region, token);
            await Eventually.WaitForAsync(
                () => api.GetAsync(Paths.Collection(fabric, "g", "count")), r => r.Json.Long("count") >= last.Count, TimeSpan.FromSeconds(20), $"every write in {region}");
        }
    }
}
