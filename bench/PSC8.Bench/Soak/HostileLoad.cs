using System.Net.Http.Headers;

namespace PSC8.Bench.Soak;

/// <summary>
/// The hostile callers, each an API key of its own (or none), doing what issue 12's attack run did: sleeping
/// queries beyond the per-caller cap, results too big to hold, a computation that runs until it is killed, cursors
/// hoarded with a day's ttl, write queries that hold their collection, failed logins, and bodies the server must
/// refuse. After a 429 a sender waits 100 ms before trying again; the cheap refusals are paced at 10 ms so that they
/// probe rather than flood (C8 Local has no request-rate limit, and two shared cores would measure only that).
/// </summary>
public static class HostileLoad
{
    private const string HeldCollection = "held";
    private static readonly TimeSpan BackOff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProbePause = TimeSpan.FromMilliseconds(10);

    /// <summary>Just over c8local's 64 MB default --max-body-size.</summary>
    private const int OversizeBytes = 65 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Attacks = ["sleep", "hog", "burner", "hoarder", "writer", "login", "probe"];

    public static async Task<IReadOnlyList<LoadStream>> PrepareAsync(SoakServer server, SoakSettings settings)
    {
        await server.CreateCollectionAsync(HeldCollection);
        var sleeperA = await server.CallerAsync("sleeper_a", C8AccessLevel.ReadOnly);
        var sleeperB = await server.CallerAsync("sleeper_b", C8AccessLevel.ReadOnly);
        var hog = await server.CallerAsync("hog", C8AccessLevel.ReadOnly);
        var burner = await server.CallerAsync("burner", C8AccessLevel.ReadOnly);
        var hoarder = await server.CallerAsync("hoarder", C8AccessLevel.ReadOnly);
        var writer = await server.CallerAsync("writer", C8AccessLevel.ReadWrite);
        var prober = await server.CallerAsync("prober", C8AccessLevel.ReadWrite);
        var anonymous = server.Anonymous();
        var forged = server.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("apikey", "_system.forged." + new string('f', 64));
        var oversize = Oversize();
        var probe = LoadStream.DocumentPath(HeldCollection);

        LoadStream Query(string attack, string kind, string sender, int concurrency, HttpClient client, string body) =>
            new(kind, sender, concurrency, client, _ => LoadStream.Json(HttpMethod.Post, LoadStream.CursorPath, body)) { Attack = attack, PauseAfter = BackOffAfter429 };
        LoadStream Probe(string kind, string sender, HttpClient client, Func<HttpRequestMessage> request, TimeSpan pause) =>
            new(kind, sender, 1, client, _ => request()) { Attack = "probe", PauseAfter = _ => pause };

        LoadStream[] streams =
        [
            Query("sleep", "RETURN SLEEP(30)", "read-only key A", settings.Sleepers, sleeperA, """{"query":"RETURN SLEEP(30)"}"""),
            Query("sleep", "RETURN SLEEP(1e6) (runs into the runtime limit)", "read-only key B", settings.Sleepers, sleeperB, """{"query":"RETURN SLEEP(1000000)"}"""),
            Query("hog", "FOR i IN 1..1e8 RETURN i (memory limit)", "read-only key C", 2, hog, """{"query":"FOR i IN 1..100000000 RETURN i"}"""),
            Query("burner", "FOR i IN 1..1e9 FILTER i < 0 (runtime limit)", "read-only key D", 1, burner, """{"query":"FOR i IN 1..1000000000 FILTER i < 0 RETURN i"}"""),
            Query("hoarder", "streaming cursor, batchSize 1, ttl 86400, never read", "read-only key E", 4, hoarder,
                """{"query":"FOR d IN honest RETURN d","batchSize":1,"ttl":86400,"options":{"stream":true}}"""),
            new("INSERT … LET s = SLEEP(5) (holds its collection)", "rw key F", 2, writer,
                i => LoadStream.Json(HttpMethod.Post, LoadStream.CursorPath, $$"""{"query":"INSERT {x: {{i}}} INTO {{HeldCollection}} LET s = SLEEP(5) RETURN s"}"""))
            {
                Attack = "writer",
                PauseAfter = BackOffAfter429,
            },
            new("failed login (root, wrong password / unknown email)", "no credentials", 1, anonymous,
                i => LoadStream.Json(HttpMethod.Post, "_open/auth", i % 2 == 0
                    ? $$"""{"email":"{{SoakServer.RootEmail}}","password":"wrong-{{i}}-{{server.RootPassword}}"}"""
                    : $$"""{"email":"nobody-{{i}}@c8.local","password":"guess"}"""))
            {
                Attack = "login",
                PauseAfter = BackOffAfter429,
            },
            Probe("malformed JSON body", "rw key G", prober, () => LoadStream.Json(HttpMethod.Post, probe, """{"a":"""), ProbePause),
            Probe("JSON nested 100,000 deep", "rw key G", prober, () => LoadStream.Json(HttpMethod.Post, probe, new string('[', 100_000) + new string(']', 100_000)), ProbePause),
            Probe("number 1e400 in a document", "rw key G", prober, () => LoadStream.Json(HttpMethod.Post, probe, """{"a":1e400}"""), ProbePause),
            Probe("invalid UTF-8 in a document", "rw key G", prober, () => LoadStream.Bytes(HttpMethod.Post, probe, [.. "{\"a\":\""u8, 0xff, 0xfe, .. "\"}"u8]), ProbePause),
            Probe("C8QL syntax error", "rw key G", prober, () => LoadStream.Json(HttpMethod.Post, LoadStream.CursorPath, """{"query":"FOR FOR RETURN"}"""), ProbePause),
            Probe("body of 65 MB (over --max-body-size)", "rw key G", prober, () => LoadStream.Bytes(HttpMethod.Post, probe, oversize), TimeSpan.FromSeconds(1)),
            Probe("no credentials", "no credentials", anonymous, () => new HttpRequestMessage(HttpMethod.Get, probe + "/k1"), ProbePause),
            Probe("forged API key", "forged key", forged, () => new HttpRequestMessage(HttpMethod.Get, probe + "/k1"), ProbePause),
        ];
        return streams.Where(s => settings.Attacks.Contains(s.Attack)).ToList();
    }

    private static TimeSpan BackOffAfter429(string outcome) => outcome.StartsWith("429", StringComparison.Ordinal) ? BackOff : TimeSpan.Zero;

    /// <summary>One valid JSON document just over the size limit, built once and sent again and again.</summary>
    private static byte[] Oversize()
    {
        var body = new byte[OversizeBytes];
        Array.Fill(body, (byte)'x');
        Encoding.ASCII.GetBytes("{\"a\":\"").CopyTo(body, 0);
        Encoding.ASCII.GetBytes("\"}").CopyTo(body, body.Length - 2);
        return body;
    }
}
