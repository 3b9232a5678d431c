namespace PSC8.Client.Models;

/// <summary>Access level of a key or user on a fabric or collection.</summary>
public enum C8AccessLevel
{
    /// <summary>No explicit entry: the default applies (collection → <c>*</c> → fabric).</summary>
    Default,

    /// <summary><c>none</c>: no access.</summary>
    None,

    /// <summary><c>ro</c>: read only.</summary>
    ReadOnly,

    /// <summary><c>rw</c>: read and write (administrate on fabrics).</summary>
    ReadWrite,
}

/// <summary>Conversions between <see cref="C8AccessLevel"/> and the wire strings.</summary>
public static class C8AccessLevels
{
    /// <summary><c>rw</c>, <c>ro</c> or <c>none</c>.</summary>
    public static string ToWire(C8AccessLevel level) => level switch
    {
        C8AccessLevel.ReadWrite => "rw",
        C8AccessLevel.ReadOnly => "ro",
        C8AccessLevel.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(level), "Default cannot be granted; clear the entry instead."),
    };

    /// <summary>Parses a wire string (also accepts the enum names); unknown or empty text is <see cref="C8AccessLevel.Default"/>.</summary>
    public static C8AccessLevel Parse(string? text)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "rw":
            case "readwrite":
            case "administrate":
                return C8AccessLevel.ReadWrite;
            case "ro":
            case "readonly":
            case "access":
                return C8AccessLevel.ReadOnly;
            case "none":
            case "noaccess":
                return C8AccessLevel.None;
            default:
                return C8AccessLevel.Default;
        }
    }
}

/// <summary>Whose access is read or changed: an API key or a user.</summary>
public sealed class C8AccessSubject
{
    private C8AccessSubject(string kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary><c>key</c> or <c>user</c>.</summary>
    public string Kind { get; }

    /// <summary>The key id or user id.</summary>
    public string Id { get; }

    /// <summary>An API key by id.</summary>
    public static C8AccessSubject ApiKey(string keyId) => new C8AccessSubject("key", Check(keyId, nameof(keyId)));

    /// <summary>A user by id (e.g. <c>root</c>).</summary>
    public static C8AccessSubject User(string userId) => new C8AccessSubject("user", Check(userId, nameof(userId)));

    /// <inheritdoc />
    public override string ToString() => Kind + " " + Id;

    internal string BasePath => "/_api/" + Kind + "/" + Http.C8Paths.Seg(Id);

    private static string Check(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("An id is required.", name);
        }

        return value;
    }
}

/// <summary>One entry of an access listing.</summary>
/// <param name="name">Fabric or collection name (<c>*</c> for the default entry).</param>
/// <param name="level">The level.</param>
public sealed class C8AccessEntry(string name, C8AccessLevel level)
{
    /// <summary>Fabric or collection name (<c>*</c> for the default entry).</summary>
    public string Name { get; } = name;

    /// <summary>The level.</summary>
    public C8AccessLevel Level { get; } = level;

    /// <inheritdoc />
    public override string ToString() => Name + "=" + Level;
}
