namespace PSC8.Server.Query.Execution;

/// <summary>Base for FOR loops: for each input row, iterates some values into one slot.</summary>
internal abstract class EnumerationCursor(QueryContext context, RowCursor input, int slot) : PipedCursor(input)
{
    protected QueryContext Context { get; } = context;

    private bool _active;

    public sealed override bool MoveNext()
    {
        while (true)
        {
            if (!_active)
            {
                if (!Input.MoveNext())
                {
                    return false;
                }
                Start();
                _active = true;
            }
            if (TryNext(out var value))
            {
                Context.Slots[slot] = value;
                Context.Tick();
                return true;
            }
            Stop();
            _active = false;
        }
    }

    /// <summary>Begins iterating for the current input row.</summary>
    protected abstract void Start();

    protected abstract bool TryNext(out C8Value value);

    protected virtual void Stop()
    {
    }

    public override void Dispose()
    {
        Stop();
        base.Dispose();
    }
}

/// <summary>
/// FOR d IN collection: a full scan, streamed from the store. With <paramref name="projection"/> (the only
/// attributes the query reads of d) the store decodes just those.
/// </summary>
internal sealed class EnumerateCollectionNode(string collection, Variable variable, IReadOnlyList<string>? projection) : PlanNode
{
    public override string Type => "EnumerateCollectionNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, collection, variable.Slot, projection);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("collection", C8Value.From(collection));
        node.Add("outVariable", variable.Describe());
        if (projection is not null)
        {
            node.Add("projections", C8Value.From(projection.Select(name => C8Value.From(name)).ToArray()));
        }
    }

    private sealed class Cursor(QueryContext context, RowCursor input, string collection, int slot, IReadOnlyList<string>? projection)
        : EnumerationCursor(context, input, slot)
    {
        private IEnumerator<C8Object>? _documents;

        protected override void Start() =>
            _documents = (projection is null ? Context.Store.Scan(collection) : Context.Store.Scan(collection, projection)).GetEnumerator();

        protected override bool TryNext(out C8Value value)
        {
            if (_documents!.MoveNext())
            {
                Context.Stats.ScannedFull++;
                value = C8Value.From(_documents.Current);
                return true;
            }
            value = default;
            return false;
        }

        protected override void Stop()
        {
            _documents?.Dispose();
            _documents = null;
        }
    }
}

/// <summary>How an <see cref="IndexLookupNode"/> reads its keys.</summary>
internal enum LookupKind
{
    /// <summary><c>d._key == value</c></summary>
    Key,

    /// <summary><c>d._id == "collection/key"</c></summary>
    Id,

    /// <summary><c>d._key IN [values]</c></summary>
    KeyList,
}

/// <summary>
/// FOR d IN collection FILTER d._key == value: point lookups through the primary index
/// (<see cref="IQueryStore.Get"/>), counted in scannedIndex.
/// </summary>
internal sealed class IndexLookupNode(string collection, Variable variable, LookupKind kind, Evaluator keys) : PlanNode
{
    private string Collection { get; } = collection;

    private Variable Variable { get; } = variable;

    private Evaluator Keys { get; } = keys;

    public override string Type => "IndexNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("collection", C8Value.From(Collection));
        node.Add("outVariable", Variable.Describe());
        node.Add("index", C8Value.From("primary"));
        node.Add("lookup", C8Value.From(kind.ToString()));
    }

    private IEnumerable<string> KeysOf(C8Value value)
    {
        switch (kind)
        {
            case LookupKind.Key when value.TryGetString(out var key):
                yield return key;
                break;
            case LookupKind.Id when value.TryGetString(out var id):
                var slash = id.IndexOf('/');
                if (slash > 0 && string.Equals(id[..slash], Collection, StringComparison.Ordinal))
                {
                    yield return id[(slash + 1)..];
                }
                break;
            case LookupKind.KeyList when value.IsArray:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in value.AsArray)
                {
                    if (item.TryGetString(out var listed) && seen.Add(listed))
                    {
                        yield return listed;
                    }
                }
                break;
        }
    }

    private sealed class Cursor(QueryContext context, RowCursor input, IndexLookupNode node)
        : EnumerationCursor(context, input, node.Variable.Slot)
    {
        private IEnumerator<string>? _keys;

        protected override void Start() => _keys = node.KeysOf(node.Keys(Context)).GetEnumerator();

        protected override bool TryNext(out C8Value value)
        {
            while (_keys!.MoveNext())
            {
                var document = Lookup(_keys.Current);
                if (document is not null)
                {
                    Context.Stats.ScannedIndex++;
                    value = C8Value.From(document);
                    return true;
                }
            }
            value = default;
            return false;
        }

        private C8Object? Lookup(string key)
        {
            try
            {
                return Context.Store.Get(node.Collection, key);
            }
            catch (C8Exception e) when (e.ErrorNum == C8Errors.IllegalDocumentKey)
            {
                // A value that cannot be a key matches no document.
                return null;
            }
        }

        protected override void Stop()
        {
            _keys?.Dispose();
            _keys = null;
        }
    }
}

/// <summary>FOR x IN expression: iterates an array (anything else is error 1563).</summary>
internal sealed class EnumerateListNode(Variable variable, Evaluator source) : PlanNode
{
    public override string Type => "EnumerateListNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, variable.Slot, source);

    public override void Describe(C8Object.Builder node) => node.Add("outVariable", variable.Describe());

    private sealed class Cursor(QueryContext context, RowCursor input, int slot, Evaluator source)
        : EnumerationCursor(context, input, slot)
    {
        private IReadOnlyList<C8Value> _items = Array.Empty<C8Value>();
        private int _next;

        protected override void Start()
        {
            var value = source(Context);
            if (!value.IsArray)
            {
                throw QueryErrors.ArrayExpectedInFor(value);
            }
            _items = value.AsArray;
            _next = 0;
        }

        protected override bool TryNext(out C8Value value)
        {
            if (_next < _items.Count)
            {
                value = _items[_next++];
                return true;
            }
            value = default;
            return false;
        }
    }
}

/// <summary>FOR i IN from..to: counts without building the array, ascending or descending.</summary>
internal sealed class EnumerateRangeNode(Variable variable, Evaluator from, Evaluator to) : PlanNode
{
    public override string Type => "EnumerateListNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, variable.Slot, from, to);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("outVariable", variable.Describe());
        node.Add("range", C8Value.True);
    }

    private sealed class Cursor(QueryContext context, RowCursor input, int slot, Evaluator from, Evaluator to)
        : EnumerationCursor(context, input, slot)
    {
        private long _current;
        private long _last;
        private long _step;
        private bool _exhausted;

        protected override void Start()
        {
            _current = C8Conversions.ToInteger(from(Context));
            _last = C8Conversions.ToInteger(to(Context));
            _step = _current <= _last ? 1 : -1;
            _exhausted = false;
        }

        protected override bool TryNext(out C8Value value)
        {
            if (_exhausted)
            {
                value = default;
                return false;
            }
            value = C8Value.From(_current);
            if (_current == _last)
            {
                _exhausted = true;
            }
            else
            {
                _current += _step;
            }
            return true;
        }
    }
}
