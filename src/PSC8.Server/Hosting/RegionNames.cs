namespace PSC8.Server.Hosting;

/// <summary>Region names are DNS labels, because they become hosts (NAME.domain, api-NAME.domain).</summary>
internal static partial class RegionNames
{
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();

    public static void Validate(string name)
    {
        if (!Label().IsMatch(name))
        {
            throw new ArgumentException($"Region name '{name}' must be a lower-case DNS label (letters, digits, '-').");
        }
    }
}
