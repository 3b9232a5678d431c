namespace PSC8.Commands;

/// <summary>
/// Use-C8Connection: makes an open connection the session default (as Set-AzContext does), optionally switching the
/// fabric it works in. The fabric is checked first, so a typo never leaves the default pointing at nothing.
/// </summary>
[Cmdlet(VerbsOther.Use, "C8Connection", DefaultParameterSetName = ConnectionSet)]
[OutputType(typeof(C8Session))]
public sealed class UseC8ConnectionCommand : C8Cmdlet
{
    private const string ConnectionSet = "Connection";
    private const string IdSet = "Id";

    /// <summary>The connection to make the default.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConnectionSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public C8Session? Connection { get; set; }

    /// <summary>The Id of the connection (as Get-C8Connection -All shows it).</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    public int Id { get; set; }

    /// <summary>The fabric the connection works in from now on, when given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(FabricNameCompleter))]
    public string? Fabric { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(Connection, terminating: true, () =>
    {
        // Resolve refuses a closed connection before -Fabric is checked through it.
        var session = Registry.Resolve(Connection ?? Registry.All.FirstOrDefault(s => s.Id == Id)
            ?? throw C8CommandException.NotFound("C8.ConnectionNotFound", "open connection", "#" + Id));

        if (Fabric is not null)
        {
            var fabric = Await(token => session.Client.Fabrics.GetAsync(Fabric, token));
            session.Client.DefaultFabric = fabric.Name;
        }

        Registry.SetDefault(session);
        Note("Default connection: " + session);
        if (PassThru)
        {
            WriteObject(session);
        }
    });
}
