namespace PSC8.Engine;

/// <summary>
/// The definition Set-C8RestQL sends. The server replaces a worker's text and parameters together, so whatever the
/// user did not give is carried over from the worker as it stands.
/// </summary>
internal static class QueryWorkerChange
{
    public static C8QueryWorkerDefinition Definition(string name, string? query, IDictionary<string, object?>? parameters, C8QueryWorker? current)
    {
        if (query is null && parameters is null)
        {
            throw C8CommandException.InvalidArgument("C8.NothingToChange", "Give -Query, -Parameter or both.");
        }

        var text = query ?? current?.Query ?? throw C8CommandException.NotFound("C8.QueryWorkerNotFound", "RestQL query worker", name);
        return new C8QueryWorkerDefinition(name, text)
        {
            Type = current?.Type,
            Parameter = parameters ?? (current?.Parameter is { } stored ? new Dictionary<string, object?>(stored.ToDictionary(p => p.Key, p => p.Value), System.StringComparer.Ordinal) : null),
        };
    }

    /// <summary>Whether the current worker must be read first (something is to be carried over).</summary>
    public static bool NeedsCurrent(string? query, IDictionary<string, object?>? parameters) => query is null || parameters is null;

}
