namespace PSC8.Commands;

/// <summary>Get-C8Version: the server's name, version and license, with -Detailed also the details it lists.</summary>
[Cmdlet(VerbsCommon.Get, "C8Version")]
[OutputType(typeof(C8ServerVersion))]
public sealed class GetC8VersionCommand : C8ConnectedCmdlet
{
    /// <summary>Also read the server's details (such as the extensions it supports).</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessRecord() => Attempt(null, () =>
    {
        var session = Session;
        Emit(Await(token => session.Client.Version.GetAsync(Detailed, token)), session);
    });
}
