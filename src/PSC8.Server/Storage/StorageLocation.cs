namespace PSC8.Server.Storage;

/// <summary>
/// Where the databases live. In-memory mode keeps them in a private folder on a RAM-backed file system
/// when there is one (/dev/shm), removed at shutdown: the same engine and code path as durable mode.
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
            System.IO.Directory.CreateDirectory(dataDirectory);
            return new StorageLocation(Path.GetFullPath(dataDirectory), durable: true);
        }
        var root = System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, "c8local-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        return new StorageLocation(folder, durable: false);
    }

    public string PathOf(string file) => Path.Combine(Directory, file);

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
