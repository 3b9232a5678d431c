using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using PSC8.Client.Auth;
using PSC8.Client.Automation;
using PSC8.Client.Json;

namespace PSC8.Client.Http;

/// <summary>
/// Sends <see cref="C8Request"/>s over one HttpClient: authorization, per-attempt timeout, retries of
/// idempotent requests (429/503/connection failures, honouring Retry-After), one re-login after a 401 for
/// password logins, redacted logging, and conversion of error envelopes into <see cref="C8ApiException"/>.
/// </summary>
internal sealed class C8Transport : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _base;
    private readonly C8RetryPolicy _retry;
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _log;
    private readonly Func<DateTimeOffset> _clock;
    private long _requests;

    public C8Transport(Uri baseUrl, C8ConnectionOptions options, HttpMessageHandler? handler = null)
    {
        _base = baseUrl.AbsoluteUri.TrimEnd('/');
        _retry = (options.Retry ?? new C8RetryPolicy()).Clone();
        _timeout = options.Timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(120) : options.Timeout;
        _log = options.Log;
        _clock = options.Clock;
        Authenticator = new C8Authenticator(options.Credential, options.Clock, options.TokenRenewalMargin, Log);
        handler ??= new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
    }

    public C8Authenticator Authenticator { get; }

    /// <summary>The <c>x-gdn-region</c> of the latest response that had one.</summary>
    public string? LastRegion { get; private set; }

    /// <summary>HTTP attempts sent so far (diagnostics).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public string BaseUrl => _base;

    public string Redact(string? text) => C8Redaction.Redact(text, Authenticator.Secrets);

    public void Log(string line)
    {
        if (_log is null)
        {
            return;
        }

        try
        {
            _log(Redact(line));
        }
        catch (Exception)
        {
            // A failing log sink must not fail the request it describes.
        }
    }

    public async Task<C8Response> SendAsync(C8Request request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var retries = 0;
        string? rejected = null;
        var reauthenticated = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? authorization = null;
            if (!request.Anonymous)
            {
                authorization = await Authenticator.GetHeaderAsync(SendAsync, rejected, cancellationToken).ConfigureAwait(false);
                rejected = null;
            }

            string? failure = null;
            RetryConditionHeaderValue? retryAfter = null;
            var watch = Stopwatch.StartNew();
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var message = BuildMessage(request, authorization))
            {
                if (message.Content is JsonBodyContent json)
                {
                    await json.BufferAsync().ConfigureAwait(false);
                }

                attempt.CancelAfter(_timeout);
                Interlocked.Increment(ref _requests);
                HttpResponseMessage? response = null;
                try
                {
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = "no response within " + _timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
                    if (!CanRetryUnanswered(request, retries))
                    {
                        throw new C8ApiException(0, null, failure + Unknown(request), method, request.Path, C8ErrorMapping.Timeout, null);
                    }
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = "connection failed: " + Redact(Describe(ex));
                    var neverSent = NeverConnected(ex);
                    if (!(neverSent ? CanRetry(request, retries) : CanRetryUnanswered(request, retries)))
                    {
                        throw new C8ApiException(0, null, failure + (neverSent ? string.Empty : Unknown(request)), method, request.Path, C8ErrorMapping.ConnectionFailed, ex);
                    }
                }

                if (response is not null)
                {
                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        var region = Header(response, "x-gdn-region");
                        if (region is not null)
                        {
                            LastRegion = region;
                        }

                        if ((status == 429 || status == 503) && CanRetry(request, retries))
                        {
                            failure = "HTTP " + status.ToString(CultureInfo.InvariantCulture);
                            retryAfter = response.Headers.RetryAfter;
                            Log(method + " " + request.PathAndQuery() + " -> " + status.ToString(CultureInfo.InvariantCulture) + " in " + watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
                        }
                        else
                        {
                            byte[]? body = null;
                            try
                            {
                                body = await ReadBodyAsync(response, attempt.Token).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                            {
                                failure = "response body not received within " + _timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
                                if (!CanRetryUnanswered(request, retries))
                                {
                                    throw new C8ApiException(0, null, failure + Unknown(request), method, request.Path, C8ErrorMapping.Timeout, null);
                                }
                            }
                            catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
                            {
                                failure = "connection failed while reading the response: " + Redact(Describe(ex));
                                if (!CanRetryUnanswered(request, retries))
                                {
                                    throw new C8ApiException(0, null, failure + Unknown(request), method, request.Path, C8ErrorMapping.ConnectionFailed, ex);
                                }
                            }

                            if (body is not null)
                            {
                                Log(method + " " + request.PathAndQuery() + " -> " + status.ToString(CultureInfo.InvariantCulture) + " in " + watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
                                if (status == 401 && !request.Anonymous && Authenticator.CanRenew && !reauthenticated)
                                {
                                    // The JWT may have been revoked or the server restarted; sign in once more.
                                    reauthenticated = true;
                                    rejected = authorization;
                                    continue;
                                }

                                if (status >= 400)
                                {
                                    throw BuildError(status, response.ReasonPhrase, body, method, request.Path, region);
                                }

                                return new C8Response(
                                    status,
                                    body,
                                    response.Headers.ETag?.ToString() ?? Header(response, "ETag"),
                                    Header(response, "X-C8-Error-Codes"),
                                    region);
                            }
                        }
                    }
                }
            }

            retries++;
            var delay = _retry.GetDelay(retries, retryAfter, _clock());
            Log("Waiting " + delay.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture) + " s before retry "
                + retries.ToString(CultureInfo.InvariantCulture) + " of " + _retry.MaxRetries.ToString(CultureInfo.InvariantCulture)
                + " of " + method + " " + request.Path + " (" + failure + (retryAfter is null ? string.Empty : ", Retry-After " + retryAfter) + ").");
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        Authenticator.Dispose();
    }

    private bool CanRetry(C8Request request, int retries) => request.IsIdempotent && retries < _retry.MaxRetries;

    /// <summary>Whether to send again a request that may have reached the server and run, its answer lost.</summary>
    private bool CanRetryUnanswered(C8Request request, int retries) => request.IsRepeatable && CanRetry(request, retries);

    /// <summary>What the caller needs to know when a write's answer was lost and it is not sent again.</summary>
    private static string Unknown(C8Request request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            ? string.Empty
            : "; the request may have run on the server: check before repeating it";

    /// <summary>Whether the connection itself could not be made, so the request never reached the server.</summary>
    private static bool NeverConnected(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case System.Net.Sockets.SocketError.ConnectionRefused:
                    case System.Net.Sockets.SocketError.HostNotFound:
                    case System.Net.Sockets.SocketError.HostUnreachable:
                    case System.Net.Sockets.SocketError.NetworkUnreachable:
                    case System.Net.Sockets.SocketError.TryAgain:
                    case System.Net.Sockets.SocketError.AddressNotAvailable:
                        return true;
                }
            }
        }

        return false;
    }

    private HttpRequestMessage BuildMessage(C8Request request, string? authorization)
    {
        var message = new HttpRequestMessage(request.Method, _base + request.PathAndQuery());
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // The drivers send revisions unquoted; the server accepts both.
        if (request.IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        }

        if (request.IfNoneMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }

        if (request.Body is not null)
        {
            message.Content = request.Body();
        }

        return message;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return Array.Empty<byte>();
        }

        // Disposing the response unblocks a read that ignores the token on older runtimes.
        using (cancellationToken.Register(response.Dispose))
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var length = response.Content.Headers.ContentLength;
            try
            {
                if (length is long l && l >= 0 && l < int.MaxValue)
                {
                    using var exact = new MemoryStream((int)l);
                    await stream.CopyToAsync(exact, 81920, cancellationToken).ConfigureAwait(false);
                    return exact.Length == exact.Capacity ? exact.GetBuffer() : exact.ToArray();
                }

                return await ReadChunkedAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reads a body of unknown length into a pooled buffer and copies it once into an array of its size. A growing
    /// MemoryStream copied a large answer (a cursor page, a batch result) four or five times over, each copy a
    /// fresh large-object allocation.
    /// </summary>
    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new BodyBuffer(int.MaxValue);
        await buffer.ReadFromAsync(stream, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private C8ApiException BuildError(int status, string? reason, byte[] body, string method, string path, string? region)
    {
        var json = default(System.Text.Json.JsonElement);
        try
        {
            json = JsonRead.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var errorNum = JsonRead.Int(json, "errorNum");
        var message = JsonRead.String(json, "errorMessage") ?? JsonRead.String(json, "message");
        if (string.IsNullOrEmpty(message))
        {
            message = string.IsNullOrEmpty(reason) ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : reason;
        }

        var exception = new C8ApiException(status, errorNum, Redact(message), method, path, null, null)
        {
            Region = region,
        };
        if (status == 412)
        {
            exception.CurrentRevision = JsonRead.String(json, "_rev");
        }

        return exception;
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            return values.FirstOrDefault();
        }

        if (response.Content is not null && response.Content.Headers.TryGetValues(name, out values))
        {
            return values.FirstOrDefault();
        }

        return null;
    }

    private static string Describe(Exception ex)
    {
        var text = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!string.IsNullOrEmpty(inner.Message) && text.IndexOf(inner.Message, StringComparison.Ordinal) < 0)
            {
                text += " " + inner.Message;
            }
        }

        return text;
    }
}
