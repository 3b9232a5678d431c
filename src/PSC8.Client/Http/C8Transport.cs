using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using PSC8.Client.Auth;

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
    private const int TracedBodyChars = 2000;

    private readonly Action<string>? _log;
    private readonly Func<bool>? _logEnabled;
    private readonly Action<string>? _trace;
    private readonly Func<bool>? _traceEnabled;
    private readonly Func<DateTimeOffset> _clock;
    private long _requests;

    public C8Transport(Uri baseUrl, C8ConnectionOptions options, HttpMessageHandler? handler = null)
    {
        _base = baseUrl.AbsoluteUri.TrimEnd('/');
        _retry = (options.Retry ?? new C8RetryPolicy()).Clone();
        _timeout = options.Timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(120) : options.Timeout;
        _log = options.Log;
        _logEnabled = options.LogEnabled;
        _trace = options.Trace;
        _traceEnabled = options.TraceEnabled;
        _clock = options.Clock;
        Authenticator = new C8Authenticator(options.Credential, options.Clock, options.TokenRenewalMargin, Log);
        handler ??= CreateHandler(options.SkipCertificateCheck);
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
        var retries = 0;
        string? rejected = null;
        var reauthenticated = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var authorization = request.Anonymous ? null : await Authenticator.GetHeaderAsync(SendAsync, rejected, cancellationToken).ConfigureAwait(false);
            rejected = null;
            var attempt = await AttemptAsync(request, authorization, cancellationToken).ConfigureAwait(false);
            if (attempt.Response is C8Response response)
            {
                if (response.Status == 401 && !request.Anonymous && Authenticator.CanRenew && !reauthenticated)
                {
                    // The JWT may have been revoked or the server restarted; sign in once more.
                    reauthenticated = true;
                    rejected = authorization;
                    continue;
                }

                var busy = response.Status == 503 || (response.Status == 429 && request.RetriesWhenRateLimited);
                if (!busy || !MayRetry(request, Failure.Busy, retries))
                {
                    return response.Status >= 400 ? throw BuildError(request, response) : response;
                }
            }
            else if (!MayRetry(request, attempt.Failure, retries))
            {
                throw FailureError(request, attempt);
            }

            retries++;
            await WaitAsync(request, attempt, retries, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the request once: the answer, whatever its status, or why there is none (never sent, untrusted, timed out,
    /// lost).
    /// </summary>
    private async Task<Attempt> AttemptAsync(C8Request request, string? authorization, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var watch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var message = BuildMessage(request, authorization);
        if (message.Content is JsonBodyContent json)
        {
            await json.BufferAsync().ConfigureAwait(false);
        }

        var tracing = Tracing;
        if (tracing)
        {
            TraceRequest(message);
        }

        deadline.CancelAfter(_timeout);
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt.Failed(Failure.TimedOut, "no response within " + Seconds(_timeout) + " s", null);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = Untrusted(ex) ? Failure.Untrusted : NeverConnected(ex) ? Failure.NeverConnected : Failure.Lost;
            return Attempt.Failed(kind, "connection failed: " + Redact(Describe(ex)), ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var region = Header(response, "x-gdn-region");
            if (region is not null)
            {
                LastRegion = region;
            }

            byte[] body;
            try
            {
                body = await ReadBodyAsync(response, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Attempt.Failed(Failure.TimedOut, "response body not received within " + Seconds(_timeout) + " s", null);
            }
            catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
            {
                return Attempt.Failed(Failure.Lost, "connection failed while reading the response: " + Redact(Describe(ex)), ex);
            }

            if (Wants(_log, _logEnabled))
            {
                Log(method + " " + request.PathAndQuery() + " -> " + Number(status) + " in " + Number(watch.ElapsedMilliseconds) + " ms");
            }

            if (tracing)
            {
                TraceAnswer(response, body);
            }

            var answer = new C8Response(status, body, response.Headers.ETag?.ToString() ?? Header(response, "ETag"), Header(response, "X-C8-Error-Codes"), region)
            {
                ReasonPhrase = response.ReasonPhrase,
            };
            return new Attempt(answer, "HTTP " + Number(status), response.Headers.RetryAfter);
        }
    }

    /// <summary>
    /// Whether another attempt can get a better result. A refused connection, a failed name lookup or an untrusted
    /// certificate will not change within seconds; a busy server (429/503) or a timeout may, for a request that is
    /// safe to repeat — and once a request may have run, only if running it twice does no harm.
    /// </summary>
    private bool MayRetry(C8Request request, Failure failure, int retries)
    {
        if (retries >= _retry.MaxRetries || !request.IsIdempotent)
        {
            return false;
        }

        return failure switch
        {
            Failure.Busy => true,
            Failure.TimedOut or Failure.Lost => request.IsRepeatable,
            _ => false,
        };
    }

    private async Task WaitAsync(C8Request request, Attempt attempt, int retry, CancellationToken cancellationToken)
    {
        var delay = _retry.GetDelay(retry, attempt.RetryAfter, _clock());
        Log("Waiting " + delay.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture) + " s before retry "
            + Number(retry) + " of " + Number(_retry.MaxRetries) + " of " + request.Method.Method + " " + request.Path
            + " (" + attempt.Reason + (attempt.RetryAfter is null ? string.Empty : ", Retry-After " + attempt.RetryAfter) + ").");
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The error for a request that got no usable answer, saying whether it may have run on the server.</summary>
    private C8ApiException FailureError(C8Request request, Attempt attempt)
    {
        var method = request.Method.Method;
        switch (attempt.Failure)
        {
            case Failure.Untrusted:
                return new C8ApiException(
                    0,
                    null,
                    "the server's TLS certificate is not trusted, so the request was not sent (" + attempt.Reason + "). Trust the certificate, or connect with -SkipCertificateCheck (SkipCertificateCheck) for a server you know.",
                    method,
                    request.Path,
                    C8ErrorMapping.CertificateNotTrusted,
                    attempt.Cause);
            case Failure.NeverConnected:
                return new C8ApiException(0, null, attempt.Reason + "; the request was not sent", method, request.Path, C8ErrorMapping.ConnectionFailed, attempt.Cause);
            case Failure.TimedOut:
                return new C8ApiException(0, null, attempt.Reason + Unknown(request), method, request.Path, C8ErrorMapping.Timeout, null);
            default:
                return new C8ApiException(0, null, attempt.Reason + Unknown(request), method, request.Path, C8ErrorMapping.ConnectionFailed, attempt.Cause);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        Authenticator.Dispose();
    }

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

    private bool Tracing => Wants(_trace, _traceEnabled);

    // Whether a sink takes lines now; a failing question counts as no, as a failing sink must not fail a request.
    private static bool Wants(Action<string>? sink, Func<bool>? enabled)
    {
        try
        {
            return sink is not null && (enabled?.Invoke() ?? true);
        }
        catch (Exception)
        {
            return false;
        }
    }

    private void TraceRequest(HttpRequestMessage message)
    {
        var text = new System.Text.StringBuilder("> ").Append(message.Method).Append(' ').Append(message.RequestUri?.PathAndQuery);
        foreach (var header in message.Headers)
        {
            text.Append("\n> ").Append(header.Key).Append(": ").Append(string.Join(", ", header.Value));
        }

        if (message.Content is JsonBodyContent json && json.Buffered is ArraySegment<byte> body)
        {
            text.Append("\n> ").Append(Excerpt(body));
        }

        Trace(text.ToString());
    }

    private void TraceAnswer(HttpResponseMessage response, byte[] body)
    {
        var text = new System.Text.StringBuilder("< ").Append(Number((int)response.StatusCode)).Append(' ').Append(response.ReasonPhrase);
        foreach (var header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            text.Append("\n< ").Append(header.Key).Append(": ").Append(string.Join(", ", header.Value));
        }

        if (body.Length > 0)
        {
            text.Append("\n< ").Append(Excerpt(new ArraySegment<byte>(body)));
        }

        Trace(text.ToString());
    }

    private static string Excerpt(ArraySegment<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body.Array!, body.Offset, Math.Min(body.Count, TracedBodyChars * 4));
        return text.Length <= TracedBodyChars ? text : text.Substring(0, TracedBodyChars) + " … (" + Number(body.Count) + " bytes)";
    }

    /// <summary>A decision the client took about what to send (a fallback), for Verbose and for the trace.</summary>
    public void Note(string line)
    {
        Log(line);
        if (Tracing)
        {
            Trace("# " + line);
        }
    }

    private void Trace(string text)
    {
        try
        {
            _trace!(Redact(text));
        }
        catch (Exception)
        {
            // A failing trace sink must not fail the request it describes.
        }
    }

    private static HttpClientHandler CreateHandler(bool skipCertificateCheck)
    {
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        if (skipCertificateCheck)
        {
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        }

        return handler;
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

    private C8ApiException BuildError(C8Request request, C8Response response)
    {
        var json = default(System.Text.Json.JsonElement);
        try
        {
            json = JsonRead.Parse(response.Body);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var errorNum = JsonRead.Int(json, "errorNum");
        var message = JsonRead.String(json, "errorMessage") ?? JsonRead.String(json, "message");
        if (string.IsNullOrEmpty(message))
        {
            message = string.IsNullOrEmpty(response.ReasonPhrase) ? "HTTP " + Number(response.Status) : response.ReasonPhrase;
        }

        var exception = new C8ApiException(response.Status, errorNum, Redact(message), request.Method.Method, request.Path)
        {
            Region = response.Region,
        };
        if (response.Status == 412)
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

    /// <summary>Whether the TLS handshake failed because the server's certificate was not accepted.</summary>
    private static bool Untrusted(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Security.Authentication.AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

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

    /// <summary>Why an attempt got no usable answer.</summary>
    private enum Failure
    {
        /// <summary>An answer came (see <see cref="Attempt.Response"/>).</summary>
        None,

        /// <summary>The server answered 429 or 503: busy, the request did not run.</summary>
        Busy,

        /// <summary>No connection could be made (refused, unknown host, unreachable): the request was not sent.</summary>
        NeverConnected,

        /// <summary>The server's certificate was rejected: the request was not sent.</summary>
        Untrusted,

        /// <summary>The answer did not come in time: the request may have run.</summary>
        TimedOut,

        /// <summary>The connection broke after the request may have reached the server.</summary>
        Lost,
    }

    /// <summary>What one attempt got: a response, or why there is none.</summary>
    private sealed class Attempt
    {
        public Attempt(C8Response response, string reason, RetryConditionHeaderValue? retryAfter)
        {
            Response = response;
            Reason = reason;
            RetryAfter = retryAfter;
        }

        private Attempt(Failure failure, string reason, Exception? cause, RetryConditionHeaderValue? retryAfter)
        {
            Failure = failure;
            Reason = reason;
            Cause = cause;
            RetryAfter = retryAfter;
        }

        public C8Response? Response { get; }

        public Failure Failure { get; }

        public string Reason { get; } = string.Empty;

        public Exception? Cause { get; }

        public RetryConditionHeaderValue? RetryAfter { get; }

        public static Attempt Failed(Failure failure, string reason, Exception? cause) => new(failure, reason, cause, null);
    }
}
