using PSC8.Files;

namespace PSC8.Commands;

/// <summary>
/// Export-C8Document: writes a collection's documents, or a query's rows, to a JSON Lines or JSON file as the server
/// streams them, in constant memory. Documents are written without _id and _rev (as GDN's export API gives them), so
/// the file imports again as it is. The file appears only once it is complete.
/// </summary>
[Cmdlet(VerbsData.Export, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = CollectionSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportC8DocumentCommand : RecordCmdlet
{
    private const string CollectionSet = "Collection";
    private const string QuerySet = "Query";

    /// <summary>The collection whose documents to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CollectionSet)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>A read-only C8QL query whose rows to write.</summary>
    [Parameter(Mandatory = true, ParameterSetName = QuerySet)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>Values for the query's @name (and @@collection) placeholders.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [Alias("BindVars")]
    [ValidateNotNull]
    public IDictionary? BindVariable { get; set; }

    /// <summary>The file to write; replaced if it exists unless -NoClobber.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>JsonLines or Json; told by the file's extension when omitted.</summary>
    [Parameter]
    public DocumentFileFormat? Format { get; set; }

    /// <summary>Refuse to replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Rows per page fetched from the server; by default 1000, the most GDN allows (fewer only mean more requests).</summary>
    [Parameter]
    [ValidateRange(1, CursorPages.PageSize)]
    public int BatchSize { get; set; } = CursorPages.PageSize;

    /// <summary>Return the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Attempt(Path, () =>
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        var format = Format ?? DocumentFileFormats.FromExtension(path);
        if (format == DocumentFileFormat.Csv)
        {
            throw C8CommandException.InvalidArgument("C8.FormatNotWritable", "Export-C8Document writes JsonLines or Json; CSV cannot hold nested documents. Use Invoke-C8Query | Export-Csv for flat rows.");
        }

        if (NoClobber && File.Exists(path))
        {
            throw new C8CommandException("C8.FileExists", nameof(ErrorCategory.ResourceExists), "The file '" + path + "' exists and -NoClobber was given.");
        }

        var source = ParameterSetName == CollectionSet ? fabric + "/" + Collection : "the query's rows in fabric " + fabric;
        if (!ShouldProcess(Where(source, session), "Export to " + path))
        {
            return;
        }

        var query = ParameterSetName == CollectionSet ? new C8Query("FOR d IN @@collection RETURN d") : new C8Query(Query);
        query.BatchSize = BatchSize;
        query.Stream = true;
        if (ParameterSetName == CollectionSet)
        {
            query.BindVars["@collection"] = Collection;
        }
        else
        {
            foreach (var variable in Json.ToMap(BindVariable))
            {
                query.BindVars[variable.Key] = variable.Value;
            }
        }

        var activity = "Exporting " + source + " to " + path;
        var throttle = new ProgressThrottle();
        var cursor = Await(token => session.Client.Queries.OpenAsync(fabric, query, false, token));
        using (var file = new DocumentFileWriter(path, format, withoutSystemAttributes: ParameterSetName == CollectionSet))
        {
            foreach (var page in CursorPages.Read(cursor, Bridge))
            {
                foreach (var row in page.Items)
                {
                    file.Write(row);
                }

                if (throttle.ShouldReport())
                {
                    WriteProgress(new ProgressRecord(ActivityId, activity, file.Count + " written") { PercentComplete = -1 });
                }
            }

            file.Complete();
        }

        CompleteProgress(throttle, activity);
        if (PassThru)
        {
            WriteObject(new FileInfo(path));
        }
    });
}
