namespace PSC8.Commands;

/// <summary>
/// Whose level on what a change is about — an API key or a user, on a fabric or one of its collections — shared so
/// that Set-C8AccessLevel and Remove-C8AccessLevel bind alike.
/// </summary>
public abstract class AccessChangeCmdlet : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessSets.ApiKey, ValueFromPipelineByPropertyName = true)]
    [Alias("KeyId")]
    [ArgumentCompleter(typeof(ApiKeyIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ApiKeyId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessSets.User)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Fabric { get; set; } = string.Empty;

    /// <summary>A collection of -Fabric, or * for the default of its collections; the fabric itself when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    public string? Collection { get; set; }

    /// <summary>The key or user named.</summary>
    internal C8AccessSubject Subject => AccessLevels.Subject(ApiKeyId, User);

    /// <summary>A ShouldProcess target: whose level, on what, where.</summary>
    internal string Described(C8Session session) => Where(Subject + " for " + AccessLevels.Scope(Fabric, Collection), session);
}
