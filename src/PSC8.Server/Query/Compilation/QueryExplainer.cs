namespace PSC8.Server.Query.Compilation;

/// <summary>
/// Builds the EXPLAIN result: <c>{"plan":{"nodes":[…],"collections":[…],"variables":[…],…},"cacheable":…,"warnings":[],"stats":{…}}</c>.
/// </summary>
internal static class QueryExplainer
{
    public static C8Value Explain(CompiledQuery compiled, bool isModification)
    {
        var nodes = new List<C8Value> { Node("SingletonNode", 1, null) };
        var id = 1;
        var usesIndex = false;
        foreach (var planNode in compiled.Root.Nodes)
        {
            var builder = NodeBuilder(planNode.Type, ++id, id - 1);
            planNode.Describe(builder);
            nodes.Add(C8Value.From(builder.Build()));
            usesIndex |= planNode is IndexLookupNode or IndexScanNode;
        }
        if (compiled.Root.Result is not null)
        {
            nodes.Add(Node("ReturnNode", ++id, id - 1));
        }
        var plan = new C8Object.Builder(8);
        plan.Add("nodes", C8Value.From(nodes));
        plan.Add("rules", usesIndex ? C8Value.From(new[] { C8Value.From("use-indexes") }) : C8Value.EmptyArray);
        plan.Add("collections", C8Value.From(compiled.Collections.Select(name => Collection(name, compiled.WrittenCollections.Contains(name))).ToArray()));
        plan.Add("variables", C8Value.From(compiled.Variables.Select(v => v.Describe()).ToArray()));
        plan.Add("estimatedCost", C8Value.From(nodes.Count));
        plan.Add("estimatedNrItems", C8Value.From(0));
        plan.Add("isModificationQuery", C8Value.From(isModification));
        var result = new C8Object.Builder(4);
        result.Add("plan", C8Value.From(plan.Build()));
        result.Add("cacheable", C8Value.From(!isModification));
        result.Add("warnings", C8Value.EmptyArray);
        result.Add("stats", C8Value.From(Stats(usesIndex)));
        return C8Value.From(result.Build());
    }

    /// <summary>
    /// The optimizer statistics drivers read; there is one plan, and the index rule is the only rule. Explaining runs
    /// nothing, so there is no memory figure to report.
    /// </summary>
    private static C8Object Stats(bool usesIndex)
    {
        var stats = new C8Object.Builder(3);
        stats.Add("rulesExecuted", C8Value.From(usesIndex ? 1 : 0));
        stats.Add("rulesSkipped", C8Value.From(0));
        stats.Add("plansCreated", C8Value.From(1));
        return stats.Build();
    }

    private static C8Object.Builder NodeBuilder(string type, int id, int? dependency)
    {
        var builder = new C8Object.Builder(6);
        builder.Add("type", C8Value.From(type));
        builder.Add("id", C8Value.From(id));
        builder.Add("dependencies", dependency is { } d ? C8Value.From(new[] { C8Value.From(d) }) : C8Value.EmptyArray);
        // No statistics are kept, so each node costs one more than the one before it and only the singleton
        // promises a row; drivers read the members, not the numbers.
        builder.Add("estimatedCost", C8Value.From(id));
        builder.Add("estimatedNrItems", C8Value.From(dependency is null ? 1 : 0));
        return builder;
    }

    private static C8Value Node(string type, int id, int? dependency) => C8Value.From(NodeBuilder(type, id, dependency).Build());

    private static C8Value Collection(string name, bool written)
    {
        var builder = new C8Object.Builder(2);
        builder.Add("name", C8Value.From(name));
        builder.Add("type", C8Value.From(written ? "write" : "read"));
        return C8Value.From(builder.Build());
    }
}
