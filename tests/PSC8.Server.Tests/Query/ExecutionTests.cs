using static PSC8.Server.Tests.Query.QueryTestHelpers;

namespace PSC8.Server.Tests.Query;

/// <summary>Streaming, the primary-key lookup, statistics, and how writes and errors reach the store.</summary>
public sealed class ExecutionTests
{
    private const int DocumentCount = 1000;

    private static InMemoryQueryStore NumberStore()
    {
        var store = new InMemoryQueryStore();
        store.Seed("numbers", Enumerable.Range(0, DocumentCount).Select(i =>
            new C8Object.Builder().Add("_key", C8Value.From($"k{i:D4}")).Add("v", C8Value.From(i)).Build()));
        store.CreateCollection("c");
        return store;
    }

    private static C8Object Bind(string name, C8Value value) => new C8Object.Builder().Add(name, value).Build();

    [Fact]
    public void LimitStopsTheScanEarly()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "FOR d IN numbers LIMIT 10 RETURN d.v");
        Assert.Equal(10, results.Count);
        Assert.Equal(10, store.DocumentsScanned);
    }

    [Fact]
    public void ResultsArePulledLazily()
    {
        var store = NumberStore();
        using var execution = Engine.Prepare("FOR d IN numbers FILTER d.v % 2 == 0 RETURN d.v", null)
            .Execute(store, new QueryOptions(), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(execution.MoveNext(out _));
        }
        Assert.Equal(5, store.DocumentsScanned);
        Assert.Equal(2, execution.Stats.Filtered);
    }

    [Fact]
    public void SortReadsEverythingOnce()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "FOR d IN numbers SORT d.v DESC LIMIT 2 RETURN d.v");
        Assert.Equal("[999,998]", Json(results));
        Assert.Equal(DocumentCount, store.DocumentsScanned);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 40)]
    [InlineData(990, 50)]
    public void SortFollowedByLimitKeepsTheStableOrder(int offset, int count)
    {
        // Many ties on both keys: only a stable sort gives this exact sequence.
        var expected = Enumerable.Range(0, DocumentCount).OrderByDescending(v => v % 7).ThenBy(v => v % 3).Skip(offset).Take(count);
        var (results, _) = Run(NumberStore(), $"FOR d IN numbers SORT d.v % 7 DESC, d.v % 3 LIMIT {offset}, {count} RETURN d.v");
        Assert.Equal(string.Join(",", expected), string.Join(",", results.Select(v => (int)v.AsNumber)));
    }

    [Fact]
    public void SortFollowedByLimitZeroReturnsNothing()
    {
        var (results, _) = Run(NumberStore(), "FOR d IN numbers SORT d.v LIMIT 0 RETURN d.v");
        Assert.Empty(results);
    }

    [Fact]
    public void SortFollowedByLimitStillCountsEveryRowForFullCount()
    {
        var (results, execution) = Run(NumberStore(), "FOR d IN numbers SORT d.v DESC LIMIT 2, 3 RETURN d.v",
            options: new QueryOptions { FullCount = true });
        Assert.Equal("[997,996,995]", Json(results));
        Assert.Equal(DocumentCount, execution.Stats.FullCount);
    }

    [Fact]
    public void KeyEqualityBecomesAPointLookup()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR d IN numbers FILTER d._key == @k RETURN d.v", Bind("k", C8Value.From("k0042")));
        Assert.Equal("[42]", Json(results));
        Assert.Equal(0, store.DocumentsScanned);
        Assert.Equal(1, store.GetCalls);
        Assert.Equal(1, execution.Stats.ScannedIndex);
        Assert.Equal(0, execution.Stats.ScannedFull);
    }

    [Fact]
    public void KeyListLookupAndRemainingFilter()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR d IN numbers FILTER d._key IN ['k0001', 'k0002', 'k0003'] && d.v != 2 RETURN d.v");
        Assert.Equal("[1,3]", Json(results));
        Assert.Equal(0, store.DocumentsScanned);
        Assert.Equal(3, execution.Stats.ScannedIndex);
        Assert.Equal(1, execution.Stats.Filtered);
    }

    [Fact]
    public void LookupDependingOnTheLoopVariableStaysAScan()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR d IN numbers FILTER d._key == CONCAT('k', d.v) RETURN d.v");
        Assert.Empty(results);
        Assert.Equal(DocumentCount, execution.Stats.ScannedFull);
        Assert.Equal(DocumentCount, execution.Stats.Filtered);
    }

    [Fact]
    public void JoinUsesLookupsForTheInnerLoop()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR i IN [7, 8] FOR d IN numbers FILTER d._key == CONCAT('k000', i) RETURN d.v");
        Assert.Equal("[7,8]", Json(results));
        Assert.Equal(2, execution.Stats.ScannedIndex);
        Assert.Equal(0, store.DocumentsScanned);
    }

    [Fact]
    public void CollectionLengthUsesCount()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "RETURN [LENGTH(numbers), COLLECTION_COUNT('numbers')]");
        Assert.Equal("[[1000,1000]]", Json(results));
        Assert.Equal(0, store.DocumentsScanned);
        Assert.Equal(2, store.CountCalls);
    }

    [Fact]
    public void DocumentUsesGet()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "RETURN DOCUMENT('numbers/k0005').v");
        Assert.Equal("[5]", Json(results));
        Assert.Equal(1, store.GetCalls);
        Assert.Equal(0, store.DocumentsScanned);
    }

    [Fact]
    public void InvariantSubqueryRunsOnce()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "FOR i IN 1..5 LET s = (FOR d IN numbers FILTER d.v < 3 RETURN d.v) RETURN LENGTH(s)");
        Assert.Equal("[3,3,3,3,3]", Json(results));
        Assert.Equal(DocumentCount, store.DocumentsScanned);
    }

    [Fact]
    public void CorrelatedSubqueryRunsPerRow()
    {
        var store = NumberStore();
        var (results, _) = Run(store, "FOR i IN 1..3 LET s = (FOR d IN numbers FILTER d.v < i RETURN d.v) RETURN LENGTH(s)");
        Assert.Equal("[1,2,3]", Json(results));
        Assert.Equal(3 * DocumentCount, store.DocumentsScanned);
    }

    [Fact]
    public void StatisticsCountWritesFiltersAndScans()
    {
        var store = NumberStore();
        store.Seed("c", [Object("""{"_key":"x"}""")]);
        var (_, execution) = Run(store,
            "FOR d IN numbers FILTER d.v < 3 INSERT { _key: d.v == 1 ? 'x' : CONCAT('n', d.v) } INTO c OPTIONS { ignoreErrors: true }");
        var stats = execution.Stats;
        Assert.Equal(2, stats.WritesExecuted);
        Assert.Equal(1, stats.WritesIgnored);
        Assert.Equal(DocumentCount, stats.ScannedFull);
        Assert.Equal(DocumentCount - 3, stats.Filtered);
        Assert.True(stats.ExecutionTime > 0);
        Assert.Null(stats.FullCount);
    }

    [Fact]
    public void FullCountIgnoresTheLastTopLevelLimit()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR d IN numbers FILTER d.v >= 100 LIMIT 5, 3 RETURN d.v", options: new QueryOptions { FullCount = true });
        Assert.Equal("[105,106,107]", Json(results));
        Assert.Equal(900, execution.Stats.FullCount);
    }

    [Fact]
    public void FullCountWithoutLimitIsTheResultCount()
    {
        var (results, execution) = Run(NumberStore(), "FOR i IN 1..7 RETURN i", options: new QueryOptions { FullCount = true });
        Assert.Equal(7, results.Count);
        Assert.Equal(7, execution.Stats.FullCount);
    }

    [Fact]
    public void FullCountIgnoresSubqueryLimits()
    {
        var (_, execution) = Run(NumberStore(), "FOR i IN 1..4 LET s = (FOR j IN 1..10 LIMIT 2 RETURN j) LIMIT 1 RETURN s",
            options: new QueryOptions { FullCount = true });
        Assert.Equal(4, execution.Stats.FullCount);
    }

    [Fact]
    public void WritesReachTheStoreAsResultsArePulled()
    {
        var store = NumberStore();
        using var execution = Engine.Prepare("FOR i IN 1..3 INSERT { i } INTO c RETURN NEW.i", null)
            .Execute(store, new QueryOptions(), CancellationToken.None);
        Assert.True(execution.MoveNext(out var first));
        Assert.Equal(1, first.AsNumber);
        Assert.Single(store.Documents("c"));
        while (execution.MoveNext(out _))
        {
        }
        Assert.Equal(3, store.Documents("c").Count);
    }

    [Fact]
    public void ModificationWithoutReturnRunsWhenDrained()
    {
        var store = NumberStore();
        var (results, execution) = Run(store, "FOR d IN numbers UPDATE d WITH { w: d.v * 2 } IN numbers");
        Assert.Empty(results);
        Assert.Equal(DocumentCount, execution.Stats.WritesExecuted);
        Assert.All(store.Documents("numbers"), d => Assert.Equal(d["v"].AsNumber * 2, d["w"].AsNumber));
    }

    [Fact]
    public void AFailingWriteStopsTheQueryAfterEarlierWritesWentToTheStore()
    {
        // The server runs the execution in one transaction and rolls back on this error.
        var store = NumberStore();
        using var execution = Engine.Prepare("FOR i IN [1, 2, 1, 3] INSERT { _key: TO_STRING(i) } INTO c RETURN i", null)
            .Execute(store, new QueryOptions(), CancellationToken.None);
        Assert.True(execution.MoveNext(out _));
        Assert.True(execution.MoveNext(out _));
        var error = Assert.Throws<C8Exception>(() => execution.MoveNext(out _));
        Assert.Equal(C8Errors.UniqueConstraintViolated, error.ErrorNum);
        Assert.Equal(2, store.Documents("c").Count);
        Assert.Equal(2, execution.Stats.WritesExecuted);
    }

    [Fact]
    public void UnknownCollectionFailsBeforeExecution()
    {
        var prepared = Engine.Prepare("FOR d IN missing RETURN d", null);
        var error = Assert.Throws<C8Exception>(() => prepared.Execute(NumberStore(), new QueryOptions(), CancellationToken.None));
        Assert.Equal(C8Errors.CollectionNotFoundNum, error.ErrorNum);
        Assert.Equal(404, error.HttpStatus);
    }

    [Fact]
    public void CancellationKillsTheQuery()
    {
        using var cancellation = new CancellationTokenSource();
        using var execution = Engine.Prepare("FOR i IN 1..1000000000 RETURN i", null)
            .Execute(NumberStore(), new QueryOptions(), cancellation.Token);
        Assert.True(execution.MoveNext(out _));
        cancellation.Cancel();
        var error = Assert.Throws<C8Exception>(() =>
        {
            while (execution.MoveNext(out _))
            {
            }
        });
        Assert.Equal(C8Errors.QueryKilled, error.ErrorNum);
        Assert.Equal(410, error.HttpStatus);
    }

    [Fact]
    public void FailOnWarningTurnsWarningsIntoErrors()
    {
        var error = Assert.Throws<C8Exception>(() => Run(NumberStore(), "RETURN 1 / 0", options: new QueryOptions { FailOnWarning = true }));
        Assert.Equal(C8Errors.QueryDivisionByZero, error.ErrorNum);
    }

    [Fact]
    public void WarningsAreCappedAtMaxWarningCount()
    {
        var (results, execution) = Run(NumberStore(), "FOR i IN 1..20 RETURN i / 0", options: new QueryOptions { MaxWarningCount = 5 });
        Assert.Equal(20, results.Count);
        Assert.Equal(5, execution.Warnings.Count);
        Assert.All(execution.Warnings, w => Assert.Equal(C8Errors.QueryDivisionByZero, w.Code));
    }

    [Fact]
    public void PreparedQueryRunsConcurrently()
    {
        var prepared = Engine.Prepare("FOR d IN numbers FILTER d.v % @m == 0 COLLECT AGGREGATE s = SUM(d.v) RETURN s", Bind("m", C8Value.From(10)));
        var sums = new long[8];
        Parallel.For(0, sums.Length, i =>
        {
            using var execution = prepared.Execute(NumberStore(), new QueryOptions(), CancellationToken.None);
            Assert.True(execution.MoveNext(out var value));
            sums[i] = (long)value.AsNumber;
        });
        Assert.All(sums, s => Assert.Equal(49500, s));
    }
}
