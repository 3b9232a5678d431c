using System.Diagnostics;
using PSC8.Server.Hosting;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Connect-C8 succeeds only on a real GDN connection: a server that is not GDN, a wrong password or a missing fabric
/// end the call with a terminating error and leave the default as it was; what cannot get better (a refused port, an
/// untrusted certificate) fails at once; -MaximumRetryCount and -RetryIntervalSec mean what they mean to
/// Invoke-RestMethod.
/// </summary>
public sealed class ConnectC8Tests(ModuleServers servers) : CmdletTest(servers)
{
    // Loose: the box is shared; the old behaviour took 7.6 s of back-off or more.
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);

    public static TheoryData<int, string> NotGdnAnswers => new()
    {
        // A plain file server: 404 to everything.
        { 404, "/" },
        // A server that does not implement the sign-in.
        { 501, "/_open/auth" },
    };

    [Theory]
    [MemberData(nameof(NotGdnAnswers))]
    public async Task A_server_that_is_not_GDN_is_refused_and_the_previous_default_stays(int status, string path)
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, _) =>
        {
            context.Response.StatusCode = path == "/" || seen.Path == path ? status : 404;
            return Task.CompletedTask;
        });
        var previous = (C8Session)ConnectRoot().BaseObject;

        var result = Connect("Connect-C8 " + server.Url + " -Credential $Credential");

        AssertRefused(result, "C8.NotC8Server", ErrorCategory.InvalidArgument);
        Assert.Same(previous, Assert.Single(Run("Get-C8Connection -All").ShouldSucceed().Output).BaseObject);
        Assert.True(previous.IsDefault);
    }

    [Fact]
    public void A_wrong_password_is_a_terminating_security_error_that_does_not_show_it()
    {
        var result = Connect("Connect-C8 $Url -Credential ([pscredential]::new($Credential.UserName, (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force)))");

        AssertRefused(result, "C8.AuthenticationFailed", ErrorCategory.SecurityError);
        Assert.DoesNotContain("wrong-password", result.Terminating!.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Run("Get-C8Connection -All").ShouldSucceed().Output);
    }

    [Fact]
    public void A_fabric_that_does_not_exist_is_refused()
    {
        var result = Connect("Connect-C8 $Url -Credential $Credential -Fabric nosuch");

        AssertRefused(result, "C8.FabricNotFound", ErrorCategory.ObjectNotFound);
        Assert.Empty(Run("Get-C8Connection -All").ShouldSucceed().Output);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("root")]
    public void A_credential_needs_an_email_or_a_tenant(string userName)
    {
        Shell.Set("UserName", userName);

        var result = Connect("Connect-C8 $Url -Credential ([pscredential]::new($UserName, $Credential.Password))");

        AssertRefused(result, "C8.InvalidCredential", ErrorCategory.InvalidArgument);
        Assert.Empty(result.Requests);
    }

    [Theory]
    [InlineData("-Credential ([pscredential]::new('root', $Credential.Password)) -Tenant $Tenant")]
    [InlineData("-Credential ([pscredential]::new(\"$Tenant/root\", $Credential.Password))")]
    public void A_user_name_with_its_tenant_signs_in(string arguments)
    {
        Shell.Set("Tenant", C8.Host.Tenant);

        var session = Assert.IsType<C8Session>(Assert.Single(Run("Connect-C8 $Url " + arguments).ShouldSucceed().Output).BaseObject);

        Assert.Equal(("root", C8.Host.Tenant, "Password"), (session.User, session.Tenant, session.Authentication));
        Assert.Equal(3, Run("Get-C8Region").ShouldSucceed().Output.Count);
    }

    [Fact]
    public void A_refused_port_fails_at_once()
    {
        var result = Connect("Connect-C8 http://127.0.0.1:" + RawTcpServer.FreePort() + " -Credential $Credential");

        AssertRefused(result, "C8.ConnectionFailed", ErrorCategory.ConnectionError);
        Assert.True(result.Took < AtOnce, "took " + result.Took);
        Assert.DoesNotContain(result.Verbose, line => line.StartsWith("Waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_at_once_and_SkipCertificateCheck_connects()
    {
        using var certificate = new TestCertificate(new[] { "localhost" });
        await using var tls = await C8LocalHost.StartAsync(C8LocalOptions.ForTests("solo") with
        {
            TlsCertificatePath = certificate.CertificatePath,
            TlsKeyPath = certificate.KeyPath,
        });
        Shell.Set("Tls", tls.GlobalUrl.ToString());
        Assert.Equal("https", tls.GlobalUrl.Scheme);

        var untrusted = Connect("Connect-C8 $Tls -Credential $Credential");
        var skipped = Run("Connect-C8 $Tls -Credential $Credential -SkipCertificateCheck; Get-C8Region -Local").ShouldSucceed();

        AssertRefused(untrusted, "C8.CertificateNotTrusted", ErrorCategory.SecurityError);
        Assert.True(untrusted.Took < AtOnce, "took " + untrusted.Took);
        Assert.Contains("not trusted", untrusted.Terminating!.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("not sent", untrusted.Terminating.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("solo", Assert.IsType<PSC8.Client.Models.C8Region>(skipped.Output[1].BaseObject).Name);
    }

    [Fact]
    public async Task No_retries_make_a_busy_server_fail_at_once()
    {
        await using var busy = await BusyServerAsync();

        var result = Connect("Connect-C8 " + busy.Url + " -Credential $Credential -MaximumRetryCount 0");

        AssertRefused(result, "C8.ServiceUnavailable", ErrorCategory.ResourceUnavailable);
        Assert.Single(busy.Requests);
        Assert.True(result.Took < AtOnce, "took " + result.Took);
    }

    [Fact]
    public async Task A_retry_interval_is_waited_between_retries()
    {
        await using var busy = await BusyServerAsync();

        var result = Connect("Connect-C8 " + busy.Url + " -Credential $Credential -MaximumRetryCount 2 -RetryIntervalSec 1");

        AssertRefused(result, "C8.ServiceUnavailable", ErrorCategory.ResourceUnavailable);
        var waits = result.Verbose.Where(line => line.StartsWith("Waiting", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, waits.Length);
        Assert.StartsWith("Waiting 1.0 s before retry 1 of 2 of POST /_open/auth", waits[0], StringComparison.Ordinal);
        Assert.StartsWith("Waiting 1.0 s before retry 2 of 2 of POST /_open/auth", waits[1], StringComparison.Ordinal);
        Assert.Equal(3, busy.Requests.Count);
        Assert.True(result.Took >= TimeSpan.FromSeconds(1.9), "took " + result.Took);
    }

    private static Task<ScriptedServer> BusyServerAsync() =>
        ScriptedServer.StartAsync((context, _, _) => ScriptedServer.WriteJson(context, 503, """{"error":true,"errorNum":503,"errorMessage":"busy"}"""));

    /// <summary>Runs a Connect-C8 with its Verbose lines, timed.</summary>
    private TimedResult Connect(string script)
    {
        var watch = Stopwatch.StartNew();
        var result = RunCaught(script + " -Verbose");
        return new TimedResult(result, watch.Elapsed);
    }

    private static void AssertRefused(TimedResult result, string errorId, ErrorCategory category)
    {
        ErrorRecordAssert.Matches(result.Terminating, errorId, category);
        Assert.Equal(errorId + ",PSC8.Commands.ConnectC8Command", result.Terminating!.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    private sealed record TimedResult(PowerShellResult Result, TimeSpan Took)
    {
        public ErrorRecord? Terminating => Result.Terminating;

        public List<PSObject> Output => Result.Output;

        public List<string> Verbose => Result.Verbose;

        public IReadOnlyList<string> Requests => Result.Requests;
    }
}
