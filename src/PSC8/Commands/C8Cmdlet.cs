using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PSC8.Client;
using PSC8.Client.Automation;
using PSC8.Client.Models;
using PSC8.Engine;
using PSC8.Json;

namespace PSC8.Commands;

/// <summary>
/// The base of every PSC8 cmdlet: one <see cref="AsyncBridge"/> per invocation (cancelled by StopProcessing),
/// error records from failures, confirmation with -Force, progress, and documents as objects. Derived cmdlets
/// only bind parameters, call the client or the engine, and write what comes back.
/// </summary>
public abstract class C8Cmdlet : PSCmdlet, IDisposable
{
    private static int s_lastActivityId;

    private readonly int _activityId = Interlocked.Increment(ref s_lastActivityId);
    private AsyncBridge? _bridge;

    internal static DocumentJson Json { get; } = new(PSObjectShape.Instance);

    internal C8SessionRegistry Registry => C8SessionRegistry.For(Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty);

    internal AsyncBridge Bridge => _bridge ??= new AsyncBridge(WriteVerbose);

    public void Dispose() => _bridge?.Dispose();

    protected override void StopProcessing() => _bridge?.Cancel();

    internal T Await<T>(Func<CancellationToken, Task<T>> work) => Bridge.Run(work);

    internal void Await(Func<CancellationToken, Task> work) => Bridge.Run(work);

    /// <summary>
    /// Runs one item's work. A failure the module understands becomes an error record about <paramref name="target"/>:
    /// terminating when it makes the whole call meaningless, otherwise for this item only.
    /// </summary>
    internal void Attempt(object? target, Action work)
    {
        try
        {
            work();
        }
        catch (OperationCanceledException) when (Stopping || Bridge.IsCancelled)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (C8ErrorInfo.IsReportable(ex))
        {
            var info = C8ErrorInfo.From(ex);
            var record = new ErrorRecord(ex, info.ErrorId, Category(info.Category), target);
            if (info.Terminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }
    }

    /// <summary>
    /// The items whose name matches the patterns; each literal name that matched nothing is reported as a
    /// non-terminating "not found" error, as Get-Item does.
    /// </summary>
    internal IReadOnlyList<T> Select<T>(IEnumerable<T> items, IReadOnlyList<string>? patterns, Func<T, string?> name, string notFoundErrorId, string kind)
    {
        var found = NameFilter<T>.Apply(items, patterns, name);
        foreach (var missing in found.Missing)
        {
            var error = C8CommandException.NotFound(notFoundErrorId, kind, missing);
            WriteError(new ErrorRecord(error, error.ErrorId, ErrorCategory.ObjectNotFound, missing));
        }

        return found.Matches;
    }

    /// <summary>ShouldProcess, skipped under -Force unless -Confirm or -WhatIf asks otherwise (see <see cref="ConfirmationPolicy"/>).</summary>
    internal bool ShouldChange(string target, string action, bool force) =>
        ConfirmationPolicy.SkipsShouldProcess(force, MyInvocation.BoundParameters.ContainsKey("Confirm"), WhatIfRequested()) || ShouldProcess(target, action);

    /// <summary>
    /// Applies one change per target: ShouldProcess (or -Force) for each before its request, and a failure reported
    /// about that target alone.
    /// </summary>
    internal void ChangeEach<T>(IEnumerable<T> targets, Func<T, string> describe, string action, bool force, Func<T, CancellationToken, Task> change)
    {
        foreach (var target in targets)
        {
            var description = describe(target);
            Attempt(description, () =>
            {
                if (ShouldChange(description, action, force))
                {
                    Await(token => change(target, token));
                }
            });
        }
    }

    /// <summary>A document or query row as an object (or the server's JSON text with -AsJson).</summary>
    internal void WriteRow(JsonElement row, bool asJson) =>
        WriteObject(asJson ? row.GetRawText() : JsonObjects.ToRow(row, PSObjectBuilder.Instance));

    /// <summary>
    /// Writes every row of a cursor as it arrives, one page at a time, with progress while pages remain; the next
    /// page is fetched only when the pipeline asks for more (see <see cref="CursorPages"/>).
    /// </summary>
    internal void WriteCursor(C8Cursor cursor, string activity, bool asJson)
    {
        var throttle = new ProgressThrottle();
        long rows = 0;
        if (cursor.Count is long total)
        {
            WriteVerbose("The result has " + total + " rows.");
        }

        foreach (var page in CursorPages.Read(cursor, Bridge))
        {
            foreach (var row in page.Items)
            {
                WriteRow(row, asJson);
                rows++;
            }

            if (cursor.HasMore && throttle.ShouldReport())
            {
                WriteProgress(new ProgressRecord(_activityId, activity, rows + " rows in " + page.Number + " pages")
                {
                    PercentComplete = ProgressThrottle.Percent(rows, cursor.Count),
                });
            }
        }

        CompleteProgress(throttle, activity);
    }

    /// <summary>
    /// Reports the results of one bulk request: each failed item as a non-terminating error about its input, each
    /// success to <paramref name="succeeded"/>, and the running totals as progress.
    /// </summary>
    internal void WriteBatchResults<T>(DocumentBatcher<T> batcher, IReadOnlyList<C8BatchItem<T>> items, BatchRequest request, Func<T, object?> target, Action<C8DocumentResult>? succeeded)
    {
        foreach (var item in items)
        {
            if (item.Result?.Error is C8ItemError error)
            {
                var info = C8ErrorInfo.ForItem(error);
                WriteError(new ErrorRecord(error.ToException(request.Method, request.Path), info.ErrorId, Category(info.Category), target(item.Input)));
            }
            else if (item.Result is not null)
            {
                succeeded?.Invoke(item.Result);
            }
        }

        if (items.Count > 0 && request.Progress.ShouldReport())
        {
            WriteProgress(new ProgressRecord(_activityId, request.Activity, batcher.ItemsSent + " sent, " + batcher.ErrorCount + " failed") { PercentComplete = -1 });
        }
    }

    internal void CompleteProgress(BatchRequest request) => CompleteProgress(request.Progress, request.Activity);

    internal void CompleteProgress(ProgressThrottle throttle, string activity)
    {
        if (throttle.NeedsCompletion)
        {
            WriteProgress(new ProgressRecord(_activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private static ErrorCategory Category(string name) =>
        Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;

    private bool WhatIfRequested() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
}
