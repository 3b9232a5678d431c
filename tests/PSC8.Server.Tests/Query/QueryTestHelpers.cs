namespace PSC8.Server.Tests.Query;

/// <summary>Runs queries against an <see cref="InMemoryQueryStore"/> for the engine tests.</summary>
internal static class QueryTestHelpers
{
    public static C8qlEngine Engine { get; } = new();

    public static (List<C8Value> Results, IQueryExecution Execution) Run(
        IQueryStore store, string query, C8Object? bindVars = null, QueryOptions? options = null)
    {
        var prepared = Engine.Prepare(query, bindVars);
        var execution = prepared.Execute(store, options ?? new QueryOptions(), CancellationToken.None);
        var results = new List<C8Value>();
        while (execution.MoveNext(out var value))
        {
            results.Add(value);
        }
        return (results, execution);
    }

    public static string Json(IEnumerable<C8Value> values) => C8Json.Serialize(C8Value.From(values.ToArray()));

    public static C8Object Object(string json) => C8Json.Parse(json).AsObject;

    public static IEnumerable<C8Object> Objects(string jsonArray) => C8Json.Parse(jsonArray).AsArray.Select(v => v.AsObject);
}
