namespace PSC8;

/// <summary>
/// The access level of an API key or user on a fabric or collection, as Get-C8AccessLevel and Set-C8AccessLevel
/// report it. Property names match the cmdlets' parameters, so an entry can be piped to Set-C8AccessLevel.
/// </summary>
public sealed class C8AccessLevelInfo
{
    internal C8AccessLevelInfo(C8AccessSubject subject, string fabric, string? collection, C8AccessLevel level)
    {
        var isKey = subject.Kind == "key";
        ApiKeyId = isKey ? subject.Id : null;
        User = isKey ? null : subject.Id;
        Fabric = fabric;
        Collection = collection;
        Level = ToText(level);
    }

    /// <summary>The key, when the entry is an API key's.</summary>
    public string? ApiKeyId { get; }

    /// <summary>The user, when the entry is a user's.</summary>
    public string? User { get; }

    public string Fabric { get; }

    /// <summary>The collection (<c>*</c> for the fabric's collection default), or null for the fabric itself.</summary>
    public string? Collection { get; }

    /// <summary><c>rw</c>, <c>ro</c>, <c>none</c>, or <c>default</c> when nothing is set explicitly.</summary>
    public string Level { get; }

    public override string ToString() => (ApiKeyId ?? User) + " " + Fabric + (Collection is null ? string.Empty : "/" + Collection) + "=" + Level;

    /// <summary>The wire text of a level; <c>default</c> where the client has no explicit entry.</summary>
    internal static string ToText(C8AccessLevel level) => level == C8AccessLevel.Default ? "default" : C8AccessLevels.ToWire(level);
}
