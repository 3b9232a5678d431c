using PSC8.Client.Batching;
using PSC8.Json;
using PSC8.Sessions;

namespace PSC8.Commands;

/// <summary>
/// A cmdlet that talks to C8. Each piece of work goes to one connection: -Connection when given; else the connection
/// the object being worked on (or the object the pipeline passed in) was read through; else the session default.
/// With none of them the call stops with an error that says to run Connect-C8. Everything it writes remembers the
/// connection it came from.
/// </summary>
public abstract class C8ConnectedCmdlet : C8Cmdlet
{
    /// <summary>The connection to use instead of the one piped objects came from or the session default.</summary>
    [Parameter]
    [ValidateNotNull]
    public C8Session? Connection { get; set; }

    /// <summary>
    /// The object the pipeline passed in, whichever parameters it bound to: objects often bind by property name only
    /// (a collection's Name), and the connection they came from must not be lost on the way.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? PipelineInput { get; set; }

    /// <summary>The connection for the current pipeline object.</summary>
    internal C8Session Session => SessionFor(null);

    internal C8Connection Client => Session.Client;

    /// <summary>The connection for work on <paramref name="source"/> (an object a cmdlet emitted, or anything else).</summary>
    internal C8Session SessionFor(object? source) => Registry.Resolve(Connection ?? OriginOf(source)?.Session);

    /// <summary>
    /// The fabric for work on <paramref name="source"/>: -Fabric when given; else the fabric the object (or the piped
    /// object) was read in — a fabric object's own name; else the connection's default fabric.
    /// </summary>
    internal string FabricFor(string? given, object? source, C8Session session) => given ?? OriginOf(source)?.Fabric ?? session.Fabric;

    /// <summary>A ShouldProcess target: what is changed, and where (region and URL).</summary>
    internal static string Where(string target, C8Session session) => target + " on " + session.Location;

    /// <summary>
    /// Writes an object read through <paramref name="session"/> (in <paramref name="fabric"/>, for documents and rows);
    /// lists are written item by item.
    /// </summary>
    internal void Emit(object? value, C8Session session, string? fabric = null)
    {
        if (value is IEnumerable items && !(value is string))
        {
            foreach (var item in items)
            {
                WriteObject(C8Origins.Mark(item, session, fabric));
            }

            return;
        }

        WriteObject(C8Origins.Mark(value, session, fabric));
    }

    /// <summary>A document or query row as an object (or the server's JSON text with -AsJson).</summary>
    internal void EmitRow(JsonElement row, bool asJson, C8Session session, string fabric)
    {
        if (asJson)
        {
            WriteObject(row.GetRawText());
        }
        else
        {
            Emit(JsonObjects.ToRow(row, PSObjectBuilder.Instance), session, fabric);
        }
    }

    /// <summary>
    /// Writes every row of a cursor as it arrives, one page at a time, with progress while pages remain; the next
    /// page is fetched only when the pipeline asks for more (see <see cref="CursorPages"/>).
    /// </summary>
    internal void EmitCursor(C8Cursor cursor, string activity, bool asJson, C8Session session, string fabric)
    {
        var throttle = new ProgressThrottle();
        long rows = 0;
        if (cursor.Count is long total)
        {
            Note("The result has " + total + " rows.");
        }

        foreach (var page in CursorPages.Read(cursor, Bridge))
        {
            foreach (var row in page.Items)
            {
                EmitRow(row, asJson, session, fabric);
                rows++;
            }

            if (cursor.HasMore && throttle.ShouldReport())
            {
                WriteProgress(new ProgressRecord(ActivityId, activity, rows + " rows in " + page.Number + " pages")
                {
                    PercentComplete = ProgressThrottle.Percent(rows, cursor.Count),
                });
            }
        }

        CompleteProgress(throttle, activity);
    }

    /// <summary>
    /// Applies one change per target, each on the connection its object came from: ShouldProcess (or -Force) for each
    /// before its request, and a failure reported about that target alone. <paramref name="passThru"/>, when given,
    /// reads what each changed target looks like afterwards, to write it.
    /// </summary>
    internal void ChangeEach(
        IEnumerable<ChangeTarget> targets,
        string action,
        bool force,
        Func<ChangeTarget, C8Connection, CancellationToken, Task> change,
        Func<ChangeTarget, C8Connection, CancellationToken, Task<object>>? passThru = null)
    {
        foreach (var target in targets)
        {
            Attempt(target.ToString(), () =>
            {
                var session = SessionFor(target.Source);
                if (ShouldChange(Where(target.ToString(), session), action, force))
                {
                    Await(token => change(target, session.Client, token));
                    if (passThru is not null)
                    {
                        Emit(Await(token => passThru(target, session.Client, token)), session);
                    }
                }
            });
        }
    }

    /// <summary>
    /// Reports the results of one bulk request: each failed item as a non-terminating error about its input, each
    /// success (or skip) to the batch's <see cref="DocumentBatches{T}.Succeeded"/>, and the running totals as progress.
    /// </summary>
    internal void WriteBatchResults<T>(DocumentBatch<T> batch, IReadOnlyList<C8BatchItem<T>> items)
    {
        foreach (var item in items)
        {
            if (item.Result?.Error is C8ItemError error)
            {
                var info = C8ErrorInfo.ForItem(error);
                WriteError(new ErrorRecord(error.ToException(batch.Method, batch.Path), info.ErrorId, Category(info.Category), batch.Group.Target(item.Input)));
            }
            else if (item.Result is not null)
            {
                batch.Skipped += item.Result.Skipped ? 1 : 0;
                batch.Group.Succeeded?.Invoke(item, batch.Session);
            }
        }

        if (items.Count > 0 && batch.Progress.ShouldReport())
        {
            WriteProgress(new ProgressRecord(ActivityId, batch.Activity, batch.ProgressText) { PercentComplete = -1 });
        }
    }

    /// <summary>Sends what every batch still holds, reports every result and completes their progress.</summary>
    internal void FlushAll<T>(DocumentBatches<T> batches)
    {
        foreach (var batch in batches.All)
        {
            Attempt(batch.Collection, () =>
            {
                Settle(batch);
                WriteBatchResults(batch, Await(token => batch.Batcher.FlushAsync(token)));
            });
            CompleteProgress(batch.Progress, batch.Activity);
            batch.Release();
        }
    }

    /// <summary>
    /// Adds an item to its batch. A full batch is sent without waiting for it, so the server stores one batch while
    /// the pipeline prepares the next; the results of the one before are reported first, in order.
    /// </summary>
    internal void AddTo<T>(DocumentBatch<T> batch, T item)
    {
        if (batch.Batcher.Add(item))
        {
            Settle(batch);
            batch.Sent(Bridge.Start(token => batch.Batcher.FlushAsync(token)));
        }
    }

    /// <summary>Waits for the batch's request in flight, if any, and reports its results.</summary>
    private void Settle<T>(DocumentBatch<T> batch)
    {
        if (batch.TakeInFlight() is { } request)
        {
            WriteBatchResults(batch, Await(_ => request));
        }
    }

    private C8Origin? OriginOf(object? source) => C8Origins.Of(source) ?? C8Origins.Of(PipelineInput);

    protected override void BeginProcessing()
    {
        if (Connection is not null)
        {
            Attempt(Connection, () => Registry.Resolve(Connection));
        }
    }
}
