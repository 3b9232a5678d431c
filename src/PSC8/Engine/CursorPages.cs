namespace PSC8.Engine;

/// <summary>
/// Reads a server cursor one page at a time on the pipeline thread. A page is fetched only when the consumer asks
/// for the next one, so a pipeline that stops early (Select-Object -First n) fetches no further page; ending the
/// enumeration for any reason disposes the cursor, which deletes it on the server when pages remain.
/// </summary>
internal static class CursorPages
{
    /// <summary>
    /// Rows per page unless a cmdlet is told otherwise: the most GDN allows. The server's own default (100) made a
    /// query of 100,000 rows a thousand requests, and half of C8 Local's work for it.
    /// </summary>
    public const int PageSize = 1000;

    public static IEnumerable<C8CursorPage> Read(C8Cursor cursor, AsyncBridge bridge)
    {
        if (cursor is null)
        {
            throw new ArgumentNullException(nameof(cursor));
        }

        if (bridge is null)
        {
            throw new ArgumentNullException(nameof(bridge));
        }

        return ReadIterator(cursor, bridge);
    }

    private static IEnumerable<C8CursorPage> ReadIterator(C8Cursor cursor, AsyncBridge bridge)
    {
        Task<C8CursorPage?>? next = null;
        try
        {
            var page = bridge.Run(token => cursor.ReadPageAsync(token));
            while (page is not null)
            {
                // From the second page on, the pipeline has shown it wants more than the first: the page after is
                // fetched while this one is written, so the server produces rows while PowerShell turns them into
                // objects. A pipeline that stops after the first page still fetches nothing more.
                next = page.Number > 1 && cursor.HasMore ? bridge.Start(token => cursor.ReadPageAsync(token)) : null;
                yield return page;
                page = next is null ? bridge.Run(token => cursor.ReadPageAsync(token)) : bridge.Run(_ => next);
                next = null;
            }
        }
        finally
        {
            // Disposal closes without the bridge, so it also happens after Ctrl+C cancelled the bridge, and never
            // throws; a page still being fetched is let finish first, so the close does not race it.
            if (next is not null)
            {
                try
                {
                    next.Wait(TimeSpan.FromSeconds(30));
                }
                catch (AggregateException)
                {
                    // The fetch failed or was cancelled; closing is all that is left to do.
                }
            }

            cursor.Dispose();
        }
    }
}
