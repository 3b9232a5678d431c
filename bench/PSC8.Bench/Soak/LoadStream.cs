namespace PSC8.Bench.Soak;

/// <summary>
/// One kind of request: who sends it, how many of them at once (each a <see cref="RequestLoop"/>), what each next
/// request is, and how long the sender pauses after an answer.
/// </summary>
public sealed record LoadStream(string Kind, string Sender, int Concurrency, HttpClient Client, Func<int, HttpRequestMessage> NextRequest)
{
    /// <summary>The attack this stream belongs to, as --hostile names it (sleep, hog, burner, hoarder, writer, login, probe).</summary>
    public string Attack { get; init; } = "";

    public Func<string, TimeSpan> PauseAfter { get; init; } = _ => TimeSpan.Zero;

    public Task RunAsync(RequestLog log, CancellationToken stop, bool cutInFlight) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ =>
            Task.Run(() => new RequestLoop(Client, NextRequest, log) { PauseAfter = PauseAfter }.RunAsync(stop, cutInFlight))));

    public static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        Bytes(method, path, Encoding.UTF8.GetBytes(body));

    public static HttpRequestMessage Bytes(HttpMethod method, string path, byte[] body) => new(method, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
    };

    public static string DocumentPath(string collection) => $"_fabric/{SoakServer.Fabric}/_api/document/{collection}";

    public const string CursorPath = "_fabric/" + SoakServer.Fabric + "/_api/cursor";
}
