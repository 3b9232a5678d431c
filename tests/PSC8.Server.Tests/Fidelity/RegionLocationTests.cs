namespace PSC8.Server.Tests.Fidelity;

/// <summary>A C8 Local with two regions beyond the default ones: eu-west placed with --region-location, us-east not.</summary>
public sealed class PlacedRegionsFixture : C8HostFixture
{
    protected override C8LocalOptions CreateOptions() => C8LocalOptions.ForTests(Dc.UsWest, "eu-west", "us-east") with
    {
        Locations = CommandLine.Parse(["--regions", "us-west,eu-west,us-east", "--region-location", "eu-west=53.35,-6.26,ie,Ireland,Dublin"], _ => null).Locations,
    };
}

/// <summary>
/// Datacenter locationInfo per simulated region (issue 18, item 5). pyC8's test_fabric/test_datacenter cassette shows
/// locationInfo {city, countrycode, countryname, latitude, longitude, url} with coordinates as text.
/// </summary>
public sealed class RegionLocationTests(PlacedRegionsFixture fx) : IClassFixture<PlacedRegionsFixture>
{
    [Fact]
    public async Task A_placed_region_shows_its_place_and_an_unplaced_one_empty_fields()
    {
        var all = (await fx.Api().GetAsync("/_api/datacenter/all")).ShouldBe(200).Array;
        var west = all.Single(r => r.Str("name") == "eu-west")!.AsObject().Obj("locationInfo");
        var east = all.Single(r => r.Str("name") == "us-east")!.AsObject().Obj("locationInfo");

        Assert.Equal(("53.35", "-6.26", "IE", "Ireland", "Dublin"),
            (west.Str("latitude"), west.Str("longitude"), west.Str("countrycode"), west.Str("countryname"), west.Str("city")));
        Assert.Equal(("", "", ""), (east.Str("latitude"), east.Str("longitude"), east.Str("countrycode")));
        Assert.Equal(fx.RegionHost("us-east"), east.Str("url"));
    }

    [Theory]
    [InlineData("eu-west")]
    [InlineData("eu-west=91,0,IE")]
    [InlineData("eu-west=53,-6,IRL")]
    [InlineData("nowhere=1,2,XX")]
    public void A_bad_or_unknown_region_location_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--regions", "eu-west", "--region-location", value], _ => null));
        Assert.Contains("--region-location", error.Message);
    }
}
