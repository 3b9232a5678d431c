namespace PSC8.Bench.Orchestration;

/// <summary>
/// Drains a child's output stream so the child never blocks on a full pipe, keeping the last lines for an error
/// message. Lines can also be echoed (to show a worker's progress).
/// </summary>
public sealed class OutputTail
{
    private const int Lines = 40;
    private readonly Queue<string> _tail = new();

    private OutputTail()
    {
    }

    public string Text
    {
        get
        {
            lock (_tail)
            {
                return _tail.Count == 0 ? "" : "\n" + string.Join('\n', _tail);
            }
        }
    }

    public static OutputTail Follow(StreamReader reader, TextWriter? echo = null)
    {
        var tail = new OutputTail();
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                echo?.WriteLine(line);
                lock (tail._tail)
                {
                    tail._tail.Enqueue(line);
                    if (tail._tail.Count > Lines)
                    {
                        tail._tail.Dequeue();
                    }
                }
            }
        });
        return tail;
    }
}
