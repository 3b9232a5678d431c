using PSC8.Server.Model;
using PSC8.Server.Query;
using PSC8.Server.Query.Values;

namespace PSC8.Server.Tests.Query;

/// <summary>Runs a <see cref="ConformanceCase"/> against the engine and an <see cref="InMemoryQueryStore"/>.</summary>
public static class ConformanceRunner
{
    private static readonly C8qlEngine Engine = new();

    public static void Run(ConformanceCase testCase)
    {
        var store = new InMemoryQueryStore();
        foreach (var fixture in testCase.Fixtures)
        {
            store.Seed(ConformanceFixtures.CollectionOf(fixture), ConformanceFixtures.DocumentsOf(fixture));
        }
        var bindVars = testCase.BindVars is null ? null : C8Json.Parse(testCase.BindVars).AsObject;
        Check(testCase, store, testCase.Query, bindVars, testCase.Expected, testCase.Warnings);
        if (testCase.Then is not null)
        {
            Check(testCase, store, testCase.Then, null, testCase.ThenExpected!, []);
        }
    }

    private static void Check(ConformanceCase testCase, IQueryStore store, string query, C8Object? bindVars, string expected,
        IReadOnlyList<int> warnings)
    {
        List<C8Value> results;
        IReadOnlyList<QueryWarning> raised;
        try
        {
            var execution = Engine.Prepare(query, bindVars).Execute(store, new QueryOptions(), CancellationToken.None);
            results = new List<C8Value>();
            while (execution.MoveNext(out var value))
            {
                results.Add(value);
            }
            raised = execution.Warnings;
        }
        catch (C8Exception e) when (expected.StartsWith('!'))
        {
            Assert.True(int.Parse(expected[1..], System.Globalization.CultureInfo.InvariantCulture) == e.ErrorNum,
                $"{testCase.Name}: expected error {expected[1..]}, got {e.ErrorNum} ({e.Message})");
            Assert.InRange(e.HttpStatus, 400, 499);
            return;
        }
        var actual = C8Value.From(results.ToArray());
        Assert.False(expected.StartsWith('!'), $"{testCase.Name}: expected error {expected}, got {C8Json.Serialize(actual)}");
        var wanted = C8Json.Parse(expected);
        var equal = testCase.AnyOrder && query == testCase.Query ? SameMultiset(wanted, actual) : DeepEqual(wanted, actual);
        Assert.True(equal, $"{testCase.Name}: expected {C8Json.Serialize(wanted)}, got {C8Json.Serialize(actual)}");
        foreach (var code in warnings)
        {
            Assert.True(raised.Any(w => w.Code == code),
                $"{testCase.Name}: expected warning {code}, got [{string.Join(", ", raised.Select(w => w.Code))}]");
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
