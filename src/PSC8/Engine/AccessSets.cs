namespace PSC8.Engine;

/// <summary>The parameter sets of the access-level cmdlets: whose level it is.</summary>
internal static class AccessSets
{
    public const string ApiKey = "ApiKey";
    public const string User = "User";
}
