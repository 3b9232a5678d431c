namespace PSC8.Server.Tests;

/// <summary>
/// The consistency model C8 Local must show: spot collections are served by the fabric's spot region whatever
/// region receives a request; ordinary collections commit locally and reach other regions after the configured
/// delay, converging by last-writer-wins; local collections never leave their region; a spot request at a
/// region cut off from the spot region fails fast with 503. Faults are set through GET/PUT /_api/c8local/faults.
/// Region A (us-west) is the spot region; B (eu-central) and C (ap-south) are the others.
/// </summary>
public sealed class ConsistencyTests(C8HostFixture fx) : IClassFixture<C8HostFixture>, IAsyncLifetime
{
    private const string A = Dc.UsWest;
    private const string B = Dc.EuCentral;
    private const string C = Dc.ApSouth;

    public Task InitializeAsync() => SetFaultsAsync(new { replicationDelay = "0ms", linkLatency = "0ms", isolated = Array.Empty<string>() });

    /// <summary>Every test leaves the faults as it found them: nothing delayed, nobody cut off.</summary>
    public async Task DisposeAsync()
    {
        await SetFaultsAsync(new { replicationDelay = "0ms", linkLatency = "0ms", isolated = Array.Empty<string>() });
        await fx.DrainAsync();
    }

    private async Task<HttpExchange> SetFaultsAsync(object faults) => (await fx.Api().PutAsync(Paths.Faults, faults)).ShouldBe(200);

    private async Task<(string Fabric, string Spot, string Global)> NewFabricAsync()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = string.Join(',', Dc.All), spotDc = A });
        return (fabric, await fx.CreateCollectionAsync(fabric, new { isSpot = true }), await fx.CreateCollectionAsync(fabric));
    }

    [Fact]
    public async Task The_faults_endpoint_reports_and_changes_the_settings()
    {
        var initial = (await fx.Api(C).GetAsync(Paths.Faults)).ShouldBe(200).Result;
        Assert.Equal("0ms", initial.Str("replicationDelay"));
        Assert.Equal("0ms", initial.Str("linkLatency"));
        Assert.Empty(initial.Arr("isolated"));

        var set = (await SetFaultsAsync(new { replicationDelay = "1.5s", linkLatency = "20ms", isolated = new[] { B } })).Result;
        Assert.Equal("1500ms", set.Str("replicationDelay"));
        Assert.Equal("20ms", set.Str("linkLatency"));
        Assert.Equal(new[] { B }, set["isolated"].Strings());

        // Attributes left out keep their value.
        var partial = (await SetFaultsAsync(new { linkLatency = "0ms" })).Result;
        Assert.Equal("1500ms", partial.Str("replicationDelay"));
        Assert.Equal(new[] { B }, partial["isolated"].Strings());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), fx.Host.Cluster.Faults.ReplicationDelay);
        Assert.True(fx.Host.Cluster.Faults.IsIsolated(B));
    }

    [Fact]
    public async Task A_spot_write_through_one_region_is_read_at_once_through_another_while_an_ordinary_write_lags()
    {
        var (fabric, spot, global) = await NewFabricAsync();
        await SetFaultsAsync(new { replicationDelay = "1500ms" });

        // Spot: written through B, served by A, read through C straight after the acknowledgement.
        var spotWrite = (await fx.Api(B).PostAsync(Paths.Documents(fabric, spot), new { _key = "balance", amount = 100 })).ShouldBe(202);
        var spotRead = (await fx.Api(C).GetAsync(Paths.Document(fabric, spot, "balance"))).ShouldBe(200);
        Assert.Equal(spotWrite.Json.Str("_rev"), spotRead.Json.Str("_rev"));
        Assert.Equal(100, spotRead.Json.Long("amount"));
        (await fx.Api(C).PatchAsync(Paths.Document(fabric, spot, "balance"), new { amount = 90 })).ShouldBe(202);
        foreach (var region in Dc.All)
        {
            Assert.Equal(90, (await fx.Api(region).GetAsync(Paths.Document(fabric, spot, "balance"))).ShouldBe(200).Json.Long("amount"));
            Assert.Equal(1, (await fx.Api(region).GetAsync(Paths.Collection(fabric, spot, "count"))).ShouldBe(200).Json.Long("count"));
        }

        // Ordinary: committed in B and readable there at once, not yet in C or A.
        var globalWrite = (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), new { _key = "note", text = "hello" })).ShouldBe(202);
        var acknowledged = Stopwatch.StartNew();
        (await fx.Api(B).GetAsync(Paths.Document(fabric, global, "note"))).ShouldBe(200);
        (await fx.Api(C).GetAsync(Paths.Document(fabric, global, "note"))).ShouldFail(404, 1202);
        (await fx.Api(A).GetAsync(Paths.Document(fabric, global, "note"))).ShouldFail(404, 1202);
        Assert.True(acknowledged.Elapsed < TimeSpan.FromMilliseconds(1000), "the not-yet checks ran inside the delay");

        // …then it arrives, after the delay and within a bound.
        var arrived = await Eventually.WaitForAsync(
            () => fx.Api(C).GetAsync(Paths.Document(fabric, global, "note")), r => r.Status == 200, TimeSpan.FromSeconds(15), "the write to reach C");
        Assert.True(acknowledged.Elapsed >= TimeSpan.FromMilliseconds(1000), $"arrived after {acknowledged.ElapsedMilliseconds} ms, before the delay");
        Assert.Equal(globalWrite.Json.Str("_rev"), arrived.Json.Str("_rev"));
        Assert.Equal("hello", arrived.Json.Str("text"));
        await Eventually.WaitForAsync(() => fx.Api(A).GetAsync(Paths.Document(fabric, global, "note")), r => r.Status == 200, TimeSpan.FromSeconds(15), "the write to reach A");
    }

    [Fact]
    public async Task Spot_reads_after_an_acknowledged_write_see_it_in_every_region()
    {
        var (fabric, spot, _) = await NewFabricAsync();
        await SetFaultsAsync(new { replicationDelay = "5s", linkLatency = "1ms" });
        for (var i = 0; i < 12; i++)
        {
            var writer = Dc.All[i % 3];
            var rev = (await fx.Api(writer).PostAsync(Paths.Documents(fabric, spot, "overwriteMode=replace"), new { _key = "counter", value = i }))
                .ShouldBe(202).Json.Str("_rev");
            foreach (var reader in Dc.All)
            {
                var read = (await fx.Api(reader).GetAsync(Paths.Document(fabric, spot, "counter"))).ShouldBe(200);
                Assert.Equal(i, read.Json.Long("value"));
                Assert.Equal(rev, read.Json.Str("_rev"));
            }
        }
    }

    [Fact]
    public async Task Spot_compare_and_swap_through_every_region_at_once_has_exactly_one_winner()
    {
        var (fabric, spot, _) = await NewFabricAsync();
        await SetFaultsAsync(new { linkLatency = "2ms" });
        var path = Paths.Document(fabric, spot, "wallet");
        var rev = (await fx.Api(B).PostAsync(Paths.Documents(fabric, spot), new { _key = "wallet", balance = 100 })).ShouldBe(202).Json.Str("_rev")!;
        for (var round = 1; round <= 5; round++)
        {
            // Every region saw the same revision and tries to spend from it at the same moment.
            var seen = rev;
            var attempts = await Task.WhenAll(Dc.All.Select(region =>
                fx.Api(region).PatchAsync(path, new { balance = 100 - (10 * round), by = region }, m => m.Headers.TryAddWithoutValidation("If-Match", $"\"{seen}\""))));
            var winner = Assert.Single(attempts, a => a.Status == 202);
            Assert.All(attempts.Where(a => a != winner), a => a.ShouldFail(412, 1200));
            rev = winner.Json.Str("_rev")!;
        }
        foreach (var region in Dc.All)
        {
            var wallet = (await fx.Api(region).GetAsync(path)).ShouldBe(200);
            Assert.Equal(50, wallet.Json.Long("balance"));
            Assert.Equal(rev, wallet.Json.Str("_rev"));
        }
    }

    [Fact]
    public async Task The_same_race_on_an_ordinary_collection_succeeds_in_every_region_then_converges()
    {
        var (fabric, _, global) = await NewFabricAsync();
        var path = Paths.Document(fabric, global, "wallet");
        var rev = (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), new { _key = "wallet", balance = 100 })).ShouldBe(202).Json.Str("_rev")!;
        await fx.DrainAsync();
        await SetFaultsAsync(new { replicationDelay = "200ms" });

        // Multi-master: each region checks the revision against its own replica, so all of them accept.
        var attempts = await Task.WhenAll(Dc.All.Select(region =>
            fx.Api(region).PatchAsync(path, new { balance = 90, by = region }, m => m.Headers.TryAddWithoutValidation("If-Match", $"\"{rev}\""))));
        Assert.All(attempts, a => a.ShouldBe(202));
        Assert.Equal(3, attempts.Select(a => a.Json.Str("_rev")).Distinct().Count());

        await fx.DrainAsync();
        await AssertIdenticalEverywhereAsync(fabric, global, ["wallet"]);
        var final = (await fx.Api(A).GetAsync(path)).ShouldBe(200);
        Assert.Contains(final.Json.Str("_rev"), attempts.Select(a => a.Json.Str("_rev")));
    }

    [Fact]
    public async Task Concurrent_conflicting_writes_through_different_regions_converge_everywhere()
    {
        var (fabric, _, global) = await NewFabricAsync();
        await SetFaultsAsync(new { replicationDelay = "150ms" });
        var keys = Enumerable.Range(0, 6).Select(i => $"k{i}").ToArray();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), keys.Select(k => new { _key = k, origin = "seed", n = 0 }).ToArray())).ShouldBe(202);
        await fx.DrainAsync();

        for (var round = 1; round <= 4; round++)
        {
            var r = round;
            // Each region writes every key at the same time, with a different kind of write per region and round.
            var writes = Dc.All.SelectMany((region, index) => keys.Select(async (key, k) =>
            {
                var api = fx.Api(region);
                var path = Paths.Document(fabric, global, key);
                var response = ((r + index + k) % 4) switch
                {
                    0 => await api.PutAsync(path, new { origin = region, n = r }),
                    1 => await api.PatchAsync(path, new JsonObject { ["origin"] = region, ["n"] = r, ["by_" + region] = r }),
                    2 => await api.DeleteAsync(path),
                    _ => await api.PostAsync(Paths.Documents(fabric, global, "overwriteMode=replace"), new { _key = key, origin = region, n = r, inserted = true }),
                };
                Assert.True(response.Status is 202 or 404, response.ToString()); // 404: already removed in this region
            }));
            await Task.WhenAll(writes);
            await fx.DrainAsync();
            await AssertIdenticalEverywhereAsync(fabric, global, keys);
        }
    }

    private async Task AssertIdenticalEverywhereAsync(string fabric, string collection, string[] keys)
    {
        foreach (var key in keys)
        {
            var reads = new List<HttpExchange>();
            foreach (var region in Dc.All)
            {
                reads.Add(await fx.Api(region).GetAsync(Paths.Document(fabric, collection, key)));
            }
            Assert.All(reads, r => Assert.Equal(reads[0].Status, r.Status));
            Assert.All(reads, r => Assert.Equal(reads[0].Body, r.Body));
        }
        var counts = new List<long?>();
        foreach (var region in Dc.All)
        {
            counts.Add((await fx.Api(region).GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200).Json.Long("count"));
        }
        Assert.All(counts, c => Assert.Equal(counts[0], c));
    }

    [Fact]
    public async Task A_causally_later_write_wins_everywhere()
    {
        var (fabric, _, global) = await NewFabricAsync();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "k", v = "first" })).ShouldBe(202);
        await fx.DrainAsync();
        // C has seen A's write; C's update is later, so it must win even though A's clock may be ahead.
        (await fx.Api(C).PatchAsync(Paths.Document(fabric, global, "k"), new { v = "second" })).ShouldBe(202);
        await fx.DrainAsync();
        (await fx.Api(B).DeleteAsync(Paths.Document(fabric, global, "k"))).ShouldBe(202);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Document(fabric, global, "k"))).ShouldFail(404, 1202);
        }
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "k", v = "reborn" })).ShouldBe(202);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            Assert.Equal("reborn", (await fx.Api(region).GetAsync(Paths.Document(fabric, global, "k"))).ShouldBe(200).Json.Str("v"));
        }
    }

    [Fact]
    public async Task Local_collections_never_leave_their_region()
    {
        var (fabric, _, _) = await NewFabricAsync();
        var local = await fx.CreateCollectionAsync(fabric, new { isLocal = true }, region: B);
        var id = long.Parse((await fx.Api(B).GetAsync(Paths.Collection(fabric, local))).ShouldBe(200).Json.Str("id")!);

        (await fx.Api(B).PostAsync(Paths.Documents(fabric, local), new[] { new { _key = "a" }, new { _key = "b" } })).ShouldBe(202);
        (await fx.Api(B).GetAsync(Paths.Document(fabric, local, "a"))).ShouldBe(200);
        await fx.DrainAsync();

        foreach (var other in new[] { A, C })
        {
            var api = fx.Api(other);
            (await api.GetAsync(Paths.Document(fabric, local, "a"))).ShouldFail(404, 1203);
            (await api.PostAsync(Paths.Documents(fabric, local), new { _key = "c" })).ShouldFail(404, 1203);
            (await api.PatchAsync(Paths.Document(fabric, local, "a"), new { v = 1 })).ShouldFail(404, 1203);
            (await api.DeleteAsync(Paths.Document(fabric, local, "a"))).ShouldFail(404, 1203);
            (await api.GetAsync(Paths.Collection(fabric, local, "count"))).ShouldFail(404, 1203);
            (await api.PostAsync(Paths.Fabric(fabric, $"import/{local}"), new { data = new[] { new { _key = "d" } } })).ShouldFail(404, 1203);
            (await api.GetAsync(Paths.Fabric(fabric, $"export/{local}"))).ShouldFail(404, 1203);
            Assert.Equal(0, fx.Host.Cluster.Region(other).Store.Read(reader => reader.Count(id)));
        }
        Assert.Equal(2, fx.Host.Cluster.Region(B).Store.Read(reader => reader.Count(id)));
        Assert.Equal(2, (await fx.Api(B).GetAsync(Paths.Collection(fabric, local, "count"))).ShouldBe(200).Json.Long("count"));
    }

    [Fact]
    public async Task A_spot_request_at_a_region_cut_off_from_the_spot_region_fails_fast_with_503()
    {
        var (fabric, spot, global) = await NewFabricAsync();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, spot), new { _key = "s", v = 1 })).ShouldBe(202);
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "g", v = 1 })).ShouldBe(202);
        await fx.DrainAsync();

        // A slow link would make any forwarded request take seconds; the cut-off one must not wait for it.
        await SetFaultsAsync(new { linkLatency = "3s", isolated = new[] { B } });
        var clock = Stopwatch.StartNew();
        (await fx.Api(B).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldFail(503, 503);
        (await fx.Api(B).PatchAsync(Paths.Document(fabric, spot, "s"), new { v = 2 })).ShouldFail(503, 503);
        (await fx.Api(B).PostAsync(Paths.Documents(fabric, spot), new { _key = "t" })).ShouldFail(503, 503);
        (await fx.Api(B).GetAsync(Paths.Collection(fabric, spot, "count"))).ShouldFail(503, 503);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"503s took {clock.ElapsedMilliseconds} ms");

        // The spot region itself still serves, and nothing of the refused writes happened.
        await SetFaultsAsync(new { linkLatency = "0ms" });
        var s = (await fx.Api(A).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldBe(200);
        Assert.Equal(1, s.Json.Long("v"));
        (await fx.Api(A).GetAsync(Paths.Document(fabric, spot, "t"))).ShouldFail(404, 1202);
        (await fx.Api(C).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldBe(200);

        // An isolated region keeps serving ordinary collections from its own copy and accepts writes to them.
        (await fx.Api(B).GetAsync(Paths.Document(fabric, global, "g"))).ShouldBe(200);
        (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), new { _key = "from-b" })).ShouldBe(202);
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "from-a" })).ShouldBe(202);
        await fx.DrainAsync();
        (await fx.Api(A).GetAsync(Paths.Document(fabric, global, "from-b"))).ShouldFail(404, 1202);
        (await fx.Api(B).GetAsync(Paths.Document(fabric, global, "from-a"))).ShouldFail(404, 1202);
        (await fx.Api(C).GetAsync(Paths.Document(fabric, global, "from-a"))).ShouldBe(200);

        // Healed: the backlog flows both ways.
        await SetFaultsAsync(new { isolated = Array.Empty<string>() });
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            (await fx.Api(region).GetAsync(Paths.Document(fabric, global, "from-b"))).ShouldBe(200);
            (await fx.Api(region).GetAsync(Paths.Document(fabric, global, "from-a"))).ShouldBe(200);
        }
        (await fx.Api(B).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldBe(200);
    }

    [Fact]
    public async Task When_the_spot_region_itself_is_cut_off_other_regions_answer_503()
    {
        var (fabric, spot, _) = await NewFabricAsync();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, spot), new { _key = "s" })).ShouldBe(202);
        await SetFaultsAsync(new { isolated = new[] { A } });
        (await fx.Api(B).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldFail(503, 503);
        (await fx.Api(C).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldFail(503, 503);
        (await fx.Api(A).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldBe(200);
    }

    [Fact]
    public async Task Forwarded_spot_requests_pay_the_link_latency_both_ways()
    {
        var (fabric, spot, _) = await NewFabricAsync();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, spot), new { _key = "s" })).ShouldBe(202);
        await SetFaultsAsync(new { linkLatency = "150ms" });
        var clock = Stopwatch.StartNew();
        (await fx.Api(C).GetAsync(Paths.Document(fabric, spot, "s"))).ShouldBe(200);
        Assert.True(clock.ElapsedMilliseconds >= 290, $"forwarded read took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Truncating_an_ordinary_collection_reaches_every_region()
    {
        var (fabric, _, global) = await NewFabricAsync();
        (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), Enumerable.Range(0, 4).Select(i => new { i }).ToArray())).ShouldBe(202);
        await fx.DrainAsync();
        (await fx.Api(C).PutAsync(Paths.Collection(fabric, global, "truncate"))).ShouldBe(200);
        await fx.DrainAsync();
        foreach (var region in Dc.All)
        {
            Assert.Equal(0, (await fx.Api(region).GetAsync(Paths.Collection(fabric, global, "count"))).ShouldBe(200).Json.Long("count"));
        }
    }

    [Fact]
    public async Task A_truncate_racing_writes_in_other_regions_still_converges()
    {
        var (fabric, _, global) = await NewFabricAsync();
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new[] { new { _key = "old1" }, new { _key = "old2" } })).ShouldBe(202);
        await fx.DrainAsync();
        await SetFaultsAsync(new { replicationDelay = "300ms" });

        // A truncates; B, not having seen that yet, writes (later in HLC order) and C writes too.
        (await fx.Api(A).PutAsync(Paths.Collection(fabric, global, "truncate"))).ShouldBe(200);
        // Regions share the machine's clock: once a millisecond has passed, B's and C's stamps are later than A's.
        await Task.Delay(5);
        (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), new { _key = "after-b" })).ShouldBe(202);
        (await fx.Api(B).PatchAsync(Paths.Document(fabric, global, "old1"), new { touched = true })).ShouldBe(202);
        (await fx.Api(C).DeleteAsync(Paths.Document(fabric, global, "old2"))).ShouldBe(202);
        (await fx.Api(C).PostAsync(Paths.Documents(fabric, global), new { _key = "after-c" })).ShouldBe(202);
        await fx.DrainAsync();

        await AssertIdenticalEverywhereAsync(fabric, global, ["old1", "old2", "after-b", "after-c"]);
        // Everything written after the truncate (in clock order) survives it.
        (await fx.Api(A).GetAsync(Paths.Document(fabric, global, "after-b"))).ShouldBe(200);
        (await fx.Api(A).GetAsync(Paths.Document(fabric, global, "after-c"))).ShouldBe(200);
    }

    [Fact]
    public async Task A_region_that_joins_a_fabric_with_the_spot_region_gets_its_ordinary_data()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = $"{A},{B}", spotDc = A });
        var global = await fx.CreateCollectionAsync(fabric);
        (await fx.Api(B).PostAsync(Paths.Documents(fabric, global), new { _key = "before" })).ShouldBe(202);
        await fx.DrainAsync();

        (await fx.Api().PutAsync($"/_fabric/{fabric}/database/{C}")).ShouldBe(200);
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "after" })).ShouldBe(202);
        await fx.DrainAsync();
        await AssertIdenticalEverywhereAsync(fabric, global, ["before", "after"]);
        (await fx.Api(C).GetAsync(Paths.Document(fabric, global, "before"))).ShouldBe(200);
    }

    [Fact]
    public async Task A_region_outside_the_fabric_answers_from_a_member_region()
    {
        var fabric = await fx.CreateFabricAsync(new { dcList = $"{A},{B}", spotDc = "" });
        var global = await fx.CreateCollectionAsync(fabric);
        await SetFaultsAsync(new { replicationDelay = "5s" });
        (await fx.Api(A).PostAsync(Paths.Documents(fabric, global), new { _key = "k" })).ShouldBe(202);

        // C is not one of the fabric's regions, so the first of them (A) answers: the write is there at once,
        // while B, a member with its own replica, has not received it yet.
        (await fx.Api(C).GetAsync(Paths.Document(fabric, global, "k"))).ShouldBe(200);
        (await fx.Api(B).GetAsync(Paths.Document(fabric, global, "k"))).ShouldFail(404, 1202);
    }
}
