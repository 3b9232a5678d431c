namespace PSC8.Server.Query.Execution;

/// <summary>
/// A query variable and the slot that holds its value for the current row. <see cref="LoopDepth"/>
/// counts the loops (FOR, COLLECT, expansions) around its definition, across subqueries: a variable
/// of depth 0 has one value for the whole execution.
/// </summary>
internal sealed class Variable(string name, int id, int slot, int loopDepth, bool isUserDefined)
{
    public string Name { get; } = name;

    public int Id { get; } = id;

    public int Slot { get; } = slot;

    public int LoopDepth { get; } = loopDepth;

    public bool IsUserDefined { get; } = isUserDefined;

    public C8Value Describe()
    {
        var builder = new C8Object.Builder(2);
        builder.Add("id", C8Value.From(Id));
        builder.Add("name", C8Value.From(Name));
        return C8Value.From(builder.Build());
    }
}
