namespace PSC8.Server.Security;

/// <summary>A sign-in refused because its user name or address failed too often lately; its answer carries Retry-After.</summary>
internal sealed class LoginThrottledException(TimeSpan retryAfter) : C8Exception(429, C8Errors.ResourceLimit,
    $"too many failed logins: try again in {RetrySeconds(retryAfter)} s")
{
    /// <summary>Whole seconds, at least one, as Retry-After carries them.</summary>
    public override int? RetryAfterSeconds { get; } = RetrySeconds(retryAfter);

    private static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
