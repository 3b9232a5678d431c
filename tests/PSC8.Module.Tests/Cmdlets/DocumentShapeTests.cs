namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Objects are stored with the properties ConvertTo-Json would give them, whichever way the module reads them (its
/// fast path for plain property bags, PowerShell's member collections for the rest).
/// </summary>
public sealed class DocumentShapeTests(ModuleServers servers) : CmdletTest(servers)
{
    [Theory]
    [InlineData("plain", "[pscustomobject]@{ _key = 'k'; name = 'Ann'; n = 1 }")]
    [InlineData("from CSV", "\"_key,name,n`nk,Ann,1\" | ConvertFrom-Csv")]
    [InlineData("selected", "[pscustomobject]@{ _key = 'k'; name = 'Ann'; n = 1; dropped = 2 } | Select-Object _key, name, n")]
    [InlineData("with members added", "[pscustomobject]@{ _key = 'k'; name = 'Ann' } | Add-Member -MemberType ScriptProperty -Name n -Value { 1 } -PassThru | Add-Member -MemberType ScriptMethod -Name m -Value { 2 } -PassThru")]
    [InlineData("of a type with type data", "Update-TypeData -TypeName PSC8.Tests.Account -MemberType ScriptProperty -MemberName n -Value { 1 } -Force; [pscustomobject]@{ PSTypeName = 'PSC8.Tests.Account'; _key = 'k'; name = 'Ann' }")]
    [InlineData("of a .NET type", "[System.Collections.Generic.KeyValuePair[string,int]]::new('k', 1) | Select-Object @{ n = '_key'; e = { $_.Key } }, @{ n = 'name'; e = { 'Ann' } }, @{ n = 'n'; e = { $_.Value } }")]
    public void An_object_is_stored_with_the_properties_ConvertTo_Json_gives_it(string kind, string make)
    {
        ConnectRoot();
        Shell.SetUnique("Collection", "shape");
        Run("New-C8Collection $Collection").ShouldSucceed();

        var stored = Run($"$o = & {{ {make} }}; $o | Add-C8Document $Collection; $o | ConvertTo-Json -Compress; Get-C8Document $Collection k -AsJson").ShouldSucceed();

        var expected = System.Text.Json.JsonDocument.Parse((string)stored.Output[0].BaseObject).RootElement;
        var actual = System.Text.Json.JsonDocument.Parse((string)stored.Output[1].BaseObject).RootElement;
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(property.Name, out var value), kind + ": " + property.Name + " is missing");
            Assert.Equal(property.Value.GetRawText(), value.GetRawText());
        }

        Assert.Equal(expected.EnumerateObject().Count(), actual.EnumerateObject().Count(p => p.Name is not ("_id" or "_rev")));
    }
}
