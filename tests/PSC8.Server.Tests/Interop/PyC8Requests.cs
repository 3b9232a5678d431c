namespace PSC8.Server.Tests.Interop;

/// <summary>What pyC8 puts on every request it sends, for the tests that replay its calls.</summary>
public static class PyC8Requests
{
    /// <summary>pyC8's session adds a "charset: utf-8" header to each call.</summary>
    public static void Headers(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("charset", "utf-8");
}
