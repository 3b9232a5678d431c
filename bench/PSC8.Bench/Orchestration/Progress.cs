namespace PSC8.Bench.Orchestration;

/// <summary>Progress lines on stderr, so stdout carries the table alone.</summary>
public static class Progress
{
    public static void Line(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}
