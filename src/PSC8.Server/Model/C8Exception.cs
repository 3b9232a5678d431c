namespace PSC8.Server.Model;

/// <summary>
/// A failure with GDN's error identity: the HTTP status and the errorNum the drivers switch on.
/// Thrown anywhere below the HTTP layer; the HTTP layer turns it into the error envelope.
/// </summary>
public class C8Exception(int httpStatus, int errorNum, string message, C8Object? extra = null) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int ErrorNum { get; } = errorNum;

    /// <summary>Additional envelope attributes (a 412 carries the current _id, _key and _rev).</summary>
    public C8Object? Extra { get; } = extra;

    /// <summary>Whole seconds after which the refused request may succeed, sent as Retry-After; null when unknown.</summary>
    public virtual int? RetryAfterSeconds => null;
}
