using System.Diagnostics;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Start-C8Local and Stop-C8Local run the real c8local as a child process: the module finds the server built in this
/// repository, the object it returns connects by pipeline, a clean stop keeps a -DataPath's writes for the next start,
/// and a server that cannot start says why.
/// </summary>
public sealed class C8LocalCmdletTests(ModuleServers servers) : CmdletTest(servers)
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "psc8-local-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Start_C8Local_piped_to_Connect_C8_connects_as_root_and_Stop_C8Local_ends_the_process()
    {
        var started = Run("$server = Start-C8Local -Region alpha, beta; $server; $server | Connect-C8 | Out-Null; Get-C8Region | ForEach-Object Name").ShouldSucceed();
        var server = Assert.Single(started.Objects<C8LocalServer>());
        using var process = Process.GetProcessById(server.ProcessId);

        Assert.Equal(new[] { "alpha", "beta" }, server.Regions.Keys.Cast<string>());
        Assert.Equal(server.Regions["alpha"], server.Url);
        Assert.Equal(new[] { "alpha", "beta" }, started.Output.Select(o => o.BaseObject).OfType<string>());
        Assert.Equal("root@c8.local", server.Credential.UserName);

        Run("$server | Stop-C8Local").ShouldSucceed();

        Assert.True(process.WaitForExit(5000), "c8local still runs after Stop-C8Local");
        Assert.True(server.HasExited);
        Assert.Equal(0, server.ExitCode);
        Run("$server | Stop-C8Local").ShouldSucceed();
    }

    [Fact]
    public void A_clean_stop_keeps_what_was_written_to_the_data_path_for_the_next_start()
    {
        Shell.Set("Data", _data).Set("Admin", new PSCredential("admin@example.com", C8LocalFixture.Secure("Admin-pw-1")));

        Run("$first = Start-C8Local -Region solo -DataPath $Data -Credential $Admin; $first | Connect-C8 | Out-Null; New-C8Fabric kept | Out-Null; $first | Stop-C8Local").ShouldSucceed();
        var second = Run("$second = Start-C8Local -Region solo -DataPath $Data -Credential $Admin; $second | Connect-C8 | Out-Null; Get-C8Fabric kept | ForEach-Object Name; $second | Stop-C8Local").ShouldSucceed();

        Assert.Equal(new object[] { "kept" }, second.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void TLS_and_the_replication_delay_reach_the_server()
    {
        using var certificate = new TestCertificate(new[] { "localhost" });
        Shell.Set("Certificate", certificate.CertificatePath).Set("Key", certificate.KeyPath);
        var setUp = Run("""
            $tls = Start-C8Local -Region east, west -TlsCertificatePath $Certificate -TlsKeyPath $Key -ReplicationDelay (New-TimeSpan -Seconds 3)
            $tls.Url
            $tls | Connect-C8 -SkipCertificateCheck | Out-Null
            $west = Connect-C8 $tls.Regions['west'] -Credential $tls.Credential -SkipCertificateCheck -KeepDefault
            New-C8Collection rows | Out-Null
            @{ _key = 'a' } | Add-C8Document rows
            """).ShouldSucceed();

        var early = RunCaught("Get-C8Document rows a -Connection $west");
        var late = Run("Start-Sleep -Seconds 4; Get-C8Document rows a -Connection $west | ForEach-Object _key; $tls | Stop-C8Local").ShouldSucceed();

        Assert.StartsWith("https://", (string)setUp.Output.Single().BaseObject, StringComparison.Ordinal);
        ErrorRecordAssert.SingleNonTerminating(early, "C8.DocumentNotFound", ErrorCategory.ObjectNotFound, "a");
        Assert.Equal(new object[] { "a" }, late.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_server_that_is_missing_or_cannot_start_is_a_clear_error_and_WhatIf_starts_nothing()
    {
        var missing = RunCaught("Start-C8Local -Path ./no/such/c8local.dll");
        var refused = RunCaught("Start-C8Local -ArgumentList --no-such-option");
        var whatIf = Run("Start-C8Local -WhatIf").ShouldSucceed();

        ErrorRecordAssert.Matches(missing.Terminating, "C8.C8LocalNotFound", ErrorCategory.ObjectNotFound);
        ErrorRecordAssert.Matches(refused.Terminating, "C8.C8LocalNotStarted", ErrorCategory.ResourceUnavailable);
        Assert.Contains("Unknown option '--no-such-option'", refused.Terminating!.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(whatIf.Output);
    }

    protected override void CleanUp()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
