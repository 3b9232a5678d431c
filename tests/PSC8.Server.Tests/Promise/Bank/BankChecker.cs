namespace PSC8.Server.Tests.Promise.Bank;

/// <summary>A transfer as the client's ledger knows it: Done (both legs acknowledged), Refused (overdraft or error), Unknown (no answer).</summary>
public sealed record Transfer(string Id, string From, string To, long Amount, string Region, Outcome Outcome);

/// <summary>One balance a reader saw: an account's, or (Account null) the sum of all of them.</summary>
public sealed record BalanceRead(string Region, string? Account, long Value);

/// <summary>
/// Everything a bank run produced: the opening balances, the client ledger, every read, and the final dumps of the
/// accounts and of the journal (one document per leg of an applied transfer, written by the same atomic query) as
/// read through each region, documents in key order as JSON text.
/// </summary>
public sealed record BankRun(
    IReadOnlyDictionary<string, long> Opening,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<BalanceRead> Reads,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Accounts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Journal)
{
    public long Total => Opening.Values.Sum();
}

/// <summary>The bank's promise, broken down so a run on ordinary collections can report what it broke and still assert convergence.</summary>
public sealed record BankVerdict(
    IReadOnlyList<string> WrongTotals,
    IReadOnlyList<string> NegativeBalances,
    IReadOnlyList<string> Divergence,
    IReadOnlyList<string> LedgerMismatches,
    IReadOnlyList<string> FinalMismatches)
{
    public IEnumerable<string> All => WrongTotals.Concat(NegativeBalances).Concat(Divergence).Concat(LedgerMismatches).Concat(FinalMismatches);
}

/// <summary>
/// Checks a bank run: every total read equals the opening total; no balance is ever negative; every region ends with
/// the same accounts and journal; the journal agrees with the ledger (an acknowledged transfer has both legs, a
/// refused one none, an unanswered one both or none — which settles its outcome); and each final balance equals the
/// opening balance plus the transfers that happened.
/// </summary>
public static class BankChecker
{
    public static BankVerdict Check(BankRun run)
    {
        var wrongTotals = run.Reads
            .Where(r => r.Account is null && r.Value != run.Total)
            .Select(r => $"total read through {r.Region} was {r.Value}, not {run.Total}")
            .ToList();
        var negative = run.Reads
            .Where(r => r.Account is not null && r.Value < 0)
            .Select(r => $"{r.Account} read through {r.Region} was {r.Value}")
            .ToList();
        var divergence = PromiseApi.Differences("accounts", run.Accounts).Concat(PromiseApi.Differences("journal", run.Journal)).ToList();

        var (region, dump) = run.Accounts.First();
        var final = dump.Select(d => JsonNode.Parse(d)!).ToDictionary(d => (string)d["_key"]!, d => (long)d["balance"]!, StringComparer.Ordinal);
        negative.AddRange(final.Where(a => a.Value < 0).Select(a => $"{a.Key} ended at {a.Value} in {region}"));
        var legs = run.Journal[region].Select(d => JsonNode.Parse(d)!)
            .Select(d => (Transfer: (string)d["transfer"]!, Account: (string)d["account"]!, Delta: (long)d["delta"]!))
            .ToLookup(l => l.Transfer, StringComparer.Ordinal);

        var ledgerMismatches = new List<string>();
        var happened = new List<Transfer>();
        foreach (var transfer in run.Transfers)
        {
            var journaled = legs[transfer.Id].ToList();
            var complete = journaled.Count == 2
                && journaled.Contains((transfer.Id, transfer.From, -transfer.Amount))
                && journaled.Contains((transfer.Id, transfer.To, transfer.Amount));
            if (journaled.Count > 0 && !complete)
            {
                ledgerMismatches.Add($"{transfer.Id} ({transfer.Amount} from {transfer.From} to {transfer.To}) is journaled as " +
                    string.Join(", ", journaled.Select(l => $"{l.Delta:+0;-0} on {l.Account}")));
            }
            else if (transfer.Outcome == Outcome.Done && !complete)
            {
                ledgerMismatches.Add($"{transfer.Id} was acknowledged through {transfer.Region} but is not in the journal");
            }
            else if (transfer.Outcome == Outcome.Refused && complete)
            {
                ledgerMismatches.Add($"{transfer.Id} was refused through {transfer.Region} but is in the journal");
            }
            if (transfer.Outcome == Outcome.Done || (transfer.Outcome == Outcome.Unknown && complete))
            {
                happened.Add(transfer);
            }
        }
        var known = run.Transfers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        ledgerMismatches.AddRange(legs.Where(g => !known.Contains(g.Key)).Select(g => $"{g.Key} is in the journal but was never sent"));

        var expected = new Dictionary<string, long>(run.Opening, StringComparer.Ordinal);
        foreach (var transfer in happened)
        {
            expected[transfer.From] -= transfer.Amount;
            expected[transfer.To] += transfer.Amount;
        }
        var finalMismatches = expected
            .Where(a => final.GetValueOrDefault(a.Key, long.MinValue) != a.Value)
            .Select(a => $"{a.Key} ended at {(final.TryGetValue(a.Key, out var f) ? f.ToString() : "nothing")} in {region}; opening balance and transfers make {a.Value}")
            .ToList();
        if (final.Values.Sum() != run.Total)
        {
            finalMismatches.Add($"the accounts hold {final.Values.Sum()} in all at the end, not {run.Total}");
        }
        return new BankVerdict(wrongTotals, negative, divergence, ledgerMismatches, finalMismatches);
    }
}
