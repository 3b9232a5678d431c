namespace PSC8.Module.Tests.Cmdlets;

/// <summary>What Get-Help shows in a session that imported the module: the about topic and the real output types.</summary>
public sealed class HelpInSessionTests(ModuleServers servers) : CmdletTest(servers)
{
    [Fact]
    public void The_about_topic_explains_the_concepts_and_names_only_real_cmdlets()
    {
        var text = (string)Run("Get-Help about_PSC8 | Out-String").ShouldSucceed().Output.Single().BaseObject;
        var named = System.Text.RegularExpressions.Regex.Matches(text, @"\b[A-Z][a-z]+-C8[A-Za-z]*\b").Select(m => m.Value).Distinct().ToArray();
        var exported = Run("(Get-Command -Module PSC8).Name").ShouldSucceed().Output.Select(o => (string)o.BaseObject).ToHashSet();

        foreach (var heading in new[] { "CONNECTIONS", "REGIONS AND FABRICS", "SPOT COLLECTIONS", "STREAMING", "ERRORS" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("Use-C8Connection", named);
        Assert.All(named, name => Assert.Contains(name, exported));
    }

    [Theory]
    [InlineData("Get-C8Document")]
    [InlineData("Invoke-C8Query")]
    [InlineData("Invoke-C8RestQL")]
    [InlineData("Add-C8Document")]
    [InlineData("Set-C8Document")]
    public void Document_cmdlets_name_the_document_type_in_their_outputs(string cmdlet)
    {
        Shell.Set("Cmdlet", cmdlet);
        var types = Run("(Get-Help $Cmdlet -Full).returnValues.returnValue.type.name").ShouldSucceed().Output.Select(o => ((string)o.BaseObject).Trim()).ToArray();

        Assert.Contains("PSC8.Document", types);
    }
}
