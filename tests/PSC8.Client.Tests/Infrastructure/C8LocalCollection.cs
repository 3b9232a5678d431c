namespace PSC8.Client.Tests.Infrastructure;

/// <summary>The test classes that share one C8 Local (xUnit wants the definition in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class C8LocalCollection : ICollectionFixture<C8LocalFixture>
{
    public const string Name = "C8 Local";
}
