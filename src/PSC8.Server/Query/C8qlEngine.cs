using System.Diagnostics;
using PSC8.Server.Query.Compilation;
using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query;

/// <summary>
/// The C8QL query engine: parses queries (caching parse trees by query text), applies bind
/// parameters and produces executable <see cref="PreparedQuery"/>s. Thread-safe.
/// </summary>
internal sealed class C8qlEngine
{
    private const int CacheCapacity = 1024;

    private readonly ConcurrentDictionary<string, ParsedQuery> _parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Parses and binds a query; syntax, function and bind parameter errors are C8Exceptions (4xx). The time each
    /// step took goes into <paramref name="profile"/> when one is given.
    /// </summary>
    /// <param name="indexes">The secondary indexes of the fabric's collections, by name, for the engine to choose from.</param>
    public PreparedQuery Prepare(string query, C8Object? bindVars, QueryProfile? profile = null, Func<string, IReadOnlyList<IndexInfo>>? indexes = null)
    {
        var started = Stopwatch.GetTimestamp();
        var parsed = ParseCached(query);
        var parsedAt = Stopwatch.GetTimestamp();
        var compiled = Compiler.Compile(parsed, bindVars ?? C8Object.Empty, indexes);
        profile?.Add(QueryProfile.Parsing, Stopwatch.GetElapsedTime(started, parsedAt));
        profile?.Add(QueryProfile.OptimizingPlan, Stopwatch.GetElapsedTime(parsedAt));
        return new PreparedQuery(compiled);
    }

    /// <summary>The body parts of a parse-only request: collections, bind parameter names and the syntax tree.</summary>
    public C8Value Parse(string query)
    {
        var parsed = ParseCached(query);
        var compiled = Compiler.Validate(parsed);
        var bindVars = parsed.ValueParameters.Concat(parsed.CollectionParameters.Select(name => "@" + name));
        C8Value ast;
        try
        {
            ast = AstJson.Root(parsed.Root);
        }
        catch (InsufficientExecutionStackException)
        {
            throw QueryErrors.Syntax("query is too deeply nested");
        }
        var result = new C8Object.Builder(3);
        result.Add("collections", C8Value.From(compiled.Collections.Select(name => C8Value.From(name)).ToArray()));
        result.Add("bindVars", C8Value.From(bindVars.Select(name => C8Value.From(name)).ToArray()));
        result.Add("ast", C8Value.From(new[] { ast }));
        return C8Value.From(result.Build());
    }

    private ParsedQuery ParseCached(string query)
    {
        if (_parsed.TryGetValue(query, out var cached))
        {
            return cached;
        }
        var parsed = Parser.Parse(query);
        if (_parsed.Count >= CacheCapacity)
        {
            _parsed.Clear();
        }
        _parsed[query] = parsed;
        return parsed;
    }
}
