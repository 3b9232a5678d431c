namespace PSC8.Bench.Orchestration;

/// <summary>The clients of the comparison, as the table names them.</summary>
public static class Clients
{
    public const string Psc8 = "PSC8.Client";
    public const string JsC8 = "jsC8 1.1.0";

    /// <summary>The extra bulk run that keeps several requests in flight, to see what the server can ingest.</summary>
    public static string Psc8Loader(int inflight) => $"PSC8.Client, {inflight} requests in flight";
}
