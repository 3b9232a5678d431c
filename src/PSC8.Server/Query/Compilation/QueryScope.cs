namespace PSC8.Server.Query.Compilation;

/// <summary>
/// The variables of one query level (the main query or a subquery) while it is compiled, plus what the
/// level's code depends on from outside, which decides whether a subquery may be computed only once.
/// </summary>
internal sealed class QueryScope(QueryScope? parent, int depth)
{
    public QueryScope? Parent { get; } = parent;

    /// <summary>Visible variables of this level in declaration order (COLLECT removes the loop's ones).</summary>
    public List<Variable> Visible { get; } = new();

    /// <summary>Index in <see cref="Visible"/> of the first variable declared inside a loop, or -1 before any FOR.</summary>
    public int LoopStart { get; set; } = -1;

    /// <summary>The current loop depth (FORs of this and enclosing levels).</summary>
    public int Depth { get; set; } = depth;

    /// <summary>The deepest loop level of variables this level reads from enclosing levels; -1 for none.</summary>
    public int OuterDepth { get; set; } = -1;

    /// <summary>Whether anything in this level is non-deterministic or writes.</summary>
    public bool Volatile { get; set; }

    /// <summary>Collections this level reads.</summary>
    public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);

    public bool InsideLoop => LoopStart >= 0;

    public Variable? Find(string name)
    {
        for (var i = Visible.Count - 1; i >= 0; i--)
        {
            if (Visible[i].Name == name)
            {
                return Visible[i];
            }
        }
        return null;
    }
}

/// <summary>An array expansion being compiled: the slot of its current element (CURRENT).</summary>
internal sealed record ExpansionFrame(int Id, Variable Item, QueryScope Scope);
