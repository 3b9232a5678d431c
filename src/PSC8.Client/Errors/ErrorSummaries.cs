namespace PSC8.Client.Errors;

/// <summary>
/// The plain sentence an error message starts with, per error id: what went wrong in a user's words, before the
/// server's own (often terse) reason.
/// </summary>
internal static class ErrorSummaries
{
    private static readonly Dictionary<string, string> ById = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["C8.AccessDenied"] = "Access is denied",
        ["C8.ApiKeyNotFound"] = "The API key does not exist",
        ["C8.AuthenticationFailed"] = "The credentials were refused",
        ["C8.BadParameter"] = "A parameter is not valid",
        ["C8.BadRequest"] = "The request is not valid",
        ["C8.BindParameterMissing"] = "A bind parameter has no value",
        ["C8.BindParameterType"] = "A bind parameter has the wrong type",
        ["C8.BindParameterUndeclared"] = "A bind parameter is not used by the query",
        ["C8.CertificateNotTrusted"] = "The server's certificate is not trusted",
        ["C8.CollectionNotFound"] = "The collection does not exist",
        ["C8.Conflict"] = "The change conflicts with what is stored",
        ["C8.ConnectionFailed"] = "The server could not be reached",
        ["C8.CursorNotFound"] = "The cursor does not exist (it was read to the end or expired)",
        ["C8.DocumentNotFound"] = "The document does not exist",
        ["C8.DuplicateEmail"] = "The email address is taken",
        ["C8.DuplicateKey"] = "A document with that key exists already",
        ["C8.DuplicateName"] = "The name is taken",
        ["C8.FabricNotFound"] = "The fabric does not exist",
        ["C8.FulltextIndexMissing"] = "The query needs a fulltext index",
        ["C8.GraphError"] = "The graph operation failed",
        ["C8.GraphExists"] = "The graph exists already",
        ["C8.GraphNotFound"] = "The graph does not exist",
        ["C8.IllegalCollectionName"] = "The collection name is not allowed",
        ["C8.IllegalDocumentKey"] = "The document key is not allowed",
        ["C8.IllegalFabricName"] = "The fabric name is not allowed",
        ["C8.IndexNotFound"] = "The index does not exist",
        ["C8.InvalidApiKeyId"] = "The API key id is not allowed",
        ["C8.InvalidDocumentType"] = "The document is not a JSON object",
        ["C8.InvalidEdgeAttribute"] = "The edge's _from or _to is not valid",
        ["C8.InvalidGeoCoordinate"] = "A geo coordinate is not valid",
        ["C8.InvalidJson"] = "The request is not valid JSON",
        ["C8.KVCollectionNotFound"] = "The key-value collection does not exist",
        ["C8.MethodNotAllowed"] = "The server does not allow that here",
        ["C8.NotC8Server"] = "The URL is not a GDN endpoint",
        ["C8.NotFound"] = "Nothing was found there",
        ["C8.NotImplemented"] = "The server does not support that",
        ["C8.PreconditionFailed"] = "The document changed since it was read (its revision differs)",
        ["C8.QueryEmpty"] = "The query is empty",
        ["C8.QueryError"] = "The query failed",
        ["C8.QueryKilled"] = "The query was stopped",
        ["C8.QueryNotFound"] = "The query is not running",
        ["C8.QuerySyntaxError"] = "The query has a syntax error",
        ["C8.QueryWorkerNotFound"] = "The RestQL query worker does not exist",
        ["C8.RateLimited"] = "The server is limiting requests",
        ["C8.RegionNotFound"] = "The region does not exist",
        ["C8.RequestFailed"] = "The request failed",
        ["C8.RequestTooLarge"] = "The request is too large",
        ["C8.ServerError"] = "The server failed",
        ["C8.ServiceUnavailable"] = "The service is unavailable",
        ["C8.StreamNotFound"] = "The stream does not exist",
        ["C8.SystemFabricOnly"] = "That can only be done in the _system fabric",
        ["C8.Timeout"] = "The request timed out",
        ["C8.UnexpectedResponse"] = "The server answered unexpectedly",
        ["C8.UserNotFound"] = "The user does not exist",
    };

    public static string Of(string errorId) => ById.TryGetValue(errorId, out var summary) ? summary : "The request failed";
}
