namespace PSC8.Server.Tests.Attacks;

/// <summary>
/// Issue 12, the row about the data folder: its SQLite files were 0644, and control.db holds the JWT signing secret,
/// from which a root token was forged. Now the folder is 0700, every file in it 0600, and a folder others may write
/// is refused at start.
/// </summary>
public sealed class DataFolderPermissionTests
{
    [Fact]
    public async Task The_data_folder_and_its_databases_are_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }
        var folder = Path.Combine(Path.GetTempPath(), "c8local-perm-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var host = await C8LocalHost.StartAsync(C8LocalOptions.ForTests() with { InMemory = false, DataDirectory = folder }))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                var files = Directory.GetFiles(folder);
                Assert.Contains(files, f => f.EndsWith("control.db", StringComparison.Ordinal));
                Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
                foreach (var file in files)
                {
                    Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
                }
            }
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                C8LocalHost.StartAsync(C8LocalOptions.ForTests() with { InMemory = false, DataDirectory = folder }));
            Assert.Contains("chmod 700", refused.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
