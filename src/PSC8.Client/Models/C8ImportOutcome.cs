namespace PSC8.Client.Models;

/// <summary>What an import did: how many items it created and how many failed, with the failures when details were asked for.</summary>
/// <typeparam name="TFailure">How one failure is described.</typeparam>
public abstract class C8ImportOutcome<TFailure>
{
    /// <param name="result">The answer's result object.</param>
    /// <param name="failure">Reads one entry of <c>details.errors</c>.</param>
    private protected C8ImportOutcome(JsonElement result, Func<JsonElement, TFailure> failure)
    {
        Created = JsonRead.Long(result, "created") ?? 0;
        Errors = JsonRead.Long(result, "errors") ?? 0;
        var failures = new List<TFailure>();
        if (JsonRead.Object(result, "details") is JsonElement details)
        {
            foreach (var entry in JsonRead.Array(details, "errors"))
            {
                failures.Add(failure(entry));
            }
        }

        Details = failures;
    }

    /// <summary>Items created.</summary>
    public long Created { get; }

    /// <summary>Items that failed.</summary>
    public long Errors { get; }

    /// <summary>The failures, when details were asked for.</summary>
    public IReadOnlyList<TFailure> Details { get; }

    /// <inheritdoc />
    public override string ToString() => "created " + Created.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", errors " + Errors.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
