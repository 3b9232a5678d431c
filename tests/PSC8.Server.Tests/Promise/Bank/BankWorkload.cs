namespace PSC8.Server.Tests.Promise.Bank;

/// <summary>
/// The bank of the seeds' promise: accounts <c>{balance}</c>, transfers run by clients in every region, each one
/// C8QL query, while readers in every region sum all balances and read single accounts.
/// </summary>
/// <remarks>
/// On ordinary collections replication writes into a region without waiting for a query's collection locks, so a
/// transfer whose accounts replication changed while it ran fails whole with 409/1200 (README, reliability): with
/// <paramref name="replicationConflicts"/> that is a refusal to count, as GDN's write-write conflicts are. On spot
/// collections nothing replicates into the region that serves them, so there it stays a violation.
/// </remarks>
public sealed class BankWorkload(IReadOnlyList<RegionClient> regions, string fabric, string accounts, string journal, ScenarioSummary summary, bool replicationConflicts = false)
{
    /// <summary>
    /// One atomic transfer. C8QL lets a query modify a collection once (1573), so both legs go through a single UPDATE
    /// in a loop over the two accounts with their new balances, computed from one read of each; the FILTER refuses an
    /// overdraft before anything is written (no rows: refused). Each leg is journaled in the same query, which lets
    /// the checker settle transfers whose answer was lost.
    /// </summary>
    public const string TransferQuery = """
        LET source = DOCUMENT(@@accounts, @from)
        LET target = DOCUMENT(@@accounts, @to)
        FILTER source != null AND target != null AND source.balance >= @amount
        FOR leg IN [
            { account: @from, balance: source.balance - @amount, delta: -@amount },
            { account: @to, balance: target.balance + @amount, delta: @amount } ]
          UPDATE leg.account WITH { balance: leg.balance } IN @@accounts
          INSERT { _key: CONCAT(@transfer, "-", leg.account), transfer: @transfer, account: leg.account, delta: leg.delta } IN @@journal
          RETURN leg.balance
        """;

    public const string TotalQuery = "RETURN SUM(FOR a IN @@accounts RETURN a.balance)";

    private const int TransfersPerRegion = 2;
    private const int MaxAmount = 40;

    private readonly ConcurrentQueue<Transfer> _transfers = new();
    private readonly ConcurrentQueue<BalanceRead> _reads = new();
    private long _lastTransfer;

    public IReadOnlyList<Transfer> Transfers => _transfers.ToArray();

    public IReadOnlyList<BalanceRead> Reads => _reads.ToArray();

    /// <summary>Creates the accounts with their opening balances through the first region.</summary>
    public static async Task<Dictionary<string, long>> OpenAccountsAsync(RegionClient api, string fabric, string accounts, int count, long balance)
    {
        var opening = Enumerable.Range(0, count).ToDictionary(i => $"acct-{i:D2}", _ => balance, StringComparer.Ordinal);
        (await api.PostAsync(Paths.Documents(fabric, accounts), opening.Select(a => new { _key = a.Key, balance = a.Value }).ToArray())).ShouldBe(202);
        return opening;
    }

    public async Task RunAsync(IReadOnlyList<string> accountKeys, TimeSpan duration, Random seeds)
    {
        using var stop = new CancellationTokenSource(duration);
        var clients = new List<Task>();
        foreach (var api in regions)
        {
            for (var i = 0; i < TransfersPerRegion; i++)
            {
                var random = new Random(seeds.Next());
                clients.Add(PromiseApi.RepeatUntilAsync(stop.Token, _ => TransferAsync(api, accountKeys, random)));
            }
            var reader = new Random(seeds.Next());
            clients.Add(PromiseApi.RepeatUntilAsync(stop.Token, _ => ReadTotalAsync(api)));
            clients.Add(PromiseApi.RepeatUntilAsync(stop.Token, _ => ReadAccountAsync(api, accountKeys[reader.Next(accountKeys.Count)])));
        }
        await Task.WhenAll(clients);
    }

    /// <summary>The final dumps through every region, for <see cref="BankChecker"/>.</summary>
    public async Task<BankRun> CollectAsync(IReadOnlyDictionary<string, long> opening) => new(
        opening,
        Transfers,
        Reads,
        await PromiseApi.DumpEverywhereAsync(regions, fabric, accounts),
        await PromiseApi.DumpEverywhereAsync(regions, fabric, journal));

    private async Task TransferAsync(RegionClient api, IReadOnlyList<string> accountKeys, Random random)
    {
        var from = random.Next(accountKeys.Count);
        var to = (from + 1 + random.Next(accountKeys.Count - 1)) % accountKeys.Count;
        var transfer = new Transfer($"t{Interlocked.Increment(ref _lastTransfer)}", accountKeys[from], accountKeys[to], 1 + random.Next(MaxAmount), api.Region, Outcome.Unknown);
        try
        {
            var response = await api.QueryAsync(fabric, TransferQuery, PromiseApi.Bind(
                ("@accounts", accounts), ("@journal", journal), ("from", transfer.From), ("to", transfer.To), ("amount", transfer.Amount), ("transfer", transfer.Id)));
            transfer = transfer with { Outcome = OutcomeOf(response) };
            if (replicationConflicts && response.Status == 409 && response.Json.Long("errorNum") == 1200)
            {
                summary.Count("transfers refused by a replication conflict (409/1200)");
            }
            else if (response.Status != 201)
            {
                summary.Violation($"transfer {transfer.Id} through {api.Region}: {response}");
            }
        }
        catch (Exception e) when (PromiseApi.IsLostAnswer(e))
        {
        }
        _transfers.Enqueue(transfer);
        summary.Count($"transfers {transfer.Outcome}");
    }

    /// <summary>Two rows: both legs written. No rows: the overdraft check refused it. An error: nothing was written.</summary>
    private static Outcome OutcomeOf(HttpExchange response) =>
        response.Status == 201 && response.Result.AsArray().Count == 2 ? Outcome.Done : Outcome.Refused;

    private async Task ReadTotalAsync(RegionClient api)
    {
        var response = await api.QueryAsync(fabric, TotalQuery, PromiseApi.Bind(("@accounts", accounts)));
        if (response.Status != 201 || response.Result.AsArray() is not [JsonValue total])
        {
            summary.Violation($"total read through {api.Region}: {response}");
            return;
        }
        _reads.Enqueue(new BalanceRead(api.Region, null, total.GetValue<long>()));
        summary.Count("total reads");
    }

    private async Task ReadAccountAsync(RegionClient api, string account)
    {
        var response = await api.GetAsync(Paths.Document(fabric, accounts, account));
        if (response.Status != 200 || response.Json.Long("balance") is not { } balance)
        {
            summary.Violation($"account read through {api.Region}: {response}");
            return;
        }
        _reads.Enqueue(new BalanceRead(api.Region, account, balance));
        summary.Count("account reads");
    }
}
