namespace PSC8.Server.Query.Execution;

/// <summary>The OPTIONS of a write operation: what the store needs, and whether document errors are skipped.</summary>
internal sealed record ModificationOptions(WriteOptions Write, bool IgnoreErrors);

/// <summary>
/// Base for INSERT, UPDATE, REPLACE, REMOVE and UPSERT: applies one write per input row through the
/// store and exposes OLD/NEW. With ignoreErrors, a row whose write fails with a document-level error
/// is counted in writesIgnored and produces no output.
/// </summary>
internal abstract class ModificationNode(string collection, ModificationOptions options, Variable? oldVariable, Variable? newVariable)
    : PlanNode
{
    /// <summary>Errors about one document (not about the query or the collection).</summary>
    private static readonly HashSet<int> DocumentErrors =
    [
        C8Errors.Conflict, C8Errors.DocumentNotFoundNum, C8Errors.UniqueConstraintViolated, C8Errors.IllegalDocumentKey,
        C8Errors.InvalidDocumentType, C8Errors.InvalidEdgeAttribute, QueryErrors.DocumentKeyMissing,
    ];

    protected string Collection { get; } = collection;

    protected Variable? OldVariable { get; } = oldVariable;

    protected Variable? NewVariable { get; } = newVariable;

    protected ModificationOptions Options { get; } = options;

    public override RowCursor Open(QueryContext context, RowCursor input) => new Cursor(context, input, this);

    public override void Describe(C8Object.Builder node)
    {
        node.Add("collection", C8Value.From(Collection));
        node.Add("ignoreErrors", C8Value.From(Options.IgnoreErrors));
        if (OldVariable is not null)
        {
            node.Add("outVariableOld", OldVariable.Describe());
        }
        if (NewVariable is not null)
        {
            node.Add("outVariableNew", NewVariable.Describe());
        }
    }

    /// <summary>Performs the write for the current row.</summary>
    protected abstract WriteResult Apply(QueryContext context);

    protected static C8Object RequireObject(C8Value value) =>
        value.TryGetObject(out var obj) ? obj : throw C8Errors.InvalidDocument();

    /// <summary>
    /// The key (and, unless revisions are ignored, the expected revision) from a key expression:
    /// a key string, or an object with a string _key.
    /// </summary>
    protected (string Key, string? Revision) KeyOf(C8Value selector)
    {
        if (selector.TryGetString(out var key))
        {
            return (key, null);
        }
        if (!selector.TryGetObject(out var obj))
        {
            throw C8Errors.InvalidDocument();
        }
        if (!obj["_key"].TryGetString(out key))
        {
            throw new C8Exception(400, QueryErrors.DocumentKeyMissing, "missing document key");
        }
        var revision = !Options.Write.IgnoreRevs && obj["_rev"].TryGetString(out var rev) ? rev : null;
        return (key, revision);
    }

    protected WriteOptions WithRevision(string? revision) =>
        revision is null ? Options.Write : Options.Write with { ExpectedRev = revision };

    private sealed class Cursor(QueryContext context, RowCursor input, ModificationNode node) : PipedCursor(input)
    {
        public override bool MoveNext()
        {
            while (Input.MoveNext())
            {
                context.Tick();
                WriteResult result;
                try
                {
                    result = node.Apply(context);
                }
                catch (C8Exception e) when (node.Options.IgnoreErrors && DocumentErrors.Contains(e.ErrorNum))
                {
                    context.Stats.WritesIgnored++;
                    continue;
                }
                if (result.Ignored)
                {
                    context.Stats.WritesIgnored++;
                }
                else
                {
                    context.Stats.WritesExecuted++;
                }
                if (node.OldVariable is not null)
                {
                    context.Slots[node.OldVariable.Slot] = result.Old is null ? C8Value.Null : C8Value.From(result.Old);
                }
                if (node.NewVariable is not null)
                {
                    context.Slots[node.NewVariable.Slot] = result.New is null || result.Ignored ? C8Value.Null : C8Value.From(result.New);
                }
                return true;
            }
            return false;
        }
    }
}

internal sealed class InsertNode(string collection, ModificationOptions options, Evaluator document, Variable? oldVariable, Variable? newVariable)
    : ModificationNode(collection, options, oldVariable, newVariable)
{
    public override string Type => "InsertNode";

    protected override WriteResult Apply(QueryContext context) =>
        context.Store.Insert(Collection, RequireObject(document(context)), Options.Write);
}

/// <summary>UPDATE and REPLACE: <c>key WITH document</c>, or a document that carries its own _key.</summary>
internal sealed class UpdateNode(
    string collection,
    ModificationOptions options,
    bool replace,
    Evaluator? key,
    Evaluator document,
    Variable? oldVariable,
    Variable? newVariable) : ModificationNode(collection, options, oldVariable, newVariable)
{
    public override string Type => replace ? "ReplaceNode" : "UpdateNode";

    protected override WriteResult Apply(QueryContext context)
    {
        var selector = key is null ? document(context) : key(context);
        var (documentKey, revision) = KeyOf(selector);
        var body = key is null ? selector : document(context);
        var writeOptions = WithRevision(revision);
        var patch = RequireObject(body);
        return replace
            ? context.Store.Replace(Collection, documentKey, patch, writeOptions)
            : context.Store.Update(Collection, documentKey, patch, writeOptions);
    }
}

internal sealed class RemoveNode(string collection, ModificationOptions options, Evaluator key, Variable? oldVariable)
    : ModificationNode(collection, options, oldVariable, null)
{
    public override string Type => "RemoveNode";

    protected override WriteResult Apply(QueryContext context)
    {
        var (documentKey, revision) = KeyOf(key(context));
        return context.Store.Remove(Collection, documentKey, WithRevision(revision));
    }
}

/// <summary>
/// UPSERT: looks for the first document matching the search object (by _key through the primary index
/// when the search names one, otherwise by scanning), then updates/replaces it or inserts a new one.
/// OLD is set before the update expression is evaluated, so it can refer to the found document.
/// </summary>
internal sealed class UpsertNode(
    string collection,
    ModificationOptions options,
    bool replace,
    Evaluator search,
    Evaluator insert,
    Evaluator update,
    Variable oldVariable,
    Variable? newVariable) : ModificationNode(collection, options, oldVariable, newVariable)
{
    public override string Type => "UpsertNode";

    protected override WriteResult Apply(QueryContext context)
    {
        var example = RequireObject(search(context));
        var found = Find(context, example);
        context.Slots[OldVariable!.Slot] = found is null ? C8Value.Null : C8Value.From(found);
        WriteResult result;
        if (found is null)
        {
            result = context.Store.Insert(Collection, RequireObject(insert(context)), Options.Write);
        }
        else
        {
            var key = found["_key"].AsString;
            var body = RequireObject(update(context));
            result = replace
                ? context.Store.Replace(Collection, key, body, Options.Write)
                : context.Store.Update(Collection, key, body, Options.Write);
        }
        return result with { Old = found };
    }

    private C8Object? Find(QueryContext context, C8Object example)
    {
        if (example["_key"].TryGetString(out var key))
        {
            var candidate = context.Store.Get(Collection, key);
            if (candidate is null)
            {
                return null;
            }
            context.Stats.ScannedIndex++;
            return Matches(candidate, example) ? candidate : null;
        }
        foreach (var document in context.Store.Scan(Collection))
        {
            context.Stats.ScannedFull++;
            context.Tick();
            if (Matches(document, example))
            {
                return document;
            }
        }
        return null;
    }

    /// <summary>Each search attribute equals the document's attribute (a missing one counts as null).</summary>
    private static bool Matches(C8Object document, C8Object example) => DocumentFunctions.MatchesExample(document, example);
}
