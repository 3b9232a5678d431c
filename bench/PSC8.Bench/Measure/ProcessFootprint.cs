namespace PSC8.Bench.Measure;

/// <summary>
/// Another process's resident memory and open file descriptors, read from /proc as the kernel counts them, so the
/// figures include everything the process holds (managed heap, SQLite's caches, sockets, database files).
/// </summary>
public readonly record struct ProcessFootprint(long RssBytes, int OpenFiles)
{
    public static ProcessFootprint Read(int pid) => new(ResidentBytes(pid), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);

    /// <summary>
    /// The open descriptors by what they point at: socket, pipe, anon_inode (epoll, eventfd, …), or a file by its
    /// extension (.db, .db-wal, .db-shm for SQLite), so a leak shows what leaks.
    /// </summary>
    public static IReadOnlyDictionary<string, int> DescriptorKinds(int pid)
    {
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Directory.GetFileSystemEntries($"/proc/{pid}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed between listing and reading
            }
            var kind = target switch
            {
                null => "unknown",
                _ when target.StartsWith("socket:", StringComparison.Ordinal) => "socket",
                _ when target.StartsWith("pipe:", StringComparison.Ordinal) => "pipe",
                _ when target.StartsWith("anon_inode:", StringComparison.Ordinal) => "anon_inode",
                _ when target.StartsWith("/dev/", StringComparison.Ordinal) => "/dev",
                _ => Path.GetExtension(target) is { Length: > 0 } extension ? extension : "other file",
            };
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }
        return kinds;
    }

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:     123456 kB"
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS line.");
    }
}
