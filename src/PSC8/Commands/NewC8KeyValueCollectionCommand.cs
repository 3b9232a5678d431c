namespace PSC8.Commands;

/// <summary>New-C8KeyValueCollection: creates key-value collections, optionally with expiring pairs.</summary>
[Cmdlet(VerbsCommon.New, "C8KeyValueCollection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8KeyValueCollection))]
public sealed class NewC8KeyValueCollectionCommand : FabricScopedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Pairs may carry an expiry time (Set-C8KeyValue -ExpireAt), after which they are gone.</summary>
    [Parameter]
    public SwitchParameter Expiration { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            Attempt(name, () =>
            {
                var session = Session;
                var fabric = FabricFor(Fabric, null, session);
                if (!ShouldProcess(Where(fabric + "/" + name, session), "Create key-value collection" + (Expiration ? " with expiration" : string.Empty)))
                {
                    return;
                }

                var created = Await(async token =>
                {
                    await session.Client.KeyValues.CreateCollectionAsync(fabric, name, Expiration, token).ConfigureAwait(false);
                    var all = await session.Client.KeyValues.ListCollectionsAsync(fabric, token).ConfigureAwait(false);
                    return all.First(c => c.Name == name);
                });
                Emit(created, session, fabric);
            });
        }
    }
}
