using PSC8.Client.Errors;

namespace PSC8.Client.Tests;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(404, 1202, "C8.DocumentNotFound", "ObjectNotFound")]
    [InlineData(404, 1203, "C8.CollectionNotFound", "ObjectNotFound")]
    [InlineData(404, 1228, "C8.FabricNotFound", "ObjectNotFound")]
    [InlineData(404, 1600, "C8.CursorNotFound", "ObjectNotFound")]
    [InlineData(404, 100015, "C8.ApiKeyNotFound", "ObjectNotFound")]
    [InlineData(404, 102024, "C8.RegionNotFound", "ObjectNotFound")]
    [InlineData(409, 1207, "C8.DuplicateName", "ResourceExists")]
    [InlineData(409, 1210, "C8.DuplicateKey", "ResourceExists")]
    [InlineData(0, 1210, "C8.DuplicateKey", "ResourceExists")]
    [InlineData(412, 1200, "C8.PreconditionFailed", "InvalidOperation")]
    [InlineData(400, 1501, "C8.QuerySyntaxError", "InvalidArgument")]
    [InlineData(400, 1502, "C8.QueryEmpty", "InvalidArgument")]
    [InlineData(400, 1552, "C8.BindParameterUndeclared", "InvalidArgument")]
    [InlineData(400, 1562, "C8.QueryError", "InvalidArgument")]
    [InlineData(400, 10, "C8.BadParameter", "InvalidArgument")]
    [InlineData(400, 404, "C8.QueryWorkerNotFound", "ObjectNotFound")]
    [InlineData(401, 11, "C8.AuthenticationFailed", "SecurityError")]
    [InlineData(401, 401, "C8.AuthenticationFailed", "SecurityError")]
    [InlineData(403, 11, "C8.AccessDenied", "PermissionDenied")]
    [InlineData(403, 1230, "C8.SystemFabricOnly", "InvalidOperation")]
    [InlineData(400, 100020, "C8.InvalidApiKeyId", "InvalidArgument")]
    public void Error_numbers_win(int status, int errorNum, string id, string category)
    {
        var mapped = C8ErrorMapping.Map(status, errorNum);
        Assert.Equal(id, mapped.ErrorId);
        Assert.Equal(category, mapped.Category);
    }

    [Theory]
    [InlineData(400, "C8.BadRequest", "InvalidArgument")]
    [InlineData(401, "C8.AuthenticationFailed", "SecurityError")]
    [InlineData(403, "C8.AccessDenied", "PermissionDenied")]
    [InlineData(404, "C8.NotFound", "ObjectNotFound")]
    [InlineData(409, "C8.Conflict", "ResourceExists")]
    [InlineData(412, "C8.PreconditionFailed", "InvalidOperation")]
    [InlineData(429, "C8.RateLimited", "ResourceUnavailable")]
    [InlineData(500, "C8.ServerError", "ResourceUnavailable")]
    [InlineData(502, "C8.ServerError", "ResourceUnavailable")]
    [InlineData(503, "C8.ServiceUnavailable", "ResourceUnavailable")]
    [InlineData(501, "C8.NotImplemented", "NotImplemented")]
    [InlineData(0, "C8.ConnectionFailed", "ConnectionError")]
    public void Status_decides_without_a_known_error_number(int status, string id, string category)
    {
        foreach (var num in new int?[] { null, 987654 })
        {
            var mapped = C8ErrorMapping.Map(status, num);
            Assert.Equal(id, mapped.ErrorId);
            Assert.Equal(category, mapped.Category);
        }
    }

    [Theory]
    [InlineData(1210, 409, "C8.DuplicateKey", "ResourceExists")]
    [InlineData(1202, 404, "C8.DocumentNotFound", "ObjectNotFound")]
    [InlineData(1200, 412, "C8.PreconditionFailed", "InvalidOperation")]
    [InlineData(1221, 400, "C8.IllegalDocumentKey", "InvalidArgument")]
    [InlineData(987654, 400, "C8.BadRequest", "InvalidArgument")]
    public void Batch_item_errors_are_never_connection_failures(int errorNum, int status, string id, string category)
    {
        // Batch items have no "code" of their own (the client passes 0): the server did answer.
        var item = new C8ItemError(errorNum, "failed", 0);
        Assert.Equal(status, item.StatusCode);
        Assert.Equal(id, item.ErrorId);
        Assert.Equal(category, item.Category);
        var exception = item.ToException("POST", "/_fabric/f/_api/document/c");
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(category, exception.Category);
    }

    [Fact]
    public void Exception_carries_the_mapping_and_a_useful_message()
    {
        var ex = new C8ApiException(404, 1202, "document not found", "GET", "/_fabric/f/_api/document/c/k");
        Assert.Equal("C8.DocumentNotFound", ex.ErrorId);
        Assert.Equal("ObjectNotFound", ex.Category);
        // A plain sentence first, the server's reason after it; the request and numbers in the details.
        Assert.Equal("The document does not exist: document not found", ex.Message);
        Assert.Equal("GET /_fabric/f/_api/document/c/k: HTTP 404, errorNum 1202", ex.Details);
    }
}
