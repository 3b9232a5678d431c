namespace PSC8.Server.Query.Execution;

internal sealed record GroupSpec(Variable Variable, Evaluator Value);

internal sealed record AggregateSpec(Variable Variable, string Function, Evaluator Argument);

/// <summary>
/// COLLECT: groups its whole input by the group values (hashing with C8QL equality), aggregates
/// incrementally, and emits one row per group in ascending group order. Without group values there is
/// exactly one group, even for no input.
/// </summary>
internal sealed class CollectNode(
    IReadOnlyList<GroupSpec> groups,
    IReadOnlyList<AggregateSpec> aggregates,
    Variable? into,
    Evaluator? intoValue,
    IReadOnlyList<Variable> keep,
    Variable? count) : PlanNode
{
    public IReadOnlyList<GroupSpec> Groups { get; } = groups;

    public IReadOnlyList<AggregateSpec> Aggregates { get; } = aggregates;

    public Variable? Into { get; } = into;

    public Evaluator? IntoValue { get; } = intoValue;

    public IReadOnlyList<Variable> Keep { get; } = keep;

    public Variable? Count { get; } = count;

    public override string Type => "CollectNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("groups", C8Value.From(Groups.Select(g => g.Variable.Describe()).ToArray()));
        node.Add("aggregates", C8Value.From(Aggregates.Select(a => C8Value.From(
            new C8Object.Builder(2).Add("outVariable", a.Variable.Describe()).Add("type", C8Value.From(a.Function)).Build())).ToArray()));
        if (Into is not null)
        {
            node.Add("outVariable", Into.Describe());
        }
        if (Count is not null)
        {
            node.Add("countVariable", Count.Describe());
        }
        node.Add("method", C8Value.From("hash"));
    }

    private sealed class Group(C8Value[] key, Aggregator[] aggregators)
    {
        public C8Value[] Key { get; } = key;

        public Aggregator[] Aggregators { get; } = aggregators;

        public List<C8Value>? Members { get; set; }

        public long Count { get; set; }
    }

    private Group NewGroup(C8Value[] key)
    {
        var aggregators = new Aggregator[Aggregates.Count];
        for (var i = 0; i < aggregators.Length; i++)
        {
            aggregators[i] = AggregateFunctions.Create(Aggregates[i].Function);
        }
        return new Group(key, aggregators) { Members = Into is null ? null : new List<C8Value>() };
    }

    private C8Value Member(QueryContext context)
    {
        if (IntoValue is not null)
        {
            return IntoValue(context);
        }
        var builder = new C8Object.Builder(Keep.Count);
        foreach (var variable in Keep)
        {
            builder.Add(variable.Name, context.Slots[variable.Slot]);
        }
        return C8Value.From(builder.Build());
    }

    private static int CompareKeys(Group a, Group b)
    {
        for (var i = 0; i < a.Key.Length; i++)
        {
            var result = C8ValueComparer.Compare(a.Key[i], b.Key[i]);
            if (result != 0)
            {
                return result;
            }
        }
        return 0;
    }

    private sealed class Cursor(QueryContext context, RowCursor input, CollectNode node) : PipedCursor(input)
    {
        private List<Group>? _groups;
        private int _next;

        public override bool MoveNext()
        {
            _groups ??= Materialize();
            if (_next >= _groups.Count)
            {
                return false;
            }
            var group = _groups[_next++];
            for (var i = 0; i < node.Groups.Count; i++)
            {
                context.Slots[node.Groups[i].Variable.Slot] = group.Key[i];
            }
            for (var i = 0; i < node.Aggregates.Count; i++)
            {
                context.Slots[node.Aggregates[i].Variable.Slot] = group.Aggregators[i].Result();
            }
            if (node.Into is not null)
            {
                context.Slots[node.Into.Slot] = C8Value.From(group.Members!);
            }
            if (node.Count is not null)
            {
                context.Slots[node.Count.Slot] = C8Value.From(group.Count);
            }
            return true;
        }

        private List<Group> Materialize()
        {
            var groupCount = node.Groups.Count;
            var lookup = new Dictionary<C8Value, Group>(C8ValueEquality.Instance);
            var ordered = new List<Group>();
            if (groupCount == 0)
            {
                ordered.Add(node.NewGroup(Array.Empty<C8Value>()));
            }
            while (Input.MoveNext())
            {
                context.Tick();
                var group = groupCount == 0 ? ordered[0] : Find(lookup, ordered, groupCount);
                for (var i = 0; i < group.Aggregators.Length; i++)
                {
                    group.Aggregators[i].Add(node.Aggregates[i].Argument(context));
                }
                if (group.Members is { } members)
                {
                    var member = node.Member(context);
                    context.Charge(MemoryEstimate.Of(member));
                    members.Add(member);
                }
                group.Count++;
            }
            ordered.Sort(CompareKeys);
            return ordered;
        }

        private Group Find(Dictionary<C8Value, Group> lookup, List<Group> ordered, int groupCount)
        {
            C8Value lookupKey;
            C8Value[]? values = null;
            if (groupCount == 1)
            {
                lookupKey = node.Groups[0].Value(context);
            }
            else
            {
                values = new C8Value[groupCount];
                for (var i = 0; i < groupCount; i++)
                {
                    values[i] = node.Groups[i].Value(context);
                }
                lookupKey = C8Value.From(values);
            }
            if (!lookup.TryGetValue(lookupKey, out var group))
            {
                group = node.NewGroup(values ?? [lookupKey]);
                lookup.Add(lookupKey, group);
                ordered.Add(group);
            }
            return group;
        }
    }
}
