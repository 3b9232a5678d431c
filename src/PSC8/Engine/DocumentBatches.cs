using System;
using System.Collections.Generic;
using PSC8.Client.Batching;

namespace PSC8.Engine;

/// <summary>The bulk requests one cmdlet call sends to one collection through one connection, and how they are reported.</summary>
internal sealed class DocumentBatch<T>
{
    public DocumentBatch(C8Session session, string fabric, string collection, string method, string activity, DocumentBatcher<T> batcher)
    {
        Session = session;
        Fabric = fabric;
        Collection = collection;
        Method = method;
        Activity = activity;
        Batcher = batcher;
    }

    public C8Session Session { get; }

    public string Fabric { get; }

    public string Collection { get; }

    /// <summary>The HTTP method of the bulk request, for the error records of its failed items.</summary>
    public string Method { get; }

    /// <summary>The bulk request's path, for the error records of its failed items.</summary>
    public string Path => "/_fabric/" + Fabric + "/_api/document/" + Collection;

    public string Activity { get; }

    public DocumentBatcher<T> Batcher { get; }

    public ProgressThrottle Progress { get; } = new();
}

/// <summary>
/// The batches of one cmdlet call, one per connection, fabric and collection its input goes to: documents piped in
/// from two servers are sent to each through its own connection.
/// </summary>
internal sealed class DocumentBatches<T>
{
    private readonly Dictionary<(C8Session Session, string Fabric, string Collection), DocumentBatch<T>> _batches = new();
    private readonly Func<C8Session, string, string, DocumentBatch<T>> _create;

    public DocumentBatches(Func<C8Session, string, string, DocumentBatch<T>> create)
    {
        _create = create;
    }

    public IReadOnlyCollection<DocumentBatch<T>> All => _batches.Values;

    public DocumentBatch<T> For(C8Session session, string fabric, string collection)
    {
        if (!_batches.TryGetValue((session, fabric, collection), out var batch))
        {
            batch = _create(session, fabric, collection);
            _batches.Add((session, fabric, collection), batch);
        }

        return batch;
    }
}
