using static PSC8.Server.Tests.Promise.Linearizability.RegisterOperation;

namespace PSC8.Server.Tests.Promise.Linearizability;

/// <summary>
/// The checker on small hand-made histories whose answer is known, both ways: it must accept every legal
/// concurrent outcome and reject each classic anomaly (stale read, new-then-old reads, lost compare-and-set).
/// Times are plain numbers; registers start at 0.
/// </summary>
public sealed class LinearizabilityCheckerTests
{
    private const string K = "k";

    private static Verdict Check(params RegisterOperation[] history) => LinearizabilityChecker.Check(history, initialValue: 0).Verdict;

    [Fact]
    public void An_empty_history_and_a_sequential_one_are_linearizable()
    {
        Assert.Equal(Verdict.Linearizable, Check());
        Assert.Equal(Verdict.Linearizable, Check(
            Read(1, K, 0, 0, 1),
            Write(1, K, 5, Outcome.Done, 2, 3),
            Read(2, K, 5, 4, 5),
            CompareAndSet(2, K, 5, 6, Outcome.Done, 6, 7),
            CompareAndSet(1, K, 5, 7, Outcome.Refused, 8, 9),
            Read(1, K, 6, 10, 11)));
    }

    [Fact]
    public void A_read_after_an_acknowledged_write_that_returns_the_old_value_is_not()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Write(1, K, 5, Outcome.Done, 0, 10),
            Read(2, K, 0, 11, 12)));
    }

    [Fact]
    public void A_read_overlapping_a_write_may_return_either_value()
    {
        Assert.Equal(Verdict.Linearizable, Check(Write(1, K, 5, Outcome.Done, 0, 10), Read(2, K, 0, 5, 15)));
        Assert.Equal(Verdict.Linearizable, Check(Write(1, K, 5, Outcome.Done, 0, 10), Read(2, K, 5, 5, 15)));
    }

    [Fact]
    public void Once_one_read_saw_the_new_value_a_later_read_must_not_see_the_old_one()
    {
        // The write overlaps both reads, but the reads do not overlap each other.
        Assert.Equal(Verdict.NotLinearizable, Check(
            Write(1, K, 5, Outcome.Done, 0, 100),
            Read(2, K, 5, 10, 20),
            Read(3, K, 0, 30, 40)));
        Assert.Equal(Verdict.Linearizable, Check(
            Write(1, K, 5, Outcome.Done, 0, 100),
            Read(2, K, 0, 10, 20),
            Read(3, K, 5, 30, 40)));
    }

    [Fact]
    public void A_value_nobody_wrote_is_not()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(Write(1, K, 5, Outcome.Done, 0, 10), Read(2, K, 6, 5, 15)));
    }

    [Fact]
    public void Two_compare_and_sets_on_the_same_value_cannot_both_succeed()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            CompareAndSet(1, K, 0, 1, Outcome.Done, 0, 10),
            CompareAndSet(2, K, 0, 2, Outcome.Done, 0, 10)));
        Assert.Equal(Verdict.Linearizable, Check(
            CompareAndSet(1, K, 0, 1, Outcome.Done, 0, 10),
            CompareAndSet(2, K, 0, 2, Outcome.Refused, 0, 10),
            Read(3, K, 1, 11, 12)));
    }

    [Fact]
    public void A_compare_and_set_refused_while_nothing_else_changed_the_value_is_not()
    {
        Assert.Equal(Verdict.NotLinearizable, Check(
            Write(1, K, 5, Outcome.Done, 0, 1),
            CompareAndSet(2, K, 5, 6, Outcome.Refused, 2, 3)));
    }

    [Fact]
    public void An_unanswered_write_may_take_effect_late_or_never_but_not_before_its_call()
    {
        Assert.Equal(Verdict.Linearizable, Check(Write(1, K, 5, Outcome.Unknown, 0, 0), Read(2, K, 0, 10, 11), Read(2, K, 5, 50, 51)));
        Assert.Equal(Verdict.Linearizable, Check(Write(1, K, 5, Outcome.Unknown, 0, 0), Read(2, K, 0, 1000, 1001)));
        Assert.Equal(Verdict.NotLinearizable, Check(Read(2, K, 5, 0, 1), Write(1, K, 5, Outcome.Unknown, 10, 10)));
    }

    [Fact]
    public void An_unanswered_compare_and_set_applies_only_if_its_expectation_held()
    {
        Assert.Equal(Verdict.Linearizable, Check(CompareAndSet(1, K, 0, 7, Outcome.Unknown, 0, 0), Read(2, K, 7, 10, 11)));
        Assert.Equal(Verdict.NotLinearizable, Check(CompareAndSet(1, K, 3, 7, Outcome.Unknown, 0, 0), Read(2, K, 7, 10, 11)));
    }

    [Fact]
    public void Keys_are_checked_apart_and_a_violation_is_pinned_to_its_key_and_operation()
    {
        var report = LinearizabilityChecker.Check(
        [
            Write(1, "a", 5, Outcome.Done, 0, 10),
            Write(2, "b", 6, Outcome.Done, 0, 10),
            Read(3, "a", 5, 11, 12),
            Read(3, "b", 0, 13, 14),
            Read(4, "a", 5, 13, 14),
        ], initialValue: 0);

        Assert.Equal(Verdict.NotLinearizable, report.Verdict);
        Assert.Equal(Verdict.Linearizable, report.Keys.Single(k => k.Key == "a").Verdict);
        var b = report.Keys.Single(k => k.Key == "b");
        Assert.Equal(Verdict.NotLinearizable, b.Verdict);
        Assert.Equal(RegisterOpKind.Read, b.Stuck?.Kind);
        Assert.Contains("read b = 0", Assert.Single(report.Describe()));
    }

    [Fact]
    public void A_search_over_its_budget_is_inconclusive_rather_than_a_pass()
    {
        // Twelve fully concurrent writes and one read: many orders to try before the last read decides.
        var history = Enumerable.Range(1, 12).Select(i => Write(i, K, i, Outcome.Done, 0, 100))
            .Append(Read(99, K, 42, 200, 201))
            .ToArray();
        Assert.Equal(Verdict.Inconclusive, LinearizabilityChecker.Check(history, 0, stepBudget: 50).Verdict);
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(history, 0).Verdict);
    }

    [Fact]
    public void Many_concurrent_clients_on_a_correct_register_are_accepted_quickly()
    {
        // A simulated atomic register: each operation takes effect at a random instant inside its interval.
        var random = new Random(7);
        var history = new List<RegisterOperation>();
        var events = new List<(long At, int Client, long Call, long Return, RegisterOpKind Kind, long Value)>();
        for (var client = 0; client < 8; client++)
        {
            long time = random.Next(5);
            for (var n = 0; n < 250; n++)
            {
                var call = time;
                var @return = call + 1 + random.Next(20);
                var kind = (RegisterOpKind)random.Next(3);
                events.Add((call + random.NextInt64(@return - call), client, call, @return, kind, (client * 1000) + n + 1));
                time = @return + random.Next(3);
            }
        }
        long register = 0;
        foreach (var e in events.OrderBy(e => e.At))
        {
            switch (e.Kind)
            {
                case RegisterOpKind.Read:
                    history.Add(Read(e.Client, K, register, e.Call, e.Return));
                    break;
                case RegisterOpKind.Write:
                    history.Add(Write(e.Client, K, e.Value, Outcome.Done, e.Call, e.Return));
                    register = e.Value;
                    break;
                default:
                    // Expect the current value half the time, so both outcomes occur.
                    var expected = random.Next(2) == 0 ? register : -1;
                    var swapped = expected == register;
                    history.Add(CompareAndSet(e.Client, K, expected, e.Value, swapped ? Outcome.Done : Outcome.Refused, e.Call, e.Return));
                    register = swapped ? e.Value : register;
                    break;
            }
        }

        var report = LinearizabilityChecker.Check(history, 0);
        Assert.Equal(Verdict.Linearizable, report.Verdict);

        // And one corrupted read anywhere in it is found.
        var index = history.FindIndex(100, o => o.Kind == RegisterOpKind.Read);
        history[index] = history[index] with { Value = history[index].Value + 1_000_000 };
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(history, 0).Verdict);
    }
}
