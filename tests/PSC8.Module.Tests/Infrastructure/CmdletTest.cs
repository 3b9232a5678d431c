namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// Base of the tests that run cmdlets: each test gets its own runspace with the module imported, and variables for
/// reaching both servers — $Url, $Regions (name to URL) and $Credential for the main C8 Local; $OtherUrl and
/// $OtherCredential for the second one. Every connection a test opened is closed afterwards.
/// </summary>
[Collection(ModuleServersCollection.Name)]
public abstract class CmdletTest : IDisposable
{
    protected CmdletTest(ModuleServers servers)
    {
        Servers = servers;
        Shell = new PowerShellSession()
            .Set("Url", C8.Host.GlobalUrl.ToString())
            .Set("Regions", C8.Host.Regions.ToDictionary(r => r.Name, r => r.Url.ToString()))
            .Set("Credential", CredentialOf(C8))
            .Set("OtherUrl", Other.Host.GlobalUrl.ToString())
            .Set("OtherCredential", CredentialOf(Other));
    }

    protected ModuleServers Servers { get; }

    /// <summary>The main C8 Local; its root connection sets up and checks what a test did.</summary>
    protected C8LocalFixture C8 => Servers.Main;

    /// <summary>The second C8 Local.</summary>
    protected C8LocalFixture Other => Servers.Other;

    protected PowerShellSession Shell { get; }

    protected PowerShellResult Run(string script) => Shell.Run(script);

    /// <summary>
    /// Runs <paramref name="command"/> inside a try/catch, as a script that handles errors does: a terminating error
    /// (ThrowTerminatingError, which in a script stops only its own statement) is caught and returned in
    /// <see cref="PowerShellResult.Terminating"/>; non-terminating errors are not caught and stay in Errors.
    /// </summary>
    protected PowerShellResult RunCaught(string command)
    {
        var result = Shell.Run("$caught = $null; try { " + command + " } catch { $caught = $_ }");
        result.Terminating ??= Shell.Get("caught") as ErrorRecord;
        return result;
    }

    /// <summary>Connects as root to the main server (the new default) and returns the connection object.</summary>
    protected PSObject ConnectRoot(string? fabric = null) =>
        Assert.Single(Run("Connect-C8 -Url $Url -Credential $Credential" + (fabric is null ? string.Empty : " -Fabric " + fabric)).ShouldSucceed().Output);

    public void Dispose()
    {
        CleanUp();
        Shell.Run("Get-C8Connection -All | Disconnect-C8");
        Shell.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a test class leaves behind besides its connections (files, folders).</summary>
    protected virtual void CleanUp()
    {
    }

    private static PSCredential CredentialOf(C8LocalFixture server) =>
        new(server.Host.RootEmail, C8LocalFixture.Secure(server.Host.RootPassword));
}
