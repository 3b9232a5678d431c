namespace PSC8.Bench.Orchestration;

/// <summary>Which client goes first: alternating by run, so neither always meets a warmer or fuller server.</summary>
public static class Order
{
    public static IReadOnlyList<string> Alternating(int run) =>
        run % 2 == 1 ? [Clients.Psc8, Clients.JsC8] : [Clients.JsC8, Clients.Psc8];
}

/// <summary>A process's CPU time between two moments (the worker's GO and its RESULT).</summary>
public sealed class CpuWindow(Func<TimeSpan> read)
{
    private TimeSpan _opened;
    private TimeSpan _closed;

    public double Seconds => (_closed - _opened).TotalSeconds;

    public void Open() => _opened = read();

    public void Close() => _closed = read();
}

/// <summary>Progress lines on stderr, so stdout carries the table alone.</summary>
public static class Progress
{
    public static void Line(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}
