namespace PSC8.Server.Tests.Infrastructure;

/// <summary>A test class on a shared C8 Local (<typeparamref name="TFixture"/>) that talks to it as root in one region.</summary>
public abstract class HostTest<TFixture>(TFixture fixture, string region = Dc.UsWest) : IClassFixture<TFixture>
    where TFixture : C8HostFixture
{
    /// <summary>The shared C8 Local.</summary>
    protected TFixture Fx { get; } = fixture;

    /// <summary>The root client of the region this class talks to.</summary>
    protected RegionClient Api => Fx.Api(region);
}
