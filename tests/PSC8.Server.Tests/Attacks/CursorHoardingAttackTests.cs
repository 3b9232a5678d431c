namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row about 7,341 streaming cursors (batchSize 1, ttl 86400) from one key: a caller holds at most
/// so many cursors (then 429, errorNum 32), other callers are not affected, and no cursor outlives the ttl ceiling,
/// which releases its open SQLite read.
/// </summary>
public sealed class CursorHoardingAttackTests(HardenedFixture fx) : IClassFixture<HardenedFixture>
{
    [Fact]
    public async Task One_caller_cannot_hoard_cursors_and_idle_ones_expire_at_the_ttl_ceiling()
    {
        var fabric = await fx.CreateFabricAsync();
        var hoarder = fx.KeyClient(fabric);
        var hoard = new { batchSize = 1, ttl = 86400, options = new { stream = true } };
        var opened = new List<string>();
        for (var i = 0; i < HardenedFixture.CursorsPerCaller; i++)
        {
            opened.Add((await hoarder.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldBe(201).Json.Str("id")!);
        }
        var refused = (await hoarder.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldFail(429, 32);
        Assert.Contains("--max-cursors-per-caller", refused.Json.Str("errorMessage"));
        (await fx.KeyClient(fabric).OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldBe(201);

        await Task.Delay(HardenedFixture.TtlCeiling + TimeSpan.FromSeconds(1.5));
        (await hoarder.PutAsync(CursorCalls.Cursor(fabric, opened[0]))).ShouldFail(404, 1600);
        (await hoarder.OpenCursorAsync(fabric, "FOR i IN 1..10 RETURN i", hoard)).ShouldBe(201);
    }
}
