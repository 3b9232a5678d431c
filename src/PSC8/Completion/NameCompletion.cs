namespace PSC8.Completion;

/// <summary>What a tab-completed parameter names.</summary>
internal enum CompletionKind
{
    Fabric,
    Collection,
    QueryWorker,
    Region,
    ApiKey,
    User,
}

/// <summary>
/// Tab-completion candidates read from the connection in use. Completion must never get in the user's way: any
/// failure (no connection, no rights, a slow or stopped server) yields no candidates, and a call that takes longer
/// than <see cref="Timeout"/> is abandoned.
/// </summary>
internal static class NameCompletion
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<string> Complete(C8Session? session, CompletionKind kind, string? fabric, string? wordToComplete)
    {
        if (session is null || !session.IsOpen)
        {
            return Array.Empty<string>();
        }

        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var names = NamesAsync(session.Client, kind, string.IsNullOrWhiteSpace(fabric) ? null : fabric, timeout.Token).GetAwaiter().GetResult();
            var pattern = new C8Wildcard(Unquote(wordToComplete) + "*");
            return names.Where(pattern.IsMatch).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
        }
        catch (Exception)
        {
            // Deliberately broad: a completer that throws breaks the user's typing; no candidates is the right answer.
            return Array.Empty<string>();
        }
    }

    /// <summary>The text to insert: quoted when the name would not survive as a bare word.</summary>
    public static string Quote(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var bare = name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') && name[0] != '-';
        return bare ? name : "'" + name.Replace("'", "''") + "'";
    }

    private static string Unquote(string? word)
    {
        var text = word ?? string.Empty;
        return text.Trim('\'', '"');
    }

    private static async Task<IEnumerable<string>> NamesAsync(C8Connection client, CompletionKind kind, string? fabric, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case CompletionKind.Fabric:
                return await client.Fabrics.ListNamesAsync(cancellationToken).ConfigureAwait(false);
            case CompletionKind.Collection:
                return (await client.Collections.ListAsync(fabric, true, false, cancellationToken).ConfigureAwait(false)).Select(c => c.Name);
            case CompletionKind.QueryWorker:
                return (await client.QueryWorkers.ListAsync(fabric, cancellationToken).ConfigureAwait(false)).Select(w => w.Name);
            case CompletionKind.ApiKey:
                return (await client.ApiKeys.ListAsync(null, cancellationToken).ConfigureAwait(false)).Select(k => k.KeyId);
            case CompletionKind.User:
                return (await client.Users.ListAsync(cancellationToken).ConfigureAwait(false)).Select(u => u.User);
            default:
                return (await client.Regions.ListAllAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name);
        }
    }
}
