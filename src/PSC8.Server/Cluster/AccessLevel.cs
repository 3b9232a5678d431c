namespace PSC8.Server.Cluster;

/// <summary>GDN's access levels, ordered so that a higher value grants more.</summary>
internal enum AccessLevel
{
    None = 0,
    ReadOnly = 1,
    ReadWrite = 2,
}

internal static class AccessLevels
{
    public static string ToWire(this AccessLevel level) => level switch
    {
        AccessLevel.ReadWrite => "rw",
        AccessLevel.ReadOnly => "ro",
        _ => "none",
    };

    public static bool TryParse(string? text, out AccessLevel level)
    {
        level = text switch
        {
            "rw" => AccessLevel.ReadWrite,
            "ro" => AccessLevel.ReadOnly,
            "none" => AccessLevel.None,
            _ => (AccessLevel)(-1),
        };
        return (int)level >= 0;
    }
}
