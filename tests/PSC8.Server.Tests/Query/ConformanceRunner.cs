using PSC8.Server.Query.Values;

namespace PSC8.Server.Tests.Query;

/// <summary>What running one query produced: its rows and the codes of the warnings it raised, or the error it failed with.</summary>
public sealed record ConformanceOutcome(C8Value Results, IReadOnlyList<int> Warnings, C8Exception? Error)
{
    public static ConformanceOutcome Failed(C8Exception error) => new(C8Value.Null, [], error);
}

/// <summary>Runs a query (text and bind parameters) against whatever store a conformance run targets.</summary>
public delegate Task<ConformanceOutcome> ConformanceQuery(string query, C8Object? bindVars);

/// <summary>
/// Checks a <see cref="ConformanceCase"/> against any target — the engine on an <see cref="InMemoryQueryStore"/>
/// here, the real server over HTTP in <see cref="HttpConformanceTests"/> — so both runs judge by the same rules.
/// </summary>
public static class ConformanceRunner
{
    private static readonly C8qlEngine Engine = new();

    /// <summary>Runs the case through the engine on a fresh <see cref="InMemoryQueryStore"/> holding its fixtures.</summary>
    public static Task RunInMemoryAsync(ConformanceCase testCase)
    {
        var store = new InMemoryQueryStore();
        foreach (var fixture in testCase.Fixtures)
        {
            store.Seed(ConformanceFixtures.CollectionOf(fixture), ConformanceFixtures.DocumentsOf(fixture));
        }
        return VerifyAsync(testCase, (query, bindVars) => Task.FromResult(RunInMemory(store, query, bindVars)));
    }

    /// <summary>Runs the case's query (and its follow-up query) through <paramref name="run"/> and checks what each produced.</summary>
    public static async Task VerifyAsync(ConformanceCase testCase, ConformanceQuery run)
    {
        var bindVars = testCase.BindVars is null ? null : C8Json.Parse(testCase.BindVars).AsObject;
        Check(testCase, testCase.Query, await run(testCase.Query, bindVars), testCase.Expected, testCase.Warnings);
        if (testCase.Then is not null)
        {
            Check(testCase, testCase.Then, await run(testCase.Then, null), testCase.ThenExpected!, []);
        }
    }

    private static ConformanceOutcome RunInMemory(IQueryStore store, string query, C8Object? bindVars)
    {
        try
        {
            using var execution = Engine.Prepare(query, bindVars).Execute(store, new QueryOptions(), CancellationToken.None);
            var results = new List<C8Value>();
            while (execution.MoveNext(out var value))
            {
                results.Add(value);
            }
            return new ConformanceOutcome(C8Value.From(results.ToArray()), execution.Warnings.Select(w => w.Code).ToList(), null);
        }
        catch (C8Exception e)
        {
            return ConformanceOutcome.Failed(e);
        }
    }

    private static void Check(ConformanceCase testCase, string query, ConformanceOutcome outcome, string expected, IReadOnlyList<int> warnings)
    {
        var wantsError = expected.StartsWith('!');
        if (outcome.Error is { } e)
        {
            Assert.True(wantsError, $"{testCase.Name}: expected {expected}, got error {e.ErrorNum} ({e.Message})");
            Assert.True(int.Parse(expected[1..], System.Globalization.CultureInfo.InvariantCulture) == e.ErrorNum,
                $"{testCase.Name}: expected error {expected[1..]}, got {e.ErrorNum} ({e.Message})");
            Assert.InRange(e.HttpStatus, 400, 499);
            return;
        }
        var actual = outcome.Results;
        Assert.False(wantsError, $"{testCase.Name}: expected error {expected}, got {C8Json.Serialize(actual)}");
        var wanted = C8Json.Parse(expected);
        var equal = testCase.AnyOrder && query == testCase.Query ? SameMultiset(wanted, actual) : DeepEqual(wanted, actual);
        Assert.True(equal, $"{testCase.Name}: expected {C8Json.Serialize(wanted)}, got {C8Json.Serialize(actual)}");
        foreach (var code in warnings)
        {
            Assert.True(outcome.Warnings.Contains(code),
                $"{testCase.Name}: expected warning {code}, got [{string.Join(", ", outcome.Warnings)}]");
        }
    }

    /// <summary>Structural equality: arrays in order, objects regardless of attribute order, numbers by value.</summary>
    public static bool DeepEqual(C8Value expected, C8Value actual)
    {
        if (expected.Type != actual.Type)
        {
            return false;
        }
        switch (expected.Type)
        {
            case C8Type.Array:
            {
                var a = expected.AsArray;
                var b = actual.AsArray;
                return a.Count == b.Count && a.Zip(b).All(pair => DeepEqual(pair.First, pair.Second));
            }
            case C8Type.Object:
            {
                var a = expected.AsObject;
                var b = actual.AsObject;
                return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && DeepEqual(pair.Value, other));
            }
            default:
                return C8ValueComparer.Compare(expected, actual) == 0;
        }
    }

    private static bool SameMultiset(C8Value expected, C8Value actual)
    {
        var remaining = actual.AsArray.ToList();
        foreach (var item in expected.AsArray)
        {
            var index = remaining.FindIndex(candidate => DeepEqual(item, candidate));
            if (index < 0)
            {
                return false;
            }
            remaining.RemoveAt(index);
        }
        return remaining.Count == 0;
    }
}
