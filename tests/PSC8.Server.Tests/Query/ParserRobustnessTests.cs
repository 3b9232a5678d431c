using PSC8.Server.Query.Functions;

namespace PSC8.Server.Tests.Query;

/// <summary>
/// Feeds thousands of mutated and generated queries through parse, compile and execution. Each must
/// either produce results or fail with a C8Exception carrying a 4xx status; nothing may hang.
/// </summary>
public sealed class ParserRobustnessTests
{
    private const int Seed = 20240611;
    private const int MutatedQueries = 2500;
    private const int TokenSoupQueries = 1500;
    private const int GeneratedExpressions = 2500;
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);
    private const string InsertedCharacters = "()[]{},.:;'\"`@!<>=+-*/%?&|\\ 0aZ_\u00b4";

    private static readonly string[] Vocabulary =
    [
        "FOR", "IN", "RETURN", "FILTER", "LET", "SORT", "LIMIT", "COLLECT", "INTO", "WITH", "COUNT", "AGGREGATE", "KEEP", "DISTINCT",
        "INSERT", "UPDATE", "REPLACE", "REMOVE", "UPSERT", "OPTIONS", "ASC", "DESC", "AND", "OR", "NOT", "LIKE", "ALL", "ANY", "NONE",
        "OUTBOUND", "GRAPH", "null", "true", "false", "u", "x", "users", "c", "CURRENT", "OLD", "NEW", "@p", "@@col", "1", "0", "-1",
        "2.5", "1e3", "'a'", "\"b\"", "`q`", "[", "]", "{", "}", "(", ")", ",", ":", ".", "..", "?", "=", "==", "!=", "<", ">", "<=",
        ">=", "=~", "!~", "+", "-", "*", "/", "%", "!", "&&", "||", "[*]", "[**]", "LENGTH(", "CONCAT(", "DATE_ADD(", "MERGE(",
        "SUBSTRING(", "SCHEMA_VALIDATE(", "V8(", "//", "/*", "*/", "\n", "WINDOW", "AT", "LEAST", "AT LEAST (", "[?", "[? ALL FILTER", "[? 1..2", "{ preceding: 1 }",
        "'unbounded'", "'PT1H'",
    ];

    private static readonly string[] Atoms =
    [
        "null", "true", "false", "0", "1", "-1", "2.5", "-0.5", "1e308", "1e-7", "9007199254740993", "''", "'abc'", "'2014-05-07'",
        "'2014-05-07T14:19:09.522Z'", "'P1Y2M'", "'a%b_'", "'['", "'[a-z]+'", "'\\u00e9\\u00df'", "[]", "[1, 2, 3]", "['a', null, [1]]",
        "{}", "{a: 1, b: 'x'}", "{_key: 'k', _id: 'users/1'}",
        "{rule: {type: 'object', required: ['a'], properties: {a: {type: 'number', minimum: 0}}}}", "{rule: {items: {$ref: '#'}}, level: 'new'}", "x", "u", "u.name", "u.tags", "1..3", "[[1, 2], [3]]",
    ];

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "IN", "NOT IN", "LIKE", "=~", "&&", "||", "..", "ALL ==", "ANY <", "NONE IN", "AT LEAST (1) ==", "AT LEAST (x) NOT IN"];

    private static readonly string[] Quantities = ["", "ALL", "ANY", "NONE", "2", "0..1", "AT LEAST (1)", "AT LEAST (x)"];

    [Fact]
    public void MutatedAndGeneratedQueriesFailCleanlyOrRun()
    {
        var random = new Random(Seed);
        var seeds = ConformanceTable.All.Select(c => c.Query).Where(q => q.Length > 0).ToArray();
        var functions = FunctionRegistry.Names.Where(n => n is not ("SLEEP" or "FAIL")).Order(StringComparer.Ordinal).ToArray();
        var queries = new List<string>();
        for (var i = 0; i < MutatedQueries; i++)
        {
            queries.Add(Mutate(seeds[random.Next(seeds.Length)], random));
        }
        for (var i = 0; i < TokenSoupQueries; i++)
        {
            queries.Add(TokenSoup(random));
        }
        for (var i = 0; i < GeneratedExpressions; i++)
        {
            queries.Add(GeneratedQuery(random, functions));
        }
        queries.Add(new string('[', 5000) + new string(']', 5000));
        queries.Add("RETURN " + string.Join(" + ", Enumerable.Repeat("1", 20000)));
        queries.Add("RETURN " + new string('!', 5000) + "1");
        queries.Add("RETURN x" + string.Concat(Enumerable.Repeat("[*]", 2000)));
        queries.Add("RETURN " + string.Concat(Enumerable.Repeat("(", 3000)) + "1" + string.Concat(Enumerable.Repeat(")", 3000)));

        var store = NewStore();
        var clock = Stopwatch.StartNew();
        var executed = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            if (i % 200 == 0)
            {
                store = NewStore();
            }
            executed += RunBounded(queries[i], store) ? 1 : 0;
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        // The generated expressions are valid, so many queries must get through to execution.
        Assert.True(executed > queries.Count / 4, $"only {executed} of {queries.Count} queries executed");
    }

    private static InMemoryQueryStore NewStore()
    {
        var store = new InMemoryQueryStore();
        foreach (var fixture in ConformanceFixtures.Names)
        {
            store.Seed(ConformanceFixtures.CollectionOf(fixture), ConformanceFixtures.DocumentsOf(fixture));
        }
        return store;
    }

    /// <summary>Runs a query with a hang guard; true when it executed to the end without an error.</summary>
    private static bool RunBounded(string query, InMemoryQueryStore store)
    {
        var task = Task.Run(() => RunOne(query, store));
        Assert.True(task.Wait(HangLimit), $"query did not finish: {query}");
        var (executed, failure) = task.Result;
        Assert.True(failure is null, failure);
        return executed;
    }

    /// <summary>Whether the query ran to the end, and what went wrong if it failed in a way that is not allowed.</summary>
    private static (bool Executed, string? Failure) RunOne(string query, InMemoryQueryStore store)
    {
        using var timeout = new CancellationTokenSource(QueryTimeout);
        var bindVars = new C8Object.Builder().Add("p", C8Value.From(1)).Add("@col", C8Value.From("users")).Build();
        try
        {
            PreparedQuery prepared;
            try
            {
                prepared = QueryTestHelpers.Engine.Prepare(query, bindVars);
            }
            catch (C8Exception e) when (e.ErrorNum == C8Errors.QueryBindParameterUndeclared)
            {
                prepared = QueryTestHelpers.Engine.Prepare(query, null);
            }
            using var execution = prepared.Execute(store, new QueryOptions(), timeout.Token);
            var rows = 0;
            while (execution.MoveNext(out _) && rows++ < 10_000)
            {
            }
            QueryTestHelpers.Engine.Parse(query);
            return (true, null);
        }
        catch (C8Exception e) when (e.HttpStatus is >= 400 and < 500)
        {
            return (false, null);
        }
        catch (Exception e)
        {
            return (false, $"{e.GetType().Name}: {e.Message} for query: {query}\n{e.StackTrace}");
        }
    }

    private static string Mutate(string query, Random random)
    {
        var text = new StringBuilder(query);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var position = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text.Remove(position, 1);
                    break;
                case 1:
                    text.Insert(position, InsertedCharacters[random.Next(InsertedCharacters.Length)]);
                    break;
                case 2:
                    text.Insert(position, " " + Vocabulary[random.Next(Vocabulary.Length)] + " ");
                    break;
                case 3:
                    var length = random.Next(1, Math.Min(20, text.Length - position) + 1);
                    text.Insert(position, text.ToString(position, length));
                    break;
                case 4:
                    text.Length = position;
                    break;
                default:
                    var other = random.Next(text.Length);
                    (text[position], text[other]) = (text[other], text[position]);
                    break;
            }
        }
        return text.ToString();
    }

    private static string TokenSoup(Random random)
    {
        var count = random.Next(1, 25);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = Vocabulary[random.Next(Vocabulary.Length)];
        }
        return string.Join(' ', parts);
    }

    /// <summary>A well-formed query around a random expression, often a call of a random function with random arguments.</summary>
    private static string GeneratedQuery(Random random, string[] functions)
    {
        var expression = Expression(random, functions, depth: 0);
        return random.Next(5) switch
        {
            0 => $"RETURN {expression}",
            1 => $"FOR u IN users LET x = u.age FILTER {expression} RETURN u._key",
            2 => $"FOR x IN [1, 'a', null, [2], {{b: 3}}] LET u = {{name: x, tags: [x]}} RETURN {expression}",
            3 => $"FOR u IN users LET x = u.age WINDOW {{ preceding: {random.Next(3)}, following: 'unbounded' }} AGGREGATE s = SUM(x), n = COUNT({expression}) RETURN [s, n]",
            _ => $"FOR u IN users LET x = u.age WINDOW x WITH {{ preceding: {random.Next(20)}, following: 'PT1S' }} AGGREGATE m = MAX({expression}) RETURN m",
        };
    }

    private static string Expression(Random random, string[] functions, int depth)
    {
        if (depth > 3 || random.Next(4) == 0)
        {
            return Atoms[random.Next(Atoms.Length)];
        }
        switch (random.Next(5))
        {
            case 4:
                var quantity = Quantities[random.Next(Quantities.Length)];
                return $"{Expression(random, functions, depth + 1)}[? {quantity} FILTER {Expression(random, functions, depth + 1)}]";
            case 0:
                return $"({Expression(random, functions, depth + 1)} {Operators[random.Next(Operators.Length)]} {Expression(random, functions, depth + 1)})";
            case 1:
                return $"{(random.Next(2) == 0 ? "!" : "-")}{Expression(random, functions, depth + 1)}";
            default:
                var name = functions[random.Next(functions.Length)];
                var definition = FunctionRegistry.Find(name)!;
                var count = random.Next(definition.MinArguments, Math.Min(definition.MaxArguments, definition.MinArguments + 3) + 1);
                var arguments = Enumerable.Range(0, count).Select(_ => Expression(random, functions, depth + 1));
                return $"{name}({string.Join(", ", arguments)})";
        }
    }
}
