namespace PSC8.Client;

/// <summary>
/// The one exception PSC8.Client throws for a failed call (besides argument checks and cancellation). Its message
/// starts with a plain sentence of what went wrong, then the server's reason; the request and the answer's numbers
/// (method, path without query, status, errorNum) are in <see cref="Details"/> and the properties, with a stable
/// <see cref="ErrorId"/> and <see cref="Category"/> for PowerShell error records. Its message never contains a secret.
/// </summary>
public sealed class C8ApiException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    public C8ApiException(int statusCode, int? errorNum, string serverMessage, string method, string path, Exception? innerException = null)
        : this(statusCode, errorNum, serverMessage, method, path, C8ErrorMapping.Map(statusCode, errorNum), innerException)
    {
    }

    internal C8ApiException(int statusCode, int? errorNum, string serverMessage, string method, string path, C8ErrorClass errorClass, Exception? innerException)
        : base(errorClass.Summary + ": " + serverMessage, innerException)
    {
        StatusCode = statusCode;
        ErrorNum = errorNum;
        ServerMessage = serverMessage;
        Method = method;
        Path = path;
        ErrorId = errorClass.ErrorId;
        Category = errorClass.Category;
    }

    /// <summary>HTTP status; 0 when no response was received (connection failure or timeout).</summary>
    public int StatusCode { get; }

    /// <summary>The server's errorNum, when the body had one.</summary>
    public int? ErrorNum { get; }

    /// <summary>The server's errorMessage (redacted), or a description of the transport failure.</summary>
    public string ServerMessage { get; }

    /// <summary>HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>Request path without host and query string.</summary>
    public string Path { get; }

    /// <summary>Stable error id such as <c>C8.DocumentNotFound</c>.</summary>
    public string ErrorId { get; }

    /// <summary>PowerShell ErrorCategory name such as <c>ObjectNotFound</c>.</summary>
    public string Category { get; }

    /// <summary>The current <c>_rev</c> the server reported with a 412 precondition failure.</summary>
    public string? CurrentRevision { get; internal set; }

    /// <summary>The region that answered (from <c>x-gdn-region</c>), when known.</summary>
    public string? Region { get; internal set; }

    /// <summary>The request and what the server answered: method, path, HTTP status and errorNum.</summary>
    public string Details
    {
        get
        {
            var what = Method + " " + Path;
            if (StatusCode == 0)
            {
                return what + ": no answer";
            }

            var num = ErrorNum is null ? string.Empty : ", errorNum " + ErrorNum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return what + ": HTTP " + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + num;
        }
    }
}
