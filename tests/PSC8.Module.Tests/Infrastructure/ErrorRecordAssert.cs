namespace PSC8.Module.Tests.Infrastructure;

/// <summary>Checks of error records on what scripts match them by: the id, the category and the target.</summary>
public static class ErrorRecordAssert
{
    /// <summary>
    /// Fails unless the run (see <see cref="CmdletTest.RunCaught"/>) ended without a terminating error and wrote exactly
    /// one error, with this id, category and target; returns it.
    /// </summary>
    public static ErrorRecord SingleNonTerminating(PowerShellResult result, string errorId, ErrorCategory category, object? target)
    {
        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Matches(error, errorId, category);
        Assert.Equal(target, error.TargetObject);
        return error;
    }

    /// <summary>Fails unless the record has this id (its FullyQualifiedErrorId before the cmdlet's name) and category.</summary>
    public static void Matches(ErrorRecord? error, string errorId, ErrorCategory category)
    {
        Assert.NotNull(error);
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
    }
}
