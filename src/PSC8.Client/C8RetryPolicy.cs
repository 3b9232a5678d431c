using System.Net.Http.Headers;

namespace PSC8.Client;

/// <summary>
/// When and how long to wait before repeating an idempotent request that a busy server refused (429, 503) or whose
/// answer did not come (timeout, connection lost). A server's <c>Retry-After</c> wins over the backoff (capped by
/// <see cref="MaxDelay"/>). What cannot get better within seconds is never repeated: a refused connection, an unknown
/// host, an untrusted certificate. Non-idempotent requests (a POST insert) are never repeated; nor, once the request
/// may have reached the server and its answer was lost, is a delete or a write conditional on a revision (a repeat
/// would report 404 or 412 for work that was done): the error then says the request may have run.
/// </summary>
public sealed class C8RetryPolicy
{
    private static readonly Random Jitter = new Random();

    /// <summary>Retries after the first attempt; 0 disables retrying.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; each further retry doubles it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, including a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, every retry waits this long instead of backing off exponentially (what <c>-RetryIntervalSec</c> means
    /// to Invoke-RestMethod); a server's Retry-After still wins.
    /// </summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Whether backoff delays vary by ±20 % so many clients do not retry in lockstep.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>A policy that never retries.</summary>
    public static C8RetryPolicy None => new C8RetryPolicy { MaxRetries = 0 };

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based).</summary>
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="retryAfter">The response's Retry-After header, if any.</param>
    /// <param name="now">The current time, to turn an HTTP date into a delay.</param>
    public TimeSpan GetDelay(int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        TimeSpan delay;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is DateTimeOffset date)
        {
            delay = date - now;
        }
        else if (Interval is TimeSpan interval)
        {
            delay = interval;
        }
        else
        {
            var factor = Math.Pow(2, Math.Max(0, retry - 1));
            var ms = BaseDelay.TotalMilliseconds * factor;
            if (UseJitter)
            {
                double r;
                lock (Jitter)
                {
                    r = Jitter.NextDouble();
                }

                ms *= 0.8 + (0.4 * r);
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > MaxDelay ? MaxDelay : delay;
    }

    internal C8RetryPolicy Clone() => new C8RetryPolicy
    {
        MaxRetries = MaxRetries,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        UseJitter = UseJitter,
        Interval = Interval,
    };
}
