using PSC8.Client.Batching;
using PSC8.Client.Json;

namespace PSC8.Engine;

/// <summary>The bulk requests one cmdlet call sends to one collection through one connection, and how they are reported.</summary>
/// <param name="serializes">Whether the batch's items are documents serialised into its buffers as they are added.</param>
internal sealed class DocumentBatch<T>(C8Session session, string fabric, string collection, string method, string activity, DocumentBatcher<T> batcher, bool serializes = false)
{
    private JsonItemBuffer? _spare = serializes ? new JsonItemBuffer() : null;

    public C8Session Session { get; } = session;

    public string Fabric { get; } = fabric;

    public string Collection { get; } = collection;

    /// <summary>The HTTP method of the bulk request, for the error records of its failed items.</summary>
    public string Method { get; } = method;

    /// <summary>The bulk request's path, for the error records of its failed items.</summary>
    public string Path => "/_fabric/" + Fabric + "/_api/document/" + Collection;

    public string Activity { get; } = activity;

    public DocumentBatcher<T> Batcher { get; } = batcher;

    public ProgressThrottle Progress { get; } = new();

    /// <summary>How its results are reported (set by the <see cref="DocumentBatches{T}"/> it belongs to).</summary>
    public DocumentBatches<T> Group { get; internal set; } = null!;

    /// <summary>Items that were not written because they exist already (an insert with OverwriteMode Ignore).</summary>
    public long Skipped { get; set; }

    /// <summary>The running totals, as progress shows them.</summary>
    public string ProgressText => Batcher.ItemsSent + " sent, " + (Skipped > 0 ? Skipped + " skipped (already there), " : string.Empty) + Batcher.ErrorCount + " failed";

    /// <summary>
    /// The buffer the documents being added are serialised into (for cmdlets that send documents). While one request
    /// is in flight its documents stay in the other buffer, which the request empties when it is done.
    /// </summary>
    public JsonItemBuffer? Serialized { get; private set; } = serializes ? new JsonItemBuffer() : null;

    /// <summary>The request sent while the next batch fills, if any; its results are reported before the next is sent.</summary>
    public Task<IReadOnlyList<C8BatchItem<T>>>? InFlight { get; private set; }

    /// <summary>Records the request just started and switches to the other buffer for the documents that follow.</summary>
    public void Sent(Task<IReadOnlyList<C8BatchItem<T>>> request)
    {
        InFlight = request;
        (Serialized, _spare) = (_spare, Serialized);
    }

    /// <summary>Takes the request in flight (to wait for it).</summary>
    public Task<IReadOnlyList<C8BatchItem<T>>>? TakeInFlight()
    {
        var request = InFlight;
        InFlight = null;
        return request;
    }

    /// <summary>Returns the buffers' memory to the pool.</summary>
    public void Release()
    {
        Serialized?.Dispose();
        _spare?.Dispose();
    }
}

/// <summary>
/// The batches of one cmdlet call, one per connection, fabric and collection its input goes to: documents piped in
/// from two servers are sent to each through its own connection.
/// </summary>
/// <param name="method">The HTTP method of the bulk requests.</param>
/// <param name="activity">What the batches do, as progress shows it before the fabric/collection ("Adding documents to").</param>
/// <param name="batcher">Makes the batcher that sends the items for a connection, fabric and collection.</param>
/// <param name="target">The object a failed item's error record is about: the input it came from.</param>
/// <param name="succeeded">What to do with each item written (or skipped), e.g. write it with -PassThru.</param>
/// <param name="serializes">Whether the items are documents serialised into the batches' buffers as they are added.</param>
internal sealed class DocumentBatches<T>(
    string method,
    string activity,
    Func<C8Session, string, string, DocumentBatcher<T>> batcher,
    Func<T, object?> target,
    Action<C8BatchItem<T>, C8Session>? succeeded,
    bool serializes = false)
{
    private readonly Dictionary<(C8Session Session, string Fabric, string Collection), DocumentBatch<T>> _batches = new();

    public Func<T, object?> Target { get; } = target;

    public Action<C8BatchItem<T>, C8Session>? Succeeded { get; } = succeeded;

    public IReadOnlyCollection<DocumentBatch<T>> All => _batches.Values;

    public DocumentBatch<T> For(C8Session session, string fabric, string collection)
    {
        if (!_batches.TryGetValue((session, fabric, collection), out var batch))
        {
            batch = new DocumentBatch<T>(session, fabric, collection, method, activity + " " + fabric + "/" + collection, batcher(session, fabric, collection), serializes)
            {
                Group = this,
            };
            _batches.Add((session, fabric, collection), batch);
        }

        return batch;
    }
}
