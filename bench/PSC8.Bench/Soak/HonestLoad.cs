namespace PSC8.Bench.Soak;

/// <summary>
/// The honest caller: one API key doing what an application does — point reads, single inserts and small queries
/// on its own collection — and an unauthenticated health check, each kind one request at a time with a short pause.
/// </summary>
public static class HonestLoad
{
    private const string Collection = "honest";
    private const int Documents = 1000;

    public static async Task<IReadOnlyList<LoadStream>> PrepareAsync(SoakServer server, SoakSettings settings)
    {
        await server.CreateCollectionAsync(Collection);
        var client = await server.CallerAsync("honest", C8AccessLevel.ReadWrite);
        var seed = JsonSerializer.Serialize(Enumerable.Range(0, Documents).Select(i => new { _key = Key(i), n = i, name = "account " + i }));
        using (var filled = await client.SendAsync(LoadStream.Json(HttpMethod.Post, LoadStream.DocumentPath(Collection), seed)))
        {
            filled.EnsureSuccessStatusCode();
        }
        var pause = settings.HonestPause;
        return
        [
            new("point read", "honest key", 1, client, i => new HttpRequestMessage(HttpMethod.Get, LoadStream.DocumentPath(Collection) + "/" + Key(Spread(i))))
            {
                PauseAfter = _ => pause,
            },
            new("single insert", "honest key", 1, client, i => LoadStream.Json(HttpMethod.Post, LoadStream.DocumentPath(Collection), $$"""{"n":{{i}},"name":"new account"}"""))
            {
                PauseAfter = _ => pause,
            },
            new("small query", "honest key", 1, client, i => LoadStream.Json(HttpMethod.Post, LoadStream.CursorPath,
                $$$"""{"query":"FOR d IN {{{Collection}}} FILTER d._key == @k RETURN d.name","bindVars":{"k":"{{{Key(Spread(i))}}}"}}"""))
            {
                PauseAfter = _ => pause,
            },
            new("health check", "no credentials", 1, server.Anonymous(), _ => new HttpRequestMessage(HttpMethod.Get, "_open/health"))
            {
                PauseAfter = _ => pause,
            },
        ];
    }

    private static string Key(int i) => "k" + i;

    /// <summary>Visits the seeded keys in a scattered order (7919 is prime to 1000).</summary>
    private static int Spread(int i) => (int)(i * 7919L % Documents);
}
