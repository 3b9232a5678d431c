using PSC8.Client.Apis;

namespace PSC8.Commands;

/// <summary>
/// Set-C8KeyValue: stores pairs, replacing those whose keys exist. Pairs from the pipeline (objects with Key, Value and
/// ExpireAt, such as Get-C8KeyValue writes) are sent in batches; the service takes a batch whole or not at all.
/// </summary>
[Cmdlet(VerbsCommon.Set, "C8KeyValue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class SetC8KeyValueCommand : RecordCmdlet
{
    private readonly List<C8KeyValueEntry<JsonElement>> _pending = new();
    private C8Session? _session;
    private string? _fabric;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("_key")]
    [ValidateNotNullOrEmpty]
    public string Key { get; set; } = string.Empty;

    /// <summary>Any value: text, a number, a hashtable or object (stored as JSON).</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public object Value { get; set; } = string.Empty;

    /// <summary>When the pair expires; counts only in a collection created with -Expiration.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTimeOffset? ExpireAt { get; set; }

    /// <summary>Pairs per request.</summary>
    [Parameter]
    [ValidateRange(1, KeyValueApi.MaxRemove)]
    public int BatchSize { get; set; } = 500;

    protected override void ProcessRecord()
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        if (_session != session || _fabric != fabric)
        {
            Flush();
            (_session, _fabric) = (session, fabric);
        }

        Attempt(Key, () =>
        {
            if (ShouldChange(Where(fabric + "/" + Collection + "/" + Key, session), "Set key-value pair", force: false))
            {
                _pending.Add(new C8KeyValueEntry<JsonElement>(Key, Json.ToElement(Value), ExpireAt));
                if (_pending.Count >= BatchSize)
                {
                    Flush();
                }
            }
        });
    }

    protected override void EndProcessing() => Flush();

    private void Flush()
    {
        if (_pending.Count == 0 || _session is null)
        {
            return;
        }

        var pairs = _pending.ToArray();
        _pending.Clear();
        var (session, fabric) = (_session, _fabric);
        Attempt(Collection, () => Await(token => session.Client.KeyValues.PutAsync(fabric, Collection, pairs, (w, e) => e.WriteTo(w), token)));
    }
}
