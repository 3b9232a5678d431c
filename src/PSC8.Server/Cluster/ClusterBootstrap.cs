namespace PSC8.Server.Cluster;

/// <summary>What must exist before the first request: the root user, the _system fabric, settings that persist.</summary>
internal sealed class ClusterBootstrap(C8Cluster cluster)
{
    private const string JwtSecretSetting = "jwt-secret";
    private const string SpotCapableSetting = "spot-capable";

    /// <summary>Creates root on first start; an explicit password resets it. Returns the password in force (or "" when unknown).</summary>
    public string EnsureRootUser()
    {
        var options = cluster.Options;
        var existing = cluster.Catalog.FindUser(Principal.RootUserId);
        if (existing is not null)
        {
            if (options.RootPassword is not null && !Passwords.Verify(options.RootPassword, existing.PasswordHash ?? ""))
            {
                cluster.Catalog.UpdateUser(existing with { PasswordHash = Passwords.Hash(options.RootPassword), Email = options.RootEmail });
            }
            else if (existing.Email != options.RootEmail)
            {
                cluster.Catalog.UpdateUser(existing with { Email = options.RootEmail });
            }
            return options.RootPassword ?? "";
        }
        var password = options.RootPassword ?? Passwords.NewSecret(12);
        cluster.Catalog.AddUser(new UserInfo(Principal.RootUserId, options.RootEmail, Passwords.Hash(password), Active: true,
            DisplayName: "root", ExtraJson: "{}", ApiKeyParent: null, ApiKeyHash: null, AttributesJson: "{}"));
        return password;
    }

    /// <summary>The command line decides spot capability when it says something; otherwise the last runtime setting, else all.</summary>
    public void ApplySpotCapability()
    {
        var capable = cluster.Options.SpotCapable
            ?? cluster.Catalog.GetSetting(SpotCapableSetting)?.Split(',', StringSplitOptions.RemoveEmptyEntries)
            ?? cluster.Regions.Select(r => r.Name).ToArray();
        foreach (var region in cluster.Regions)
        {
            region.SpotCapable = capable.Contains(region.Name);
        }
    }

    public static void SaveSpotCapability(C8Cluster cluster) =>
        cluster.Catalog.PutSetting(SpotCapableSetting, string.Join(',', cluster.Regions.Where(r => r.SpotCapable).Select(r => r.Name)));

    /// <summary>_system spans every region, with the first spot-capable region as its spot region.</summary>
    public void EnsureSystemFabric()
    {
        var all = cluster.Regions.Select(r => r.Name).ToArray();
        var existing = cluster.Catalog.FindFabric(FabricNames.System);
        var spot = cluster.Regions.FirstOrDefault(r => r.SpotCapable)?.Name ?? "";
        if (existing is null)
        {
            cluster.Catalog.TryAddFabric(new FabricInfo(FabricNames.System, all, spot, null, IsSystem: true));
        }
        else if (!existing.Regions.SequenceEqual(all) || (existing.SpotRegion.Length > 0 && cluster.FindRegion(existing.SpotRegion) is null))
        {
            // Restarted with another region set: _system follows it.
            cluster.Catalog.UpdateFabric(existing with { Regions = all, SpotRegion = spot });
        }
    }

    public int KeyStride()
    {
        if (cluster.Catalog.GetSetting("key-stride") is { } stored)
        {
            return int.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
        }
        var stride = cluster.Regions.Count <= 10 ? 10 : 100;
        cluster.Catalog.PutSetting("key-stride", stride.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return stride;
    }

    /// <summary>Durable data keeps its signing secret so tokens survive a restart; in-memory data gets a fresh one.</summary>
    public byte[] JwtSecret()
    {
        if (cluster.Options.JwtSecret is { } given)
        {
            return System.Text.Encoding.UTF8.GetBytes(given);
        }
        if (cluster.Catalog.GetSetting(JwtSecretSetting) is { } stored)
        {
            return Convert.FromBase64String(stored);
        }
        var secret = C8Cluster.RandomSecret();
        cluster.Catalog.PutSetting(JwtSecretSetting, Convert.ToBase64String(secret));
        return secret;
    }
}
