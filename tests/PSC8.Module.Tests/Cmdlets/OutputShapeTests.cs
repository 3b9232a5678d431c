namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Objects shaped for people: values that say what they mean, and objects where the service has JSON.</summary>
public sealed class OutputShapeTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void A_region_says_it_is_online()
    {
        ConnectRoot();

        var region = Assert.Single(Run("Get-C8Region -Local").ShouldSucceed().Output);

        Assert.Equal("Online", region.Properties["Status"].Value.ToString());
    }

    [Fact]
    public void An_api_key_says_whether_it_is_active()
    {
        ConnectRoot();
        Shell.SetUnique("KeyId", "shape");
        Run("$null = New-C8ApiKey $KeyId").ShouldSucceed();

        var listed = Assert.Single(Run("Get-C8ApiKey $KeyId; Remove-C8ApiKey $KeyId").ShouldSucceed().Output);

        Assert.Equal(true, listed.Properties["Active"].Value);
    }

    [Fact]
    public void A_saved_querys_parameters_are_an_object_that_goes_back_in_as_is()
    {
        ConnectRoot();
        Shell.SetUnique("Worker", "shape");

        var result = Run("$w = New-C8RestQL $Worker -Query 'RETURN @n * @m' -Parameter @{ n = 2; m = 3 }; $w.Parameter.n; $w | Set-C8RestQL -Query 'RETURN @n + @m' -Parameter $w.Parameter; Invoke-C8RestQL $Worker; Remove-C8RestQL $Worker").ShouldSucceed();

        Assert.Equal(new object[] { 2, 5 }, result.Output.Select(o => o.BaseObject));
    }
}
