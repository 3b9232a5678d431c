namespace PSC8.Server.Tests.Infrastructure;

/// <summary>A test that runs c8local as a child process on its own data folder (removed afterwards), signing in as root.</summary>
public abstract class DataFolderTest : IDisposable
{
    protected const string Password = "durable-password";

    protected const string RootEmail = "root@c8.local";

    protected string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "c8local-data-" + Guid.NewGuid().ToString("N"));

    /// <summary>Command-line arguments for a server on the data folder with the known root password.</summary>
    protected string[] Args => ["--data", DataFolder, "--port", "0", "--root-password", Password];

    protected static RegionClient Client(C8LocalProcess server, string region, string? token) =>
        new(region, server.UrlOf(region), token is null ? null : "bearer " + token, $"{region}.c8.local");

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        GC.SuppressFinalize(this);
    }
}
