namespace PSC8.Client.Models;

/// <summary>A key-value collection as <c>GET …/kv</c> lists it.</summary>
public sealed class C8KeyValueCollection
{
    /// <summary>The fabric it belongs to.</summary>
    public string Fabric { get; internal set; } = string.Empty;

    /// <summary>The collection's name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Whether its pairs may expire (created with <c>expiration=true</c>).</summary>
    public bool Expiration { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static C8KeyValueCollection FromJson(JsonElement e, string fabric) => new C8KeyValueCollection
    {
        Fabric = fabric,
        Name = JsonRead.String(e, "name") ?? string.Empty,
        Expiration = JsonRead.Bool(e, "expiration"),
    };
}

/// <summary>A stored key-value pair.</summary>
public sealed class C8KeyValuePair
{
    /// <summary>The fabric it was read from.</summary>
    public string Fabric { get; private set; } = string.Empty;

    /// <summary>The key-value collection it was read from.</summary>
    public string Collection { get; private set; } = string.Empty;

    /// <summary>The key.</summary>
    public string Key { get; private set; } = string.Empty;

    /// <summary>The value as plain .NET values (string, number, bool, null, dictionaries and arrays).</summary>
    public object? Value { get; private set; }

    /// <summary>When the pair expires (UTC), or null when it never does.</summary>
    public DateTimeOffset? ExpireAt { get; private set; }

    /// <summary>The pair's revision, when the server reported it (single reads do).</summary>
    public string? Revision { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Key;

    internal static C8KeyValuePair FromJson(JsonElement e, string fabric, string collection) => new C8KeyValuePair
    {
        Fabric = fabric,
        Collection = collection,
        Key = JsonRead.String(e, "_key") ?? string.Empty,
        Value = JsonRead.TryGet(e, "value", out var value) ? JsonPlainValues.From(value) : null,
        ExpireAt = JsonRead.Long(e, "expireAt") is long at && at >= 0 ? DateTimeOffset.FromUnixTimeSeconds(at) : (DateTimeOffset?)null,
        Revision = JsonRead.String(e, "_rev"),
    };
}

/// <summary>A pair to store: a key (null lets the server generate one), a value, and optionally when it expires.</summary>
/// <typeparam name="TValue">The caller's type for values, written by the caller's <see cref="JsonItemWriter{T}"/>.</typeparam>
/// <param name="key">The key; null for a generated one.</param>
/// <param name="value">The value.</param>
/// <param name="expireAt">When the pair expires; null for never.</param>
public sealed class C8KeyValueEntry<TValue>(string? key, TValue value, DateTimeOffset? expireAt = null)
{
    /// <summary>The key; null for a generated one.</summary>
    public string? Key { get; } = key;

    /// <summary>The value (a value is required: GDN refuses pairs without one).</summary>
    public TValue Value { get; } = value;

    /// <summary>When the pair expires; it counts only in a collection created with expiration.</summary>
    public DateTimeOffset? ExpireAt { get; } = expireAt;
}
