namespace PSC8.Server.Query.Execution;

/// <summary>How an index scan reads its documents when its loop starts; null when the index cannot serve them.</summary>
internal delegate IEnumerable<C8Object>? IndexRead(QueryContext context, IReadOnlyList<string>? projection, bool descending);

/// <summary>The SORT an index scan serves: attribute paths of the loop variable, consecutive fields of the index, in one direction.</summary>
internal sealed record IndexOrder(IReadOnlyList<string> Attributes, bool Ascending);

/// <summary>
/// FOR d IN collection FILTER …: reads through an index (a persistent index's key ranges, a geo index's latitude
/// band) a superset of what the FILTERs after it match (counted in scannedIndex); the FILTERs still decide. When the
/// index cannot serve the values (a sparse index asked for null) or is gone, the loop scans the collection instead.
/// With an <see cref="IndexOrder"/> it also stands for the SORT right after the FILTERs: documents come in index
/// order, which is C8QL's order except within a string, array or object segment (strings are keyed by their bytes,
/// not their collation) and among numbers of one key; those runs (of the first sorted attribute) are sorted here by
/// every sorted attribute, so SORT … LIMIT n reads about n documents. Ties keep key order, as a stable sort of a key-ordered scan would.
/// </summary>
internal sealed class IndexScanNode(string collection, Variable variable, IndexInfo index, IndexRead read, IReadOnlyList<string>? projection, IndexOrder? order = null)
    : PlanNode
{
    private string Collection { get; } = collection;

    private Variable Variable { get; } = variable;

    private IndexInfo Index { get; } = index;

    private IndexRead Read { get; } = read;

    private IReadOnlyList<string>? Projection { get; } = projection;

    private IndexOrder? Order { get; } = order;

    public override string Type => "IndexNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("collection", C8Value.From(Collection));
        node.Add("outVariable", Variable.Describe());
        node.Add("indexes", C8Value.From(new[] { C8Value.From(Describe(Index)) }));
        node.Add("ascending", C8Value.From(Order?.Ascending ?? true));
        node.Add("reverse", C8Value.From(Order is { Ascending: false }));
        if (Order is not null)
        {
            node.Add("sorted", C8Value.From(Order.Attributes.Select(name => C8Value.From(name)).ToArray()));
        }
        if (Projection is not null)
        {
            node.Add("projections", C8Value.From(Projection.Select(name => C8Value.From(name)).ToArray()));
        }
    }

    private static C8Object Describe(IndexInfo index) => new C8Object.Builder(6)
        .Set("id", C8Value.From(index.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .Set("name", C8Value.From(index.Name))
        .Set("type", C8Value.From(index.Type))
        .Set("fields", C8Value.From(index.Fields.Select(f => C8Value.From(f)).ToArray()))
        .Set("unique", C8Value.From(index.Unique))
        .Set("sparse", C8Value.From(index.Sparse))
        .Build();

    private sealed class Cursor(QueryContext context, RowCursor input, IndexScanNode node)
        : EnumerationCursor(context, input, node.Variable.Slot)
    {
        private IEnumerator<C8Object>? _documents;
        private bool _indexed;

        protected override void Start()
        {
            var descending = node.Order is { Ascending: false };
            var found = node.Read(Context, node.Projection, descending);
            _indexed = found is not null;
            var documents = found ?? (node.Projection is null ? Context.Store.Scan(node.Collection) : Context.Store.Scan(node.Collection, node.Projection));
            documents = Counted(documents);
            _documents = (node.Order is null ? documents : InOrder(documents, node.Order, whole: !_indexed)).GetEnumerator();
        }

        protected override bool TryNext(out C8Value value)
        {
            if (_documents!.MoveNext())
            {
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

        /// <summary>Sorts each run of documents whose index order may differ from C8QL's; <paramref name="whole"/>: a scan, one run.</summary>
        private IEnumerable<C8Object> InOrder(IEnumerable<C8Object> documents, IndexOrder order, bool whole)
        {
            var run = new List<(C8Object Document, C8Value[] Values)>();
            C8Value runStart = default;
            foreach (var document in documents)
            {
                var values = order.Attributes.Select(attribute => AttributePaths.Read(document, attribute)).ToArray();
                var value = values[0];
                if (run.Count > 0 && !whole && !SameRun(runStart, value))
                {
                    foreach (var sorted in Sorted(run, order.Ascending))
                    {
                        yield return sorted;
                    }
                    run.Clear();
                }
                if (run.Count == 0)
                {
                    runStart = value;
                }
                run.Add((document, values));
            }
            foreach (var sorted in Sorted(run, order.Ascending))
            {
                yield return sorted;
            }
        }

        private static IEnumerable<C8Object> Sorted(List<(C8Object Document, C8Value[] Values)> run, bool ascending)
        {
            IEnumerable<(C8Object Document, C8Value[] Values)> ordered = run.Count < 2 ? run
                : ascending ? run.OrderBy(r => r.Values, SortValues.Instance)
                : run.OrderByDescending(r => r.Values, SortValues.Instance);
            return ordered.Select(r => r.Document);
        }

        private IEnumerable<C8Object> Counted(IEnumerable<C8Object> documents)
        {
            foreach (var document in documents)
            {
                if (_indexed)
                {
                    Context.Stats.ScannedIndex++;
                }
                else
                {
                    Context.Stats.ScannedFull++;
                }
                yield return document;
            }
        }

        /// <summary>
        /// Whether two values fall in one run: the same type where keys order by bytes rather than by value (strings,
        /// arrays, objects), the same number where a key may stand for several (large integers share a double).
        /// </summary>
        private static bool SameRun(C8Value first, C8Value value) => first.Type == value.Type && first.Type switch
        {
            C8Type.Null or C8Type.Bool => C8ValueComparer.Compare(first, value) == 0,
            C8Type.Number => first.AsNumber.Equals(value.AsNumber),
            _ => true,
        };
    }

    /// <summary>Several sort values compared as SORT compares them: the first that differs decides.</summary>
    private sealed class SortValues : IComparer<C8Value[]>
    {
        public static readonly SortValues Instance = new();

        public int Compare(C8Value[]? x, C8Value[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var order = C8ValueComparer.Compare(x[i], y![i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return 0;
        }
    }
}
