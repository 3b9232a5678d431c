using System.Security;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Connect-C8, Get-C8Connection and Disconnect-C8: one default per runspace, more connections beside it, closed ones
/// refused, and no secret in what a connection or an API key shows or what the module logs.
/// </summary>
public sealed class ConnectionCmdletTests(ModuleServers servers) : CmdletTest(servers)
{
    private string Password => C8.Host.RootPassword;

    [Fact]
    public void A_connection_becomes_the_default_and_describes_itself_without_secrets()
    {
        var connection = ConnectRoot();
        var shown = Run("$c = Get-C8Connection; $c; $c | Format-List * | Out-String; $c | ConvertTo-Json").ShouldSucceed();

        var session = Assert.IsType<C8Session>(shown.Output[0].BaseObject);
        Assert.Same(connection.BaseObject, session);
        Assert.True(session.IsDefault);
        Assert.Equal(("us-west", C8.Host.Tenant, "Password", "_system"), (session.Region, session.Tenant, session.Authentication, session.Fabric));
        Assert.True(session.TokenExpires > DateTimeOffset.UtcNow);
        foreach (var text in shown.Output.Skip(1).Select(o => (string)o.BaseObject))
        {
            Assert.Contains("us-west", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Connections_to_each_region_work_side_by_side_without_moving_the_default()
    {
        var result = Run("""
            $global = Connect-C8 $Url -Credential $Credential
            $eu = Connect-C8 $Regions['eu-central'] -Credential $Credential -KeepDefault
            $ap = Connect-C8 $Regions['ap-south'] -Credential $Credential -KeepDefault
            (Get-C8Region -Local -Connection $eu).Name
            (Get-C8Region -Local -Connection $ap).Name
            (Get-C8Region -Local).Name
            """).ShouldSucceed();
        var all = Run("Get-C8Connection -All").ShouldSucceed().Objects<C8Session>().ToArray();

        Assert.Equal(new object[] { "eu-central", "ap-south", "us-west" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(new[] { 1, 2, 3 }, all.Select(s => s.Id));
        Assert.Equal(new[] { "us-west", "eu-central", "ap-south" }, all.Select(s => s.Region));
        Assert.Equal(new[] { true, false, false }, all.Select(s => s.IsDefault));
    }

    [Fact]
    public void Closing_the_default_leaves_no_default_and_a_closed_connection_is_refused()
    {
        Run("$first = Connect-C8 $Url -Credential $Credential; $second = Connect-C8 $Url -Credential $Credential -KeepDefault; Disconnect-C8").ShouldSucceed();

        Assert.Empty(Run("Get-C8Connection").ShouldSucceed().Output);
        var none = RunCaught("Get-C8Region").Terminating;
        ErrorRecordAssert.Matches(none, "C8.NotConnected", ErrorCategory.ConnectionError);
        Assert.Contains("Connect-C8", none!.Exception.Message, StringComparison.Ordinal);
        ErrorRecordAssert.Matches(RunCaught("Get-C8Region -Connection $first").Terminating, "C8.ConnectionClosed", ErrorCategory.ConnectionError);
        Assert.Equal(3, Run("Get-C8Region -Connection $second").ShouldSucceed().Output.Count);
        Assert.Equal(false, Run("$first.IsOpen").Output.Single().BaseObject);
    }

    [Fact]
    public void Each_runspace_has_its_own_default()
    {
        ConnectRoot();
        using var other = new PowerShellSession();

        Assert.Empty(other.Run("Get-C8Connection -All").ShouldSucceed().Output);
        Assert.Equal("C8.NotConnected,PSC8.Commands.GetC8RegionCommand", other.Run("try { Get-C8Region } catch { $_.FullyQualifiedErrorId }").Output.Single().BaseObject);
        Assert.Single(Run("Get-C8Connection").ShouldSucceed().Output);
    }

    [Fact]
    public async Task An_api_key_is_returned_once_as_a_SecureString_and_connects_without_showing_it()
    {
        var keyId = Shell.SetUnique("KeyId", "key");
        ConnectRoot();
        try
        {
            var created = Run("$key = New-C8ApiKey $KeyId; $key; $key | Format-List * | Out-String; $key | ConvertTo-Json; Get-C8ApiKey $KeyId | Format-List * | Out-String").ShouldSucceed();
            var secure = Assert.IsType<SecureString>(Run("$key.ApiKey").Output.Single().BaseObject);
            var secret = new System.Net.NetworkCredential(string.Empty, secure).Password;

            // A key with no access yet still connects (the documented flow connects before it grants).
            var keyed = Run("$keyed = Connect-C8 $Url -ApiKey $key.ApiKey -KeepDefault -Verbose; $keyed; $keyed | ConvertTo-Json").ShouldSucceed();
            Run("Set-C8AccessLevel $KeyId _system ro").ShouldSucceed();
            var read = Run("Get-C8Collection -Connection $keyed -Verbose").ShouldSucceed();

            Assert.StartsWith(C8.Host.Tenant + "." + keyId + ".", secret, StringComparison.Ordinal);
            Assert.True(secure.IsReadOnly());
            var session = Assert.IsType<C8Session>(keyed.Output[0].BaseObject);
            Assert.Equal(("ApiKey", C8.Host.Tenant), (session.Authentication, session.Tenant));
            Assert.NotEmpty(read.Requests);
            var shown = created.Output.Skip(1).Concat(keyed.Output.Skip(1)).Select(o => (string)o.BaseObject).Concat(keyed.Verbose).Concat(read.Verbose).ToArray();
            Assert.All(shown, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
        finally
        {
            await C8.Root.ApiKeys.DeleteAsync(keyId);
        }
    }

    [Fact]
    public void Request_log_lines_reach_Verbose_and_never_show_the_password_or_token()
    {
        var result = Run("$c = Connect-C8 $Url -Credential $Credential -Verbose; Get-C8Collection -Verbose").ShouldSucceed();

        Assert.Contains(result.Requests, r => r.StartsWith("GET /_fabric/_system/_api/collection", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, line => line.StartsWith("Signing in", StringComparison.Ordinal));
        Assert.All(result.Verbose, line => Assert.DoesNotContain(Password, line, StringComparison.Ordinal));
        Assert.All(result.Verbose, line => Assert.DoesNotContain("eyJ", line, StringComparison.Ordinal));
    }
}
