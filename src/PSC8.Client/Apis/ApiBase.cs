namespace PSC8.Client.Apis;

/// <summary>Shared plumbing of the API groups.</summary>
public abstract class ApiBase
{
    internal ApiBase(C8Connection connection) => Connection = connection;

    /// <summary>The connection the calls go through.</summary>
    public C8Connection Connection { get; }

    internal string Fabric(string? fabric) => Connection.FabricOrDefault(fabric);

    /// <summary>Refuses an empty or blank name before anything is sent.</summary>
    internal static void RequireNonBlank(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A name is required.", parameter);
        }
    }

    internal Task<C8Response> SendAsync(C8Request request, CancellationToken cancellationToken) =>
        Connection.Transport.SendAsync(request, cancellationToken);
}
