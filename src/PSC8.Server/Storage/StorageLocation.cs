namespace PSC8.Server.Storage;

/// <summary>
/// Where the databases live. In-memory mode keeps them in a private folder on a RAM-backed file system
/// when there is one (/dev/shm), removed at shutdown: the same engine and code path as durable mode.
/// On Unix the folder is 0700 and the databases 0600 (SQLite gives its -wal and -shm files the database's mode):
/// control.db holds the JWT signing secret, from which anyone who reads it could forge a root token. A data folder
/// that others may write is refused.
/// </summary>
internal sealed class StorageLocation : IDisposable
{
    private StorageLocation(string directory, bool durable)
    {
        Directory = directory;
        Durable = durable;
    }

    public string Directory { get; }

    public bool Durable { get; }

    public static StorageLocation Create(string? dataDirectory, bool inMemory)
    {
        if (!inMemory && dataDirectory is not null)
        {
            var existed = System.IO.Directory.Exists(dataDirectory);
            CreatePrivateDirectory(dataDirectory);
            if (existed && !OperatingSystem.IsWindows() &&
                (File.GetUnixFileMode(dataDirectory) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException(
                    $"the data folder '{dataDirectory}' may be written by other users; make it private (chmod 700) and start again");
            }
            return new StorageLocation(Path.GetFullPath(dataDirectory), durable: true);
        }
        var root = System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, "c8local-" + Guid.NewGuid().ToString("N"));
        CreatePrivateDirectory(folder);
        return new StorageLocation(folder, durable: false);
    }

    /// <summary>The path of a database file, created (or made) readable and writable by the owner alone first.</summary>
    public string PathOf(string file)
    {
        var path = Path.Combine(Directory, file);
        if (!OperatingSystem.IsWindows())
        {
            if (!File.Exists(path))
            {
                using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
                {
                }
            }
            File.SetUnixFileMode(path, PrivateFile);
        }
        return path;
    }

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        if (!Durable)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a file still open on some platform leaves a temp folder behind, nothing more.
            }
        }
    }
}
