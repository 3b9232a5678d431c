using PSC8.Client.Errors;
using PSC8.Client.Json;
using PSC8.Files;

namespace PSC8.Commands;

/// <summary>
/// Import-C8Document: loads JSON, JSON Lines or CSV files into a collection through the import API, in batches. A file
/// is read through once before anything is sent: a malformed line stops that file with an error naming the line,
/// and nothing of it is imported. Each document the server refuses is an error naming its line.
/// </summary>
[Cmdlet(VerbsData.Import, "C8Document", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(C8ImportSummary))]
public sealed class ImportC8DocumentCommand : RecordCmdlet
{
    /// <summary>The collection to import into.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CollectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Collection { get; set; } = string.Empty;

    /// <summary>The files; wildcards allowed. Files from Get-ChildItem bind by their FullName.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>The files' format; told by their extension when omitted (.json, .jsonl or .ndjson, .csv).</summary>
    [Parameter]
    public DocumentFileFormat? Format { get; set; }

    /// <summary>What happens to a document whose _key is stored already.</summary>
    [Parameter]
    public C8ImportDuplicate OnDuplicate { get; set; } = C8ImportDuplicate.Error;

    /// <summary>Documents per import request.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>The field separator of CSV files.</summary>
    [Parameter]
    public char Delimiter { get; set; } = ',';

    /// <summary>Keep every CSV field as text (no numbers, true/false or nulls).</summary>
    [Parameter]
    public SwitchParameter AsText { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var pattern in Path)
        {
            foreach (var path in Files(pattern))
            {
                Attempt(path, () => ImportFile(path));
            }
        }
    }

    private IEnumerable<string> Files(string pattern)
    {
        try
        {
            return GetResolvedProviderPathFromPSPath(pattern, out _);
        }
        catch (ItemNotFoundException)
        {
            WriteError(new ErrorRecord(new FileNotFoundException("There is no file '" + pattern + "'.", pattern), "C8.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
            return Enumerable.Empty<string>();
        }
    }

    private void ImportFile(string path)
    {
        var session = Session;
        var fabric = FabricFor(Fabric, null, session);
        var format = Format ?? DocumentFileFormats.FromExtension(path);
        if (!ShouldProcess(Where(fabric + "/" + Collection, session), "Import documents from " + path))
        {
            return;
        }

        var import = new FileImport(this, session, fabric, path, format);
        import.Run();
        WriteObject(import.Summary);
    }

    /// <summary>One file's import: the check that it parses, then its batches.</summary>
    private sealed class FileImport
    {
        private readonly ImportC8DocumentCommand _cmdlet;
        private readonly C8Session _session;
        private readonly string _fabric;
        private readonly string _path;
        private readonly DocumentFileFormat _format;
        private readonly List<long> _lines;
        private readonly ProgressThrottle _progress = new();

        public FileImport(ImportC8DocumentCommand cmdlet, C8Session session, string fabric, string path, DocumentFileFormat format)
        {
            _cmdlet = cmdlet;
            _session = session;
            _fabric = fabric;
            _path = path;
            _format = format;
            _lines = new List<long>(cmdlet.BatchSize);
            Summary = new C8ImportSummary(path, fabric, cmdlet.Collection);
        }

        public C8ImportSummary Summary { get; }

        private string Activity => "Importing " + _path + " into " + _fabric + "/" + _cmdlet.Collection;

        public void Run()
        {
            // Reading the whole file first means a malformed line is found before any document is sent.
            Summary.Documents = Records().LongCount();
            using var buffer = new JsonItemBuffer();
            foreach (var record in Records())
            {
                buffer.Add(record.Document.WriteTo);
                _lines.Add(record.Line);
                if (_lines.Count == _cmdlet.BatchSize)
                {
                    Send(buffer);
                }
            }

            if (_lines.Count > 0)
            {
                Send(buffer);
            }

            _cmdlet.CompleteProgress(_progress, Activity);
        }

        // The file's documents one at a time (constant memory), a malformed line reported as the module's error.
        private IEnumerable<DocumentRecord> Records()
        {
            using var records = DocumentFile.Read(_path, _format, _cmdlet.Delimiter, _cmdlet.AsText).GetEnumerator();
            while (true)
            {
                bool more;
                try
                {
                    more = records.MoveNext();
                }
                catch (DocumentFileException ex)
                {
                    throw new C8CommandException("C8.MalformedFile", nameof(ErrorCategory.InvalidData), ex.Message + " Nothing of the file was imported.");
                }

                if (!more)
                {
                    yield break;
                }

                yield return records.Current;
            }
        }

        private void Send(JsonItemBuffer buffer)
        {
            var positions = Enumerable.Range(0, _lines.Count).ToArray();
            var options = new C8ImportOptions { Details = true, Replace = _cmdlet.OnDuplicate == C8ImportDuplicate.Replace };
            var result = _cmdlet.Await(token => _session.Client.Documents.ImportAsync(_fabric, _cmdlet.Collection, positions, buffer.WriteTo, options, token));
            Summary.Created += result.Created;
            var existing = new List<int>();
            foreach (var error in result.Details)
            {
                var index = error.Position - 1 is int i && i >= 0 && i < _lines.Count ? i : (int?)null;
                if (error.ErrorNum == UniqueConstraintViolated && _cmdlet.OnDuplicate == C8ImportDuplicate.Ignore)
                {
                    Summary.Skipped++;
                }
                else if (error.ErrorNum == UniqueConstraintViolated && _cmdlet.OnDuplicate == C8ImportDuplicate.Update && index is int stored)
                {
                    existing.Add(stored);
                }
                else
                {
                    Failed(index, error.ErrorNum, error.Message, "POST", "import");
                }
            }

            // An error the details do not describe still failed.
            Summary.Failed += System.Math.Max(0, result.Errors - result.Details.Count);
            if (existing.Count > 0)
            {
                Update(buffer, existing);
            }

            buffer.Clear();
            _lines.Clear();
            if (_progress.ShouldReport())
            {
                var done = Summary.Created + Summary.Updated + Summary.Skipped + Summary.Failed;
                _cmdlet.WriteProgress(new ProgressRecord(_cmdlet.ActivityId, Activity, done + " of " + Summary.Documents + " documents")
                {
                    PercentComplete = ProgressThrottle.Percent(done, Summary.Documents),
                });
            }
        }

        // The import API has no merge: the documents whose key exists are merged in with one bulk update.
        private void Update(JsonItemBuffer buffer, List<int> existing)
        {
            var updated = _cmdlet.Await(token => _session.Client.Documents.UpdateManyAsync(_fabric, _cmdlet.Collection, existing, buffer.WriteTo, null, token));
            for (var i = 0; i < existing.Count && i < updated.Count; i++)
            {
                if (updated[i].Error is C8ItemError error)
                {
                    Failed(existing[i], error.ErrorNum, error.Message, "PATCH", "document");
                }
                else
                {
                    Summary.Updated++;
                }
            }
        }

        private void Failed(int? index, int? errorNum, string message, string method, string resource)
        {
            Summary.Failed++;
            var target = index is int i ? _path + ":" + _lines[i] : _path;
            var exception = new C8ApiException(C8ErrorMapping.ItemStatus(errorNum), errorNum, target + ": " + message, method, "/_fabric/" + _fabric + "/_api/" + resource + "/" + _cmdlet.Collection);
            var info = C8ErrorInfo.From(exception);
            _cmdlet.WriteError(new ErrorRecord(exception, info.ErrorId, Category(info.Category), target));
        }

        private const int UniqueConstraintViolated = 1210;
    }
}
