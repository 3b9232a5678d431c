namespace PSC8.Server.Tests.Promise;

/// <summary>The switch between the test-sized run and a soak, and the seed that replays a run.</summary>
public sealed class PromiseBudgetTests
{
    private static PromiseBudget From(params (string Name, string Value)[] variables) =>
        PromiseBudget.FromEnvironment(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Without_variables_the_run_is_sized_for_the_test_suite()
    {
        var budget = From();
        Assert.False(budget.Soak);
        Assert.Equal(TimeSpan.FromSeconds(3), budget.Load);
        Assert.Equal(3, budget.Kills);
        Assert.Equal(1, budget.Episodes);
    }

    [Fact]
    public void A_soak_scales_every_scenario_with_its_length_and_a_seed_replays_the_random_choices()
    {
        var budget = From((PromiseBudget.SoakVariable, "600"), (PromiseBudget.SeedVariable, "42"));
        Assert.True(budget.Soak);
        Assert.Equal(TimeSpan.FromSeconds(600), budget.Load);
        Assert.Equal(150, budget.Kills);
        Assert.Equal(120, budget.Episodes);
        Assert.Equal(40, budget.PartitionCycles);
        Assert.Equal(24_000, budget.ClientOperations);
        Assert.Equal(42, budget.Seed);
        Assert.Equal(budget.Random(7).Next(), From((PromiseBudget.SeedVariable, "42")).Random(7).Next());
    }

    [Theory]
    [InlineData(PromiseBudget.SoakVariable, "ten")]
    [InlineData(PromiseBudget.SoakVariable, "0")]
    [InlineData(PromiseBudget.SeedVariable, "1.5")]
    public void Bad_values_are_refused_by_name(string name, string value)
    {
        Assert.Contains(name, Assert.Throws<ArgumentException>(() => From((name, value))).Message);
    }
}
