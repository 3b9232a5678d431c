namespace PSC8.Client.Errors;

/// <summary>
/// A stable error identity for a failure: an id a script can match on (<c>C8.DocumentNotFound</c>) and the
/// name of the PowerShell <c>ErrorCategory</c> it belongs to (<c>ObjectNotFound</c>).
/// </summary>
public sealed class C8ErrorClass
{
    internal C8ErrorClass(string errorId, string category)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>Stable id, always starting with <c>C8.</c>.</summary>
    public string ErrorId { get; }

    /// <summary>The name of a <c>System.Management.Automation.ErrorCategory</c> member.</summary>
    public string Category { get; }

    /// <summary>What went wrong, as a plain sentence without a full stop ("The collection does not exist").</summary>
    public string Summary => ErrorSummaries.Of(ErrorId);

    /// <inheritdoc />
    public override string ToString() => ErrorId + " (" + Category + ")";
}

/// <summary>
/// Maps an HTTP status and GDN errorNum to a <see cref="C8ErrorClass"/>. The errorNum is more specific and
/// wins; the status decides when the errorNum is unknown or absent. Status 0 means no HTTP response.
/// </summary>
public static class C8ErrorMapping
{
    /// <summary>PowerShell error category names used by the mapping.</summary>
    public static class Categories
    {
        /// <summary>Missing fabric, collection, document, key, region, cursor.</summary>
        public const string ObjectNotFound = "ObjectNotFound";

        /// <summary>Duplicate name or key.</summary>
        public const string ResourceExists = "ResourceExists";

        /// <summary>Valid credentials without the needed access level (403).</summary>
        public const string PermissionDenied = "PermissionDenied";

        /// <summary>Missing, wrong or expired credentials (401).</summary>
        public const string SecurityError = "SecurityError";

        /// <summary>The request was malformed or a value was invalid (400).</summary>
        public const string InvalidArgument = "InvalidArgument";

        /// <summary>The operation conflicts with the current state (412 revision mismatch, wrong fabric).</summary>
        public const string InvalidOperation = "InvalidOperation";

        /// <summary>Rate limited or the service is temporarily unavailable (429, 503, other 5xx).</summary>
        public const string ResourceUnavailable = "ResourceUnavailable";

        /// <summary>No HTTP response at all.</summary>
        public const string ConnectionError = "ConnectionError";

        /// <summary>The request timed out.</summary>
        public const string OperationTimeout = "OperationTimeout";

        /// <summary>A query was killed.</summary>
        public const string OperationStopped = "OperationStopped";

        /// <summary>The server does not implement the call.</summary>
        public const string NotImplemented = "NotImplemented";

        /// <summary>A request body or response was too large.</summary>
        public const string LimitsExceeded = "LimitsExceeded";

        /// <summary>Anything else.</summary>
        public const string NotSpecified = "NotSpecified";
    }

    /// <summary>Classifies a failure.</summary>
    /// <param name="statusCode">HTTP status, or 0 when no response was received.</param>
    /// <param name="errorNum">GDN errorNum from the error envelope or a batch item, if any.</param>
    public static C8ErrorClass Map(int statusCode, int? errorNum)
    {
        if (errorNum is int num)
        {
            var byNum = ByErrorNum(statusCode, num);
            if (byNum is not null)
            {
                return byNum;
            }
        }

        return ByStatus(statusCode);
    }

    /// <summary>The HTTP status a batch item's failure would have had as a single-document request.</summary>
    public static int ItemStatus(int? errorNum) => errorNum switch
    {
        1202 or 1203 or 1228 => 404,
        1210 => 409,
        1200 => 412,
        _ => 400,
    };

    /// <summary>The class of a request that got no response (connection refused, reset, DNS failure).</summary>
    public static C8ErrorClass ConnectionFailed { get; } = new C8ErrorClass("C8.ConnectionFailed", Categories.ConnectionError);

    /// <summary>The class of a RestQL query worker that does not exist.</summary>
    public static C8ErrorClass QueryWorkerNotFound { get; } = new C8ErrorClass("C8.QueryWorkerNotFound", Categories.ObjectNotFound);

    /// <summary>The class of a URL that answers, but not as a GDN (C8) endpoint does.</summary>
    public static C8ErrorClass NotC8Server { get; } = new C8ErrorClass("C8.NotC8Server", Categories.InvalidArgument);

    /// <summary>The class of a request refused before it was sent because the server's TLS certificate was not trusted.</summary>
    public static C8ErrorClass CertificateNotTrusted { get; } = new C8ErrorClass("C8.CertificateNotTrusted", Categories.SecurityError);

    /// <summary>The class of a request that timed out.</summary>
    public static C8ErrorClass Timeout { get; } = new C8ErrorClass("C8.Timeout", Categories.OperationTimeout);

    private static C8ErrorClass? ByErrorNum(int status, int num)
    {
        switch (num)
        {
            case 1202: return Make("C8.DocumentNotFound", Categories.ObjectNotFound);
            case 1203: return Make("C8.CollectionNotFound", Categories.ObjectNotFound);
            case 1228: return Make("C8.FabricNotFound", Categories.ObjectNotFound);
            case 1212: return Make("C8.IndexNotFound", Categories.ObjectNotFound);
            case 1600: return Make("C8.CursorNotFound", Categories.ObjectNotFound);
            case 1591: return Make("C8.QueryNotFound", Categories.ObjectNotFound);
            case 1703: return Make("C8.UserNotFound", Categories.ObjectNotFound);
            case 1924: return Make("C8.GraphNotFound", Categories.ObjectNotFound);
            case 100015: return Make("C8.ApiKeyNotFound", Categories.ObjectNotFound);
            case 100016: return Make("C8.StreamNotFound", Categories.ObjectNotFound);
            case 101000: return Make("C8.KVCollectionNotFound", Categories.ObjectNotFound);
            case 102024: return Make("C8.RegionNotFound", Categories.ObjectNotFound);
            case 1207: return Make("C8.DuplicateName", Categories.ResourceExists);
            case 1210: return Make("C8.DuplicateKey", Categories.ResourceExists);
            case 1925: return Make("C8.GraphExists", Categories.ResourceExists);
            case 100012: return Make("C8.DuplicateEmail", Categories.ResourceExists);
            case 1200 when status == 0 || status == 412: return Make("C8.PreconditionFailed", Categories.InvalidOperation);
            case 1200: return Make("C8.Conflict", Categories.InvalidOperation);
            case 1230: return Make("C8.SystemFabricOnly", Categories.InvalidOperation);
            case 1208: return Make("C8.IllegalCollectionName", Categories.InvalidArgument);
            case 1229: return Make("C8.IllegalFabricName", Categories.InvalidArgument);
            case 1221: return Make("C8.IllegalDocumentKey", Categories.InvalidArgument);
            case 1227: return Make("C8.InvalidDocumentType", Categories.InvalidArgument);
            case 1233: return Make("C8.InvalidEdgeAttribute", Categories.InvalidArgument);
            case 600: return Make("C8.InvalidJson", Categories.InvalidArgument);
            case 100020: return Make("C8.InvalidApiKeyId", Categories.InvalidArgument);
            case 1501: return Make("C8.QuerySyntaxError", Categories.InvalidArgument);
            case 1502: return Make("C8.QueryEmpty", Categories.InvalidArgument);
            case 1500: return Make("C8.QueryKilled", Categories.OperationStopped);
            case 1505: return Make("C8.InvalidGeoCoordinate", Categories.InvalidArgument);
            case 1551: return Make("C8.BindParameterMissing", Categories.InvalidArgument);
            case 1552: return Make("C8.BindParameterUndeclared", Categories.InvalidArgument);
            case 1553: return Make("C8.BindParameterType", Categories.InvalidArgument);
            case 1571: return Make("C8.FulltextIndexMissing", Categories.ObjectNotFound);
            case 10 when status == 0 || status == 400: return Make("C8.BadParameter", Categories.InvalidArgument);
            case 11 when status == 403: return Make("C8.AccessDenied", Categories.PermissionDenied);
            case 11: return Make("C8.AuthenticationFailed", Categories.SecurityError);
            // Some GDN handlers reuse an HTTP status as errorNum; RestQL answers "query not found" as 400/404.
            case 404 when status == 400: return QueryWorkerNotFound;
            case 401: return Make("C8.AuthenticationFailed", Categories.SecurityError);
            case 403: return Make("C8.AccessDenied", Categories.PermissionDenied);
        }

        if (num >= 1540 && num <= 1599)
        {
            return Make("C8.QueryError", Categories.InvalidArgument);
        }

        if (num >= 1920 && num <= 1938)
        {
            return Make("C8.GraphError", Categories.InvalidArgument);
        }

        return null;
    }

    private static C8ErrorClass ByStatus(int status)
    {
        switch (status)
        {
            case 0: return ConnectionFailed;
            case 400: return Make("C8.BadRequest", Categories.InvalidArgument);
            case 401: return Make("C8.AuthenticationFailed", Categories.SecurityError);
            case 403: return Make("C8.AccessDenied", Categories.PermissionDenied);
            case 404: return Make("C8.NotFound", Categories.ObjectNotFound);
            case 405: return Make("C8.MethodNotAllowed", Categories.InvalidOperation);
            case 408: return Timeout;
            case 409: return Make("C8.Conflict", Categories.ResourceExists);
            case 410: return Make("C8.QueryKilled", Categories.OperationStopped);
            case 412: return Make("C8.PreconditionFailed", Categories.InvalidOperation);
            case 413: return Make("C8.RequestTooLarge", Categories.LimitsExceeded);
            case 429: return Make("C8.RateLimited", Categories.ResourceUnavailable);
            case 501: return Make("C8.NotImplemented", Categories.NotImplemented);
            case 503: return Make("C8.ServiceUnavailable", Categories.ResourceUnavailable);
            case 504: return Timeout;
        }

        if (status >= 500)
        {
            return Make("C8.ServerError", Categories.ResourceUnavailable);
        }

        if (status >= 400)
        {
            return Make("C8.RequestFailed", Categories.InvalidArgument);
        }

        return Make("C8.UnexpectedResponse", Categories.NotSpecified);
    }

    private static C8ErrorClass Make(string id, string category) => new C8ErrorClass(id, category);
}
