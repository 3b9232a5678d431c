using System;
using System.Collections.Generic;
using PSC8.Client;
using PSC8.Client.Models;

namespace PSC8.Engine;

/// <summary>
/// Reads a server cursor one page at a time on the pipeline thread. A page is fetched only when the consumer asks
/// for the next one, so a pipeline that stops early (Select-Object -First n) fetches no further page; ending the
/// enumeration for any reason disposes the cursor, which deletes it on the server when pages remain.
/// </summary>
internal static class CursorPages
{
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
        // Disposal closes without the bridge, so it also happens after Ctrl+C cancelled the bridge, and never throws.
        using (cursor)
        {
            while (bridge.Run(token => cursor.ReadPageAsync(token)) is C8CursorPage page)
            {
                yield return page;
            }
        }
    }
}
