using System.Collections.Generic;

namespace PSC8.Client.Models;

/// <summary>What <c>GET /_api/version</c> says about the server.</summary>
public sealed class C8ServerVersion
{
    /// <summary>The server's name ("C8DB").</summary>
    public string Server { get; private set; } = string.Empty;

    /// <summary>Its version.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>Its license.</summary>
    public string? License { get; private set; }

    /// <summary>The details, when asked for (<c>details=true</c>); null otherwise.</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Server + " " + Version;

    internal static C8ServerVersion FromJson(JsonElement e) => new C8ServerVersion
    {
        Server = JsonRead.String(e, "server") ?? string.Empty,
        Version = JsonRead.String(e, "version") ?? string.Empty,
        License = JsonRead.String(e, "license"),
        Details = JsonRead.Object(e, "details") is JsonElement details ? (IReadOnlyDictionary<string, object?>?)JsonPlainValues.From(details) : null,
    };
}
