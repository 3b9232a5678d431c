using System.Text.Json.Nodes;
using PSC8.Server.Tests.Infrastructure;

namespace PSC8.Server.Tests.Cursors;

/// <summary>options.profile: extra.profile gives the seconds each phase C8 Local has took, in the order they ran.</summary>
public sealed class CursorProfileTests(C8HostFixture fx) : IClassFixture<C8HostFixture>
{
    private static readonly string[] Phases = ["parsing", "optimizing plan", "executing", "finalizing"];

    private RegionClient Api => fx.Api();

    private async Task<(string Fabric, string Collection)> TenDocumentsAsync()
    {
        var fabric = await fx.CreateFabricAsync();
        var collection = await fx.CreateCollectionAsync(fabric);
        await Api.QueryAsync(fabric, $"FOR i IN 1..10 INSERT {{ _key: TO_STRING(i), n: i }} INTO `{collection}`");
        return (fabric, collection);
    }

    private static void AssertPhases(HttpExchange batch)
    {
        var profile = batch.Object.Obj("extra").Obj("profile");
        Assert.Equal(Phases, profile.Select(p => p.Key));
        Assert.All(profile, p => Assert.True(p.Value!.GetValue<double>() >= 0, $"{p.Key} took {p.Value}"));
        Assert.True(profile["executing"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Without_profile_there_is_no_profile()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n");
        Assert.False(run.Last.Object.Obj("extra").Has("profile"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_profiled_query_reports_every_phase_on_every_batch(object level)
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` SORT d.n RETURN d.n", new { batchSize = 4, options = new { profile = level } });

        Assert.Equal(3, run.Batches.Count);
        foreach (var batch in run.Batches)
        {
            AssertPhases(batch);
        }
        // The query ran to the end before its first batch: later batches report the same profile.
        Assert.True(JsonNode.DeepEquals(run.First.Object.Obj("extra")["profile"], run.Last.Object.Obj("extra")["profile"]));
    }

    [Fact]
    public async Task A_profiled_streaming_cursor_reports_its_phases_with_the_final_batch()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n", new { batchSize = 4, options = new { stream = true, profile = true } });

        Assert.Equal(3, run.Batches.Count);
        Assert.All(run.Batches.SkipLast(1), batch => Assert.False(batch.Object.Has("extra")));
        AssertPhases(run.Last);
    }

    [Fact]
    public async Task A_profiled_modification_query_reports_every_phase()
    {
        var (f, c) = await TenDocumentsAsync();
        var run = await Api.QueryAsync(f, $"FOR d IN `{c}` UPDATE d WITH {{ seen: true }} IN `{c}`", new { options = new { profile = true } });
        Assert.Equal(10, run.Stats.Long("writesExecuted"));
        AssertPhases(run.First);
    }

    [Fact]
    public async Task Profile_false_or_0_asks_for_nothing()
    {
        var (f, c) = await TenDocumentsAsync();
        foreach (var level in new object[] { false, 0 })
        {
            var run = await Api.QueryAsync(f, $"FOR d IN `{c}` RETURN d.n", new { options = new { profile = level } });
            Assert.False(run.Last.Object.Obj("extra").Has("profile"));
        }
    }
}
