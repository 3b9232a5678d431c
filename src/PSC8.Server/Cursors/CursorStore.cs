namespace PSC8.Server.Cursors;

/// <summary>One region's open cursors (cursors live where they were opened, as in GDN); idle ones expire after their ttl.</summary>
internal sealed class CursorStore : IDisposable
{
    private readonly CallerQuotas _quotas;
    private static long s_lastId = DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000;

    private readonly ConcurrentDictionary<string, ServerCursor> _cursors = new(StringComparer.Ordinal);
    private readonly Timer _sweeper;

    public CursorStore(CallerQuotas quotas)
    {
        _quotas = quotas;
        _sweeper = new Timer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public int OpenCount => _cursors.Count;

    /// <summary>Keeps the cursor; 429 when its owner holds as many open cursors as a caller may.</summary>
    public string Add(ServerCursor cursor)
    {
        _quotas.TakeCursor(cursor.Owner);
        cursor.Id = Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
        _cursors[cursor.Id] = cursor;
        return cursor.Id;
    }

    /// <summary>
    /// The caller's cursor for its next batch; a malformed id is a 400, an unknown, expired or foreign one a 404/1600
    /// (GDN answers so: pyC8's test_cursor_invalid_id cassette).
    /// </summary>
    public ServerCursor Get(string id, string owner)
    {
        if (id.Length == 0 || id.Length > 20 || !id.All(char.IsAsciiDigit))
        {
            throw new C8Exception(400, C8Errors.HttpBadRequest, "invalid cursor ID");
        }
        return Find(id, owner) ?? throw NotFound();
    }

    /// <summary>Closes the caller's cursor. GDN does not check the id's form here: whatever is not open is a 404/1600.</summary>
    public void Close(string id, string owner)
    {
        if (Find(id, owner) is null)
        {
            throw NotFound();
        }
        Remove(id);
    }

    private ServerCursor? Find(string id, string owner) =>
        _cursors.TryGetValue(id, out var cursor) && cursor.Owner == owner && cursor.ExpiresAt >= DateTime.UtcNow ? cursor : null;

    private static C8Exception NotFound() => new(404, C8Errors.CursorNotFoundNum, "cursor not found");

    public void Remove(string id)
    {
        if (_cursors.TryRemove(id, out var cursor))
        {
            _quotas.ReleaseCursor(cursor.Owner);
            cursor.Dispose();
        }
    }

    private void Sweep()
    {
        var now = DateTime.UtcNow;
        foreach (var (id, cursor) in _cursors)
        {
            if (cursor.ExpiresAt < now)
            {
                Remove(id);
            }
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var id in _cursors.Keys)
        {
            Remove(id);
        }
    }
}
