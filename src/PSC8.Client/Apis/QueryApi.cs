namespace PSC8.Client.Apis;

/// <summary>C8QL through server cursors: <c>/_fabric/{f}/_api/cursor</c> and <c>/query/explain</c>.</summary>
public sealed class QueryApi : ApiBase
{
    internal QueryApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>
    /// Runs a query (<c>POST …/cursor</c>) and returns the cursor holding its first page. Not retried unless
    /// <paramref name="retryable"/> says the query only reads (a retried write query would write twice).
    /// </summary>
    public async Task<C8Cursor> OpenAsync(string? fabric, C8Query query, bool retryable = false, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(f, "cursor")) { Idempotent = retryable }.Json(query.Write);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8Cursor.Open(Connection.Transport, f, "cursor", response.Json);
    }

    /// <summary>
    /// Hands every row of a query to <paramref name="onRow"/>, fetching pages only as they are needed. When the
    /// callback returns false (or throws, or the token is cancelled) no further page is fetched and the server
    /// cursor is deleted. Returns the number of rows handed over.
    /// </summary>
    public async Task<long> ForEachAsync(string? fabric, C8Query query, Func<JsonElement, bool> onRow, CancellationToken cancellationToken = default)
    {
        if (onRow is null)
        {
            throw new ArgumentNullException(nameof(onRow));
        }

        var cursor = await OpenAsync(fabric, query, false, cancellationToken).ConfigureAwait(false);
        long delivered = 0;
        try
        {
            while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                delivered++;
                if (!onRow(cursor.Current))
                {
                    break;
                }
            }
        }
        finally
        {
            await cursor.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return delivered;
    }

    /// <summary>Runs a query and collects every row (for small results).</summary>
    public async Task<IReadOnlyList<JsonElement>> ToListAsync(string? fabric, C8Query query, CancellationToken cancellationToken = default)
    {
        var cursor = await OpenAsync(fabric, query, false, cancellationToken).ConfigureAwait(false);
        try
        {
            return await cursor.ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await cursor.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The execution plan (<c>POST …/query/explain</c>), as the server sent it.</summary>
    public async Task<JsonElement> ExplainAsync(string? fabric, C8Query query, bool allPlans = false, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        // Explaining never executes the query, so it is safe to retry.
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(Fabric(fabric), "query/explain")) { Idempotent = true }.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("query", query.Query);
            if (query.BindVars.Count > 0)
            {
                w.WritePropertyName("bindVars");
                C8JsonWriters.WriteValue(w, query.BindVars);
            }

            if (allPlans)
            {
                w.WriteStartObject("options");
                w.WriteBoolean("allPlans", true);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Json;
    }

    /// <summary>Deletes a server cursor by id (<c>DELETE …/cursor/{id}</c>).</summary>
    public async Task DeleteCursorAsync(string? fabric, string cursorId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(cursorId))
        {
            throw new ArgumentException("A cursor id is required.", nameof(cursorId));
        }

        await SendAsync(new C8Request(HttpMethod.Delete, C8Paths.Fabric(Fabric(fabric), "cursor/" + C8Paths.Seg(cursorId))), cancellationToken).ConfigureAwait(false);
    }
}
