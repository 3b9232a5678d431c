namespace PSC8.Commands;

/// <summary>Get-C8AccessLevel: what an API key or user may do on fabrics and collections.</summary>
[Cmdlet(VerbsCommon.Get, "C8AccessLevel", DefaultParameterSetName = AccessSets.ApiKey)]
[OutputType(typeof(C8AccessLevelInfo))]
public sealed class GetC8AccessLevelCommand : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessSets.ApiKey, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("KeyId")]
    [ArgumentCompleter(typeof(ApiKeyIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ApiKeyId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessSets.User)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    /// <summary>The fabric; every fabric when omitted.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Fabric { get; set; }

    /// <summary>A collection of -Fabric, or * for the default of its collections.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Collection { get; set; }

    protected override void ProcessRecord() => Attempt(ApiKeyId ?? User, () =>
    {
        var session = Session;
        var subject = AccessLevels.Subject(ApiKeyId, User);
        Emit(Await(token => AccessLevels.GetAsync(session.Client, subject, Fabric, Collection, token)), session);
    });
}
