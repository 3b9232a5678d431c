namespace PSC8.Server.Tests.Replication;

/// <summary>A C8 Local whose replicator gathers writes for a given time after each round it ships.</summary>
public abstract class BatchWindowHost(TimeSpan window) : C8HostFixture
{
    protected override C8LocalOptions CreateOptions() => base.CreateOptions() with { ReplicationBatchWindow = window };

    public long Shipments => Host.Cluster.Replicator.Shipments;
}

/// <summary>A window of 400 ms: writes in quick succession share a round.</summary>
public sealed class ShortWindowHost() : BatchWindowHost(TimeSpan.FromMilliseconds(400));

/// <summary>A window of a minute: long enough that anything shipped within a test was not held by it.</summary>
public sealed class LongWindowHost() : BatchWindowHost(TimeSpan.FromMinutes(1));

/// <summary>
/// Ordinary collections' writes reach the other regions in rounds: a burst of single writes is not shipped one write at
/// a time, yet every write arrives, in order.
/// </summary>
public sealed class ReplicationBatchingTests(ShortWindowHost fx) : IClassFixture<ShortWindowHost>
{
    [Fact]
    public async Task A_burst_of_single_writes_is_shipped_in_a_few_rounds_and_every_write_arrives()
    {
        var (fabric, collection) = await fx.CreateFabricWithCollectionAsync();
        await fx.DrainAsync();
        var before = fx.Shipments;

        const int writes = 40;
        for (var i = 0; i < writes; i++)
        {
            (await fx.Api(Dc.UsWest).PostAsync(Paths.Documents(fabric, collection), new { _key = "k" + i, n = i })).ShouldBe(202);
        }
        (await fx.Api(Dc.UsWest).PatchAsync(Paths.Document(fabric, collection, "k0"), new { n = -1 })).ShouldBe(202);
        await fx.DrainAsync();

        // One round per write would be two shipments per write (to each other region).
        var shipments = fx.Shipments - before;
        Assert.True(shipments < writes, $"{writes + 1} writes took {shipments} shipments");
        foreach (var region in new[] { Dc.EuCentral, Dc.ApSouth })
        {
            Assert.Equal(writes, (await fx.Api(region).GetAsync(Paths.Collection(fabric, collection, "count"))).ShouldBe(200).Json.Long("count"));
            Assert.Equal(-1, (await fx.Api(region).GetAsync(Paths.Document(fabric, collection, "k0"))).ShouldBe(200).Json.Long("n"));
            Assert.Equal(writes - 1, (await fx.Api(region).GetAsync(Paths.Document(fabric, collection, "k" + (writes - 1)))).ShouldBe(200).Json.Long("n"));
        }
    }
}

/// <summary>The window only gathers writes that follow a round: after a quiet spell a write ships at once.</summary>
public sealed class ReplicationWindowTests(LongWindowHost fx) : IClassFixture<LongWindowHost>
{
    [Fact]
    public async Task A_write_after_a_quiet_spell_ships_at_once_and_one_right_after_it_waits_for_the_window()
    {
        var (fabric, collection) = await fx.CreateFabricWithCollectionAsync();
        Assert.Equal(0, fx.Shipments);

        (await fx.Api(Dc.UsWest).PostAsync(Paths.Documents(fabric, collection), new { _key = "first" })).ShouldBe(202);
        await Eventually.WaitForAsync(
            () => fx.Api(Dc.EuCentral).GetAsync(Paths.Document(fabric, collection, "first")), r => r.Status == 200, TimeSpan.FromSeconds(15), "the first write to reach eu-central");

        (await fx.Api(Dc.UsWest).PostAsync(Paths.Documents(fabric, collection), new { _key = "second" })).ShouldBe(202);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await fx.Api(Dc.EuCentral).GetAsync(Paths.Document(fabric, collection, "second"))).ShouldFail(404, 1202);
        Assert.True(fx.Host.Cluster.Replicator.Backlog(Dc.UsWest, Dc.EuCentral) > 0);
    }
}
