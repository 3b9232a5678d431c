namespace PSC8.Client.Batching;

/// <summary>One input of a batched stream with the result the server gave for it.</summary>
public sealed class C8BatchItem<T>
{
    internal C8BatchItem(long index, T input, C8DocumentResult? result)
    {
        Index = index;
        Input = input;
        Result = result;
    }

    /// <summary>0-based position of the input in the whole stream.</summary>
    public long Index { get; }

    /// <summary>The input object (e.g. the pipeline object the cmdlet received).</summary>
    public T Input { get; }

    /// <summary>The server's result; null when the call was silent.</summary>
    public C8DocumentResult? Result { get; }

    /// <summary>Whether the server reported an error for this item.</summary>
    public bool IsError => Result?.IsError ?? false;

    /// <inheritdoc />
    public override string ToString() => "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Result;
}

/// <summary>
/// Collects a stream of inputs (pipeline objects arriving one at a time in ProcessRecord) into bulk requests
/// of <see cref="BatchSize"/>, and maps each per-item result back to its input in order.
/// Call <see cref="AddAsync"/> (or <see cref="Add"/>) per item and <see cref="FlushAsync"/> at the end (EndProcessing).
/// </summary>
public sealed class DocumentBatcher<T>
{
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task<C8BatchResult>> _send;
    private List<T> _pending;
    private long _next;

    /// <summary>Creates a batcher.</summary>
    /// <param name="batchSize">Items per request (≥ 1).</param>
    /// <param name="send">Sends one batch, e.g. <c>(b, ct) =&gt; docs.InsertManyAsync(f, c, b, writer, opts, ct)</c>.</param>
    public DocumentBatcher(int batchSize, Func<IReadOnlyList<T>, CancellationToken, Task<C8BatchResult>> send)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), "The batch size must be at least 1.");
        }

        BatchSize = batchSize;
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _pending = new List<T>(batchSize);
    }

    /// <summary>Items per request.</summary>
    public int BatchSize { get; }

    /// <summary>Items waiting for the next request.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Requests sent so far.</summary>
    public int BatchesSent { get; private set; }

    /// <summary>Items sent so far.</summary>
    public long ItemsSent { get; private set; }

    /// <summary>Items the server reported as failed so far.</summary>
    public long ErrorCount { get; private set; }

    /// <summary>
    /// Adds an item; when the batch is full it is sent and its results returned (else an empty list).
    /// If the request itself fails, the exception propagates and the batch's items are dropped (not resent).
    /// </summary>
    public Task<IReadOnlyList<C8BatchItem<T>>> AddAsync(T item, CancellationToken cancellationToken = default) =>
        Add(item) ? SendPendingAsync(cancellationToken) : Task.FromResult<IReadOnlyList<C8BatchItem<T>>>(Array.Empty<C8BatchItem<T>>());

    /// <summary>
    /// Adds an item without sending anything; true when the batch is now full and <see cref="FlushAsync"/> should send
    /// it. For callers that must not pay for an asynchronous call per item.
    /// </summary>
    public bool Add(T item)
    {
        _pending.Add(item);
        return _pending.Count >= BatchSize;
    }

    /// <summary>Sends what is pending (if anything) and returns its results.</summary>
    public Task<IReadOnlyList<C8BatchItem<T>>> FlushAsync(CancellationToken cancellationToken = default) =>
        _pending.Count == 0 ? Task.FromResult<IReadOnlyList<C8BatchItem<T>>>(Array.Empty<C8BatchItem<T>>()) : SendPendingAsync(cancellationToken);

    /// <summary>Splits a sequence into lists of at most <paramref name="size"/>, lazily and in order.</summary>
    public static IEnumerable<IReadOnlyList<T>> Chunk(IEnumerable<T> items, int size)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }

        return ChunkIterator(items, size);
    }

    private static IEnumerable<IReadOnlyList<T>> ChunkIterator(IEnumerable<T> items, int size)
    {
        var chunk = new List<T>(size);
        foreach (var item in items)
        {
            chunk.Add(item);
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<T>(size);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task<IReadOnlyList<C8BatchItem<T>>> SendPendingAsync(CancellationToken cancellationToken)
    {
        var batch = _pending;
        _pending = new List<T>(BatchSize);
        var first = _next;
        _next += batch.Count;
        var results = await _send(batch, cancellationToken).ConfigureAwait(false);
        BatchesSent++;
        ItemsSent += batch.Count;
        if (results.Count != 0 && results.Count != batch.Count)
        {
            throw new InvalidOperationException("The server returned " + results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " results for " + batch.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items.");
        }

        var mapped = new C8BatchItem<T>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var result = results.Count == 0 ? null : results[i];
            if (result?.IsError == true)
            {
                ErrorCount++;
            }

            mapped[i] = new C8BatchItem<T>(first + i, batch[i], result);
        }

        return mapped;
    }
}
