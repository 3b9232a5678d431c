namespace PSC8.Client.Apis;

/// <summary>The server's name and version: <c>GET /_api/version</c>.</summary>
public sealed class VersionApi : ApiBase
{
    internal VersionApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>What the server says it is; with <paramref name="details"/> also the details it lists.</summary>
    public async Task<C8ServerVersion> GetAsync(bool details = false, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/_api/version").Query("details", details), cancellationToken).ConfigureAwait(false);
        return C8ServerVersion.FromJson(response.Json);
    }
}
