namespace PSC8.Client.Auth;

/// <summary>
/// Produces the Authorization header value. For a password login it holds the JWT and renews it when it is
/// within the renewal margin of its <c>exp</c>, or when the server rejected it (revoked, server restarted).
/// </summary>
internal sealed class C8Authenticator : IDisposable
{
    private C8Credential _credential;
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeSpan _margin;
    private readonly Action<string> _log;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private string? _jwt;
    private JwtToken? _token;

    public C8Authenticator(C8Credential credential, Func<DateTimeOffset> clock, TimeSpan margin, Action<string> log)
    {
        _credential = credential;
        _clock = clock;
        _margin = margin;
        _log = log;
        if (credential.Kind == C8AuthenticationKind.Token)
        {
            _jwt = credential.Secret;
            _token = JwtToken.TryRead(_jwt);
        }
    }

    public C8AuthenticationKind Kind => _credential.Kind;

    /// <summary>
    /// The signed-in user changed their own password or email: later sign-ins (the server revokes the session's token
    /// with the old password) use the new ones, so the connection keeps working.
    /// </summary>
    public void SignInChanged(string? email, string? password)
    {
        if (CanRenew)
        {
            _credential = _credential.WithChanges(email, password);
        }
    }

    /// <summary>Claims of the JWT in use (token and password logins).</summary>
    public JwtToken? Token => _token;

    /// <summary>Tenant reported by the login response.</summary>
    public string? LoginTenant { get; private set; }

    /// <summary>User name reported by the login response.</summary>
    public string? LoginUser { get; private set; }

    /// <summary>How many times a password login has been performed.</summary>
    public int Logins { get; private set; }

    /// <summary>The secrets this authenticator knows, for redaction.</summary>
    public string?[] Secrets => new[] { _credential.Secret, _jwt };

    public bool CanRenew => _credential.Kind == C8AuthenticationKind.Password;

    public async Task<string> GetHeaderAsync(Func<C8Request, CancellationToken, Task<C8Response>> send, string? rejected, CancellationToken cancellationToken)
    {
        switch (_credential.Kind)
        {
            case C8AuthenticationKind.ApiKey:
                return "apikey " + _credential.Secret;
            case C8AuthenticationKind.Token:
                return "bearer " + _credential.Secret;
        }

        var current = _jwt;
        if (current is not null && rejected is null && !NeedsRenewal())
        {
            return "bearer " + current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed while this one waited.
            var stillRejected = rejected is not null && _jwt is not null && rejected == "bearer " + _jwt;
            if (_jwt is null || stillRejected || NeedsRenewal())
            {
                await LoginAsync(send, cancellationToken).ConfigureAwait(false);
            }

            return "bearer " + _jwt;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool NeedsRenewal() => _token is not null && _token.ExpiresWithin(_margin, _clock());

    private async Task LoginAsync(Func<C8Request, CancellationToken, Task<C8Response>> send, CancellationToken cancellationToken)
    {
        var reason = _jwt is null ? "Signing in" : "Renewing the access token";
        _log(reason + " at /_open/auth as " + (_credential.Email ?? (_credential.Tenant + "/" + _credential.Username)) + ".");
        var request = new C8Request(HttpMethod.Post, "/_open/auth") { Anonymous = true, Idempotent = true, RetriesWhenRateLimited = false };
        request.Json(w =>
        {
            w.WriteStartObject();
            if (_credential.Email is not null)
            {
                w.WriteString("email", _credential.Email);
            }
            else
            {
                w.WriteString("tenant", _credential.Tenant);
                w.WriteString("username", _credential.Username);
            }

            w.WriteString("password", _credential.Secret);
            w.WriteEndObject();
        });

        var response = await send(request, cancellationToken).ConfigureAwait(false);
        var body = response.Json;
        var jwt = JsonRead.String(body, "jwt");
        if (string.IsNullOrEmpty(jwt))
        {
            throw new C8ApiException(response.Status, null, "the sign-in answer carried no token; this is not a GDN (C8) endpoint", "POST", "/_open/auth", C8ErrorMapping.NotC8Server, null);
        }

        _jwt = jwt;
        _token = JwtToken.TryRead(jwt);
        LoginTenant = JsonRead.String(body, "tenant") ?? _token?.Tenant;
        LoginUser = JsonRead.String(body, "username") ?? _token?.Username;
        Logins++;
    }
}
