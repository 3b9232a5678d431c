using PSC8.Json;
using PSC8.Sessions;

namespace PSC8.Commands;

/// <summary>
/// The base of every PSC8 cmdlet: one <see cref="AsyncBridge"/> per invocation (cancelled by StopProcessing),
/// error records from failures, confirmation with -Force, progress, and documents as objects. Derived cmdlets
/// only bind parameters, call the client or the engine, and write what comes back.
/// </summary>
public abstract class C8Cmdlet : PSCmdlet, IDisposable
{
    private static int s_lastActivityId;

    private AsyncBridge? _bridge;

    internal static DocumentJson Json { get; } = new(PSObjectShape.Instance);

    // An invocation runs in one runspace; looking its registry up once saves that work for every pipeline object.
    internal C8SessionRegistry Registry => _registry ??= C8SessionRegistry.ForCurrentRunspace();

    private bool? _shouldProcessMatters;
    private bool? _notesToDebug;
    private bool? _debugRequested;
    private C8SessionRegistry? _registry;

    /// <summary>This invocation's progress activity id, so parallel invocations' bars stay apart.</summary>
    internal int ActivityId { get; } = Interlocked.Increment(ref s_lastActivityId);

    internal AsyncBridge Bridge => _bridge ??= new AsyncBridge(Note, DebugRequested ? WriteDebug : null, DebugRequested || Requested("Verbose", "VerbosePreference"));

    public void Dispose() => _bridge?.Dispose();

    protected override void StopProcessing() => _bridge?.Cancel();

    internal T Await<T>(Func<CancellationToken, Task<T>> work) => Bridge.Run(work);

    internal void Await(Func<CancellationToken, Task> work) => Bridge.Run(work);

    /// <summary>
    /// Runs one item's work. A failure the module understands becomes an error record about <paramref name="target"/>:
    /// terminating when it makes the whole call meaningless, otherwise for this item only.
    /// </summary>
    internal void Attempt(object? target, Action work) => Attempt(target, false, work);

    /// <summary>As <see cref="Attempt(object?, Action)"/>; with <paramref name="terminating"/> every failure ends the call.</summary>
    internal void Attempt(object? target, bool terminating, Action work)
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
            if (terminating || info.Terminating)
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

    /// <summary>
    /// Whether ShouldProcess can do more than say yes in this invocation: under -WhatIf or -Confirm, with a
    /// $ConfirmPreference at or below the cmdlet's impact, or with verbose output (where it reports each change).
    /// When it cannot, cmdlets that change many items skip it, and the text it would show is never built.
    /// </summary>
    internal bool ShouldProcessMatters => _shouldProcessMatters ??= ConfirmationPolicy.ShouldProcessMatters(
        WhatIfRequested(),
        MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm),
        GetVariableValue("ConfirmPreference") is ConfirmImpact preference ? preference : ConfirmImpact.High,
        ConfirmationPolicy.ImpactOf(GetType()),
        MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
            ? LanguagePrimitives.IsTrue(verbose)
            : GetVariableValue("VerbosePreference") is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore);

    /// <summary>ShouldProcess, skipped under -Force unless -Confirm or -WhatIf asks otherwise (see <see cref="ConfirmationPolicy"/>).</summary>
    internal bool ShouldChange(string target, string action, bool force) =>
        ConfirmationPolicy.SkipsShouldProcess(force, MyInvocation.BoundParameters.ContainsKey("Confirm"), WhatIfRequested()) || ShouldProcess(target, action);

    internal void CompleteProgress(ProgressThrottle throttle, string activity)
    {
        if (throttle.NeedsCompletion)
        {
            WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    internal static ErrorCategory Category(string name) =>
        Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;

    /// <summary>
    /// Writes a progress note to Verbose — or, under -Debug without -Verbose, to Debug: there PowerShell asks before
    /// every verbose line of a compiled cmdlet (it turns -Debug's verbose output into Inquire), which would make a
    /// request trace a prompt per request.
    /// </summary>
    internal void Note(string line)
    {
        if (_notesToDebug ??= DebugRequested && !MyInvocation.BoundParameters.ContainsKey("Verbose"))
        {
            WriteDebug(line);
        }
        else
        {
            WriteVerbose(line);
        }
    }

    // -Debug, or a $DebugPreference that shows debug output: then each request and answer is written there.
    private bool DebugRequested => _debugRequested ??= Requested("Debug", "DebugPreference");

    // Whether the stream that the switch (or else the preference variable) governs is shown. A preference set in a
    // script's own scope is a new variable holding the text ('Continue'), not the typed global one, so it is converted.
    private bool Requested(string parameter, string preferenceVariable) =>
        MyInvocation.BoundParameters.TryGetValue(parameter, out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.TryConvertTo<ActionPreference>(GetVariableValue(preferenceVariable), out var preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

    private bool WhatIfRequested() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
}
