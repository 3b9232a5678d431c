namespace PSC8.Bench.Orchestration;

/// <summary>Which client goes first: alternating by run, so neither always meets a warmer or fuller server.</summary>
public static class Order
{
    public static IReadOnlyList<string> Alternating(int run) =>
        run % 2 == 1 ? [Clients.Psc8, Clients.JsC8] : [Clients.JsC8, Clients.Psc8];
}
