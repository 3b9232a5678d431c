namespace PSC8.Commands;

/// <summary>
/// The parameters and loop of a removal of things that live in a collection (key-value pairs, indexes): by name in
/// -Collection, or as objects from the Get- cmdlet, which say their own fabric, collection and connection.
/// </summary>
public abstract class CollectionItemRemoveCmdlet<T> : RecordCmdlet
    where T : class
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ChangeTarget.NameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>Objects from the Get- cmdlet.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ChangeTarget.InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public T[] InputObject { get; set; } = Array.Empty<T>();

    /// <summary>Remove without asking, whatever $ConfirmPreference says.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The names given in the "by name" set.</summary>
    private protected abstract IEnumerable<string> Names { get; }

    private protected abstract string Action { get; }

    private protected abstract (string Fabric, string Collection, string Name) Identify(T item);

    private protected abstract Task RemoveAsync(C8Connection client, (string Fabric, string Collection, string Name) item, CancellationToken token);

    /// <summary>Each removal asks ShouldProcess (or -Force) first, on the connection its object came from; a failure is reported about that name alone.</summary>
    protected override void ProcessRecord()
    {
        var fabric = FabricFor(Fabric, null, Session);
        var targets = ParameterSetName == ChangeTarget.InputObjectSet
            ? InputObject.Select(o => (Item: Identify(o), Source: (object?)o))
            : Names.Select(n => (Item: (Fabric: fabric, Collection, Name: n), Source: (object?)null));
        foreach (var (item, source) in targets)
        {
            Attempt(item.Name, () =>
            {
                var session = SessionFor(source);
                if (ShouldChange(Where(item.Fabric + "/" + item.Collection + "/" + item.Name, session), Action, Force))
                {
                    Await(token => RemoveAsync(session.Client, item, token));
                }
            });
        }
    }
}
