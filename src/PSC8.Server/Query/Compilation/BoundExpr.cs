namespace PSC8.Server.Query.Compilation;

/// <summary>
/// A compiled expression and what the compiler knows about it: whether it is a constant, the deepest
/// loop level of the variables it reads (-1 for none: its value cannot change during an execution),
/// and whether it is deterministic (no RAND, no store reads that may change, no writes).
/// </summary>
internal sealed class BoundExpr(Evaluator evaluate, bool isConstant, C8Value value, int maxDepth, bool deterministic, int slot = -1)
{
    /// <summary>The slot read, when the expression is just a variable (lets accesses skip a closure call).</summary>
    public int Slot { get; } = slot;

    public Evaluator Evaluate { get; } = evaluate;

    public bool IsConstant { get; } = isConstant;

    public C8Value Value { get; } = value;

    public int MaxDepth { get; } = maxDepth;

    public bool Deterministic { get; } = deterministic;

    public static BoundExpr Constant(C8Value value) => new(_ => value, true, value, -1, true);

    public static BoundExpr Dynamic(Evaluator evaluate, int maxDepth, bool deterministic) =>
        new(evaluate, false, default, maxDepth, deterministic);

    public static BoundExpr SlotRead(int slot, int depth) => new(context => context.Slots[slot], false, default, depth, true, slot);

    /// <summary>An expression computed from parts: it depends on whatever they depend on.</summary>
    public static BoundExpr From(Evaluator evaluate, IReadOnlyList<BoundExpr> parts, bool deterministic = true)
    {
        var depth = -1;
        foreach (var part in parts)
        {
            depth = Math.Max(depth, part.MaxDepth);
            deterministic &= part.Deterministic;
        }
        return new BoundExpr(evaluate, false, default, depth, deterministic);
    }

    public static bool AllConstant(IReadOnlyList<BoundExpr> parts)
    {
        foreach (var part in parts)
        {
            if (!part.IsConstant)
            {
                return false;
            }
        }
        return true;
    }
}
