using PSC8.Server.Query;

namespace PSC8.Server.Cursors;

/// <summary>
/// The rows of a query that already ran to the end, handed out from memory: a modification query must finish
/// inside its transaction before it commits, and a non-streaming query runs to the end before its first batch.
/// </summary>
internal sealed class BufferedExecution(RowBuffer rows, QueryStats stats, IReadOnlyList<QueryWarning> warnings) : IQueryExecution
{
    private int _next;

    public QueryStats Stats { get; } = stats;

    public IReadOnlyList<QueryWarning> Warnings { get; } = warnings;

    public int Count => rows.Count;

    public IReadOnlyList<C8Value> Rows => rows;

    public bool MoveNext(out C8Value value)
    {
        if (_next < rows.Count)
        {
            value = rows[_next++];
            return true;
        }
        value = C8Value.Null;
        return false;
    }

    public void Dispose()
    {
    }
}
