using PSC8.Client.Errors;

namespace PSC8.Engine;

/// <summary>
/// How a failure is reported to PowerShell: a stable error id, an ErrorCategory name, and whether it ends the
/// call (ThrowTerminatingError) or only the current item (WriteError).
/// </summary>
internal sealed class C8ErrorInfo(string errorId, string category, bool terminating)
{
    public string ErrorId { get; } = errorId;

    public string Category { get; } = category;

    public bool Terminating { get; } = terminating;

    /// <summary>Whether the module reports <paramref name="exception"/> as an error record (others are bugs and propagate).</summary>
    public static bool IsReportable(Exception exception) =>
        exception is C8ApiException
        || exception is C8CommandException
        || exception is ArgumentException
        || exception is JsonException
        || exception is FormatException
        || exception is System.IO.IOException
        || exception is UnauthorizedAccessException;

    /// <summary>One failed item of a bulk request: never terminating (the other items went through).</summary>
    public static C8ErrorInfo ForItem(C8ItemError error)
    {
        if (error is null)
        {
            throw new ArgumentNullException(nameof(error));
        }

        return new C8ErrorInfo(error.ErrorId, error.Category, false);
    }

    public static C8ErrorInfo From(Exception exception)
    {
        switch (exception)
        {
            case C8CommandException command:
                return new C8ErrorInfo(command.ErrorId, command.Category, command.Terminating);
            case C8ApiException api:
                // Bad credentials or an unreachable server fail every item alike: stop instead of repeating the error.
                var meaningless = api.Category == C8ErrorMapping.Categories.SecurityError
                    || api.Category == C8ErrorMapping.Categories.ConnectionError
                    || api.Category == C8ErrorMapping.Categories.OperationTimeout;
                return new C8ErrorInfo(api.ErrorId, api.Category, meaningless);
            case JsonException:
                return new C8ErrorInfo("C8.InvalidJson", C8ErrorMapping.Categories.InvalidArgument, false);
            case System.IO.IOException:
            case UnauthorizedAccessException:
                return new C8ErrorInfo("C8.FileError", C8ErrorMapping.Categories.ResourceUnavailable, false);
            case ArgumentException:
            case FormatException:
                return new C8ErrorInfo("C8.InvalidArgument", C8ErrorMapping.Categories.InvalidArgument, false);
            default:
                return new C8ErrorInfo("C8.UnexpectedError", C8ErrorMapping.Categories.NotSpecified, true);
        }
    }
}
