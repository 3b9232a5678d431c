using PSC8.Server.Cluster;
using PSC8.Server.Model;

namespace PSC8.Server.Query.Execution;

/// <summary>
/// FOR d IN collection FILTER d.attribute OP value …: reads through a persistent index what the conditions on its
/// first attribute can match (counted in scannedIndex); the FILTER after it still decides. When the index cannot
/// serve the values (a sparse index asked for null) or is gone, the loop scans the collection instead.
/// </summary>
internal sealed class IndexScanNode(
    string collection, Variable variable, IndexInfo index, IReadOnlyList<(IndexOperator Operator, Evaluator Value)> conditions, IReadOnlyList<string>? projection)
    : PlanNode
{
    private string Collection { get; } = collection;

    private Variable Variable { get; } = variable;

    private IndexInfo Index { get; } = index;

    private IReadOnlyList<(IndexOperator Operator, Evaluator Value)> Conditions { get; } = conditions;

    private IReadOnlyList<string>? Projection { get; } = projection;

    public override string Type => "IndexNode";

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("collection", C8Value.From(Collection));
        node.Add("outVariable", Variable.Describe());
        node.Add("indexes", C8Value.From(new[] { C8Value.From(Describe(Index)) }));
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
            var values = node.Conditions.Select(c => new IndexCondition(c.Operator, c.Value(Context))).ToList();
            var found = Context.Store.IndexScan(node.Collection, node.Index, values, node.Projection);
            _indexed = found is not null;
            _documents = (found ?? (node.Projection is null ? Context.Store.Scan(node.Collection) : Context.Store.Scan(node.Collection, node.Projection))).GetEnumerator();
        }

        protected override bool TryNext(out C8Value value)
        {
            if (_documents!.MoveNext())
            {
                if (_indexed)
                {
                    Context.Stats.ScannedIndex++;
                }
                else
                {
                    Context.Stats.ScannedFull++;
                }
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
