namespace PSC8.Client;

/// <summary>
/// A server cursor read page by page: the first page arrives with the query, each further page is fetched
/// only when asked for (<c>PUT /cursor/{id}</c> or <c>PUT /restql/fetch/{id}</c>), so a consumer that stops
/// early costs one request. Closing a cursor that still has pages deletes it on the server.
/// The API is pull-based (no IAsyncEnumerable) so netstandard2.0 consumers, PowerShell cmdlets included,
/// need no package beyond System.Text.Json.
/// </summary>
public sealed class C8Cursor : IDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private readonly C8Transport _transport;
    private readonly string _fabric;
    private readonly string _fetchResource;
    private C8CursorPage? _pending;
    private bool _closed;
    private C8CursorPage? _rowPage;
    private int _rowIndex;

    private C8Cursor(C8Transport transport, string fabric, string fetchResource, C8CursorPage first, string? id)
    {
        _transport = transport;
        _fabric = fabric;
        _fetchResource = fetchResource;
        _pending = first;
        Id = id;
        HasMore = first.HasMore;
        Count = first.Count;
        Extra = first.Extra;
        PagesFetched = 1;
    }

    /// <summary>The server cursor id while pages remain; null once exhausted.</summary>
    public string? Id { get; private set; }

    /// <summary>Whether the server holds further pages.</summary>
    public bool HasMore { get; private set; }

    /// <summary>Total result count, when the query asked for it.</summary>
    public long? Count { get; }

    /// <summary>The latest <c>extra</c> (stats, warnings) the server sent.</summary>
    public JsonElement? Extra { get; private set; }

    /// <summary>Pages received from the server so far (the first page counts).</summary>
    public int PagesFetched { get; private set; }

    /// <summary>
    /// Returns the next page: the first call returns the page that came with the query; later calls fetch
    /// from the server. Null when all pages have been returned.
    /// </summary>
    public async Task<C8CursorPage?> ReadPageAsync(CancellationToken cancellationToken = default)
    {
        if (_pending is not null)
        {
            var first = _pending;
            _pending = null;
            return first;
        }

        if (!HasMore || Id is null || _closed)
        {
            return null;
        }

        // Fetching the next batch moves the server cursor, so a lost response must not be repeated.
        var request = new C8Request(HttpMethod.Put, C8Paths.Fabric(_fabric, _fetchResource + "/" + C8Paths.Seg(Id))) { Idempotent = false };
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        PagesFetched++;
        var page = ParsePage(response.Json, PagesFetched, out var id);
        Id = page.HasMore ? id ?? Id : null;
        HasMore = page.HasMore;
        if (page.Extra is not null)
        {
            Extra = page.Extra;
        }

        return page;
    }

    /// <summary>The row <see cref="MoveNextAsync"/> moved to.</summary>
    public JsonElement Current { get; private set; }

    /// <summary>
    /// Moves to the next row, fetching the next page only when the current one is used up. False at the end.
    /// Mixing this with <see cref="ReadPageAsync"/> on one cursor skips rows; use one or the other.
    /// </summary>
    public async Task<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_rowPage is not null && _rowIndex < _rowPage.Items.Count)
            {
                Current = _rowPage.Items[_rowIndex++];
                return true;
            }

            _rowPage = await ReadPageAsync(cancellationToken).ConfigureAwait(false);
            _rowIndex = 0;
            if (_rowPage is null)
            {
                Current = default;
                return false;
            }
        }
    }

    /// <summary>Reads all remaining rows into a list (for small results).</summary>
    public async Task<IReadOnlyList<JsonElement>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<JsonElement>();
        while (await ReadPageAsync(cancellationToken).ConfigureAwait(false) is C8CursorPage page)
        {
            list.AddRange(page.Items);
        }

        return list;
    }

    /// <summary>
    /// Deletes the server cursor when pages remain (<c>DELETE /cursor/{id}</c>). A failed delete is logged, not
    /// thrown (the server drops idle cursors after their ttl), so it never hides the caller's own exception.
    /// Safe to call more than once.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _pending = null;
        if (!HasMore || Id is null)
        {
            return;
        }

        var id = Id;
        HasMore = false;
        Id = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CloseTimeout);
        try
        {
            await _transport.SendAsync(new C8Request(HttpMethod.Delete, C8Paths.Fabric(_fabric, "cursor/" + C8Paths.Seg(id))), timeout.Token).ConfigureAwait(false);
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 400)
        {
            // Already gone (expired, or a RestQL cursor the server dropped).
        }
        catch (C8ApiException ex)
        {
            // Not worth failing the caller (who may be unwinding its own exception): idle cursors expire on the server.
            _transport.Log("Could not delete cursor " + id + ": " + ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _transport.Log("Could not delete cursor " + id + " within " + CloseTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s.");
        }
    }

    /// <summary>
    /// Closes the cursor synchronously (for <c>using</c> and PowerShell's EndProcessing/Dispose), deleting it on
    /// the server when pages remain. Waits at most the close timeout.
    /// </summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            // The close runs on the thread pool, so a caller's synchronization context cannot deadlock it.
            Task.Run(() => CloseAsync(CancellationToken.None)).Wait(CloseTimeout + TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Disposal must not throw; the server drops idle cursors after their ttl anyway.
        }
    }

    /// <inheritdoc />
    public override string ToString() => "cursor " + (Id ?? "(done)") + ", " + PagesFetched.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pages";

    internal static C8Cursor Open(C8Transport transport, string fabric, string fetchResource, JsonElement body)
    {
        var first = ParsePage(body, 1, out var id);
        return new C8Cursor(transport, fabric, fetchResource, first, first.HasMore ? id : null);
    }

    private static C8CursorPage ParsePage(JsonElement body, int number, out string? id)
    {
        id = JsonRead.String(body, "id");
        var items = JsonRead.Array(body, "result");
        var hasMore = JsonRead.Bool(body, "hasMore") && id is not null;
        return new C8CursorPage(number, items, hasMore, JsonRead.Long(body, "count"), JsonRead.Object(body, "extra"), JsonRead.Bool(body, "cached"));
    }
}
