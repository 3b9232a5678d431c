namespace PSC8.Server.Documents;

/// <summary>What an insert does when the key already exists (ArangoDB 3.7's overwriteMode).</summary>
internal enum OverwriteMode
{
    /// <summary>Fail with 1210 (the default).</summary>
    Conflict,
    /// <summary>Leave the stored document alone and report success.</summary>
    Ignore,
    Replace,
    Update,
}

/// <summary>Options shared by document writes over REST and by C8QL write operations.</summary>
internal sealed record WriteOptions
{
    public static WriteOptions Default { get; } = new();

    /// <summary>Update: false removes attributes whose new value is null.</summary>
    public bool KeepNull { get; init; } = true;

    /// <summary>Update: true merges sub-objects, false replaces them.</summary>
    public bool MergeObjects { get; init; } = true;

    /// <summary>False makes a <c>_rev</c> in the given document a precondition (412/1200 when it differs).</summary>
    public bool IgnoreRevs { get; init; } = true;

    public OverwriteMode Overwrite { get; init; } = OverwriteMode.Conflict;

    public bool WaitForSync { get; init; }

    /// <summary>A precondition from If-Match (or a rev in a remove selector), checked whatever IgnoreRevs says.</summary>
    public string? ExpectedRev { get; init; }
}

/// <summary>The outcome of one document write. <see cref="Old"/>/<see cref="New"/> are whole documents with _id, _key, _rev.</summary>
internal sealed record WriteResult(string Id, string Key, string Rev, string? OldRev, C8Object? Old, C8Object? New, bool Ignored);
