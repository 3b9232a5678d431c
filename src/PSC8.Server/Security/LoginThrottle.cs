using System.Net;

namespace PSC8.Server.Security;

/// <summary>
/// Counts failed password checks per user (or per unknown name) and per client address over a sliding window. Once
/// either count reaches its limit, further attempts are refused until the oldest failure counted leaves the window.
/// Only failures count, so a script that signs in correctly however often is never slowed. A success clears the
/// user's count but not the address's: otherwise one valid account would let an address keep guessing another's password.
/// </summary>
internal sealed class LoginThrottle(int failuresPerUser, int failuresPerAddress, TimeSpan window, TimeProvider time)
{
    /// <summary>Every this many new entries, entries whose failures have all left the window are dropped, bounding memory.</summary>
    private const int PruneEvery = 1024;

    private readonly object _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private int _addedSincePrune;

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string user, IPAddress? address)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var byUser = Wait(UserKey(user), failuresPerUser, now);
            var byAddress = address is null ? null : Wait(AddressKey(address), failuresPerAddress, now);
            return byUser is null || byAddress > byUser ? byAddress : byUser;
        }
    }

    public void Failed(string user, IPAddress? address)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Record(UserKey(user), failuresPerUser, now);
            if (address is not null)
            {
                Record(AddressKey(address), failuresPerAddress, now);
            }
        }
    }

    public void Succeeded(string user)
    {
        lock (_lock)
        {
            _failures.Remove(UserKey(user));
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }
        DropExpired(failures, now);
        return failures.Count >= limit ? failures.Peek() + window - now : null;
    }

    private void Record(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            if (++_addedSincePrune >= PruneEvery)
            {
                Prune(now);
            }
            failures = new Queue<DateTimeOffset>();
            _failures[key] = failures;
        }
        failures.Enqueue(now);
        // The oldest of the last `limit` failures decides, so older ones need not be kept.
        while (failures.Count > limit)
        {
            failures.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        _addedSincePrune = 0;
        foreach (var (key, failures) in _failures.ToList())
        {
            DropExpired(failures, now);
            if (failures.Count == 0)
            {
                _failures.Remove(key);
            }
        }
    }

    private void DropExpired(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + window <= now)
        {
            failures.Dequeue();
        }
    }

    private static string UserKey(string user) => "user\n" + user.ToLowerInvariant();

    private static string AddressKey(IPAddress address) =>
        "address\n" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
