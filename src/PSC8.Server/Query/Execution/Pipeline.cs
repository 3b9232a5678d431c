namespace PSC8.Server.Query.Execution;

/// <summary>
/// A pull-based operator instance: each successful <see cref="MoveNext"/> leaves the next row in the
/// context's slots. Cursors are created per execution from immutable <see cref="PlanNode"/>s.
/// </summary>
internal abstract class RowCursor : IDisposable
{
    public abstract bool MoveNext();

    public virtual void Dispose()
    {
    }
}

/// <summary>A cursor that pulls from an input cursor and disposes it.</summary>
internal abstract class PipedCursor(RowCursor input) : RowCursor
{
    protected RowCursor Input { get; } = input;

    public override void Dispose() => Input.Dispose();
}

/// <summary>The start of every pipeline: exactly one (empty) row.</summary>
internal sealed class SingletonCursor : RowCursor
{
    private bool _done;

    public override bool MoveNext()
    {
        if (_done)
        {
            return false;
        }
        _done = true;
        return true;
    }
}

/// <summary>An immutable operator of a compiled query, shared by all executions.</summary>
internal abstract class PlanNode
{
    public abstract RowCursor Open(QueryContext context, RowCursor input);

    /// <summary>The node type as EXPLAIN shows it (ArangoDB's names).</summary>
    public abstract string Type { get; }

    /// <summary>Adds the node's details to its EXPLAIN object.</summary>
    public virtual void Describe(C8Object.Builder node)
    {
    }
}

/// <summary>A compiled query or subquery: operators, then what each row returns.</summary>
internal sealed class Pipeline
{
    public Pipeline(IReadOnlyList<PlanNode> nodes, Evaluator? result, bool distinct)
    {
        Nodes = nodes;
        Result = result;
        Distinct = distinct;
    }

    public IReadOnlyList<PlanNode> Nodes { get; }

    /// <summary>The RETURN expression; null for a query ending in a data modification.</summary>
    public Evaluator? Result { get; }

    public bool Distinct { get; }

    public RowCursor Open(QueryContext context)
    {
        RowCursor cursor = new SingletonCursor();
        try
        {
            foreach (var node in Nodes)
            {
                cursor = node.Open(context, cursor);
            }
            return cursor;
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    /// <summary>Runs the pipeline to the end and collects what it returns (a subquery's value).</summary>
    public C8Value Collect(QueryContext context)
    {
        using var cursor = Open(context);
        var results = new List<C8Value>();
        var seen = Distinct ? new HashSet<C8Value>(Values.C8ValueEquality.Instance) : null;
        while (cursor.MoveNext())
        {
            context.Tick();
            if (Result is null)
            {
                continue;
            }
            var value = Result(context);
            if (seen is null || seen.Add(value))
            {
                results.Add(value);
            }
        }
        return results.Count == 0 ? C8Value.EmptyArray : C8Value.From(results);
    }
}
