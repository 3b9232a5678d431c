namespace PSC8.Commands;

/// <summary>
/// The parameters of a change aimed at users — by id or as objects from Get-C8User — shared so that Set-C8User and
/// Remove-C8User bind alike.
/// </summary>
public abstract class UserTargetCmdlet : C8ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] User { get; set; } = System.Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8User[] InputObject { get; set; } = System.Array.Empty<C8User>();

    /// <summary>The users this pipeline object names (users belong to no fabric).</summary>
    internal IEnumerable<ChangeTarget> Targets => ChangeTarget.Of(ParameterSetName, User, InputObject, u => (null, u.User), null);
}
