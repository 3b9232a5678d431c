using PSC8.Server.Query.Compilation;

namespace PSC8.Server.Query;

/// <summary>
/// A compiled query with its bind parameters applied. Immutable: any number of executions may run it,
/// each with its own store transaction.
/// </summary>
internal sealed class PreparedQuery
{
    private readonly CompiledQuery _compiled;

    internal PreparedQuery(CompiledQuery compiled)
    {
        _compiled = compiled;
    }

    /// <summary>Every collection the query names (read, written or declared WITH).</summary>
    public IReadOnlyCollection<string> Collections => _compiled.Collections;

    public IReadOnlyCollection<string> WrittenCollections => _compiled.WrittenCollections;

    public bool IsModification => _compiled.WrittenCollections.Count > 0;

    /// <summary>
    /// The query may also read collections it does not name, chosen by values at run time (DOCUMENT('c/k'),
    /// COLLECTION_COUNT(expression), CALL/APPLY): <see cref="Collections"/> is then not the whole story.
    /// </summary>
    public bool ReadsCollectionsByValue => _compiled.ReadsCollectionsByValue;

    /// <summary>
    /// Starts an execution. Unknown collections fail here (1203); everything else surfaces from
    /// <see cref="IQueryExecution.MoveNext"/> as results are pulled.
    /// </summary>
    public IQueryExecution Execute(IQueryStore store, QueryOptions options, CancellationToken cancellationToken)
    {
        foreach (var collection in _compiled.Collections)
        {
            if (!store.CollectionExists(collection))
            {
                throw C8Errors.CollectionNotFound(collection);
            }
        }
        var context = new QueryContext(store, options, cancellationToken, _compiled.Layout);
        return new QueryExecution(_compiled.Root, context, _compiled.HasFullCountLimit);
    }

    /// <summary>The execution plan: nodes in pipeline order, collections and variables.</summary>
    public C8Value Explain() => QueryExplainer.Explain(_compiled, IsModification);
}
