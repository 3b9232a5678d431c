namespace PSC8;

/// <summary>What Import-C8Document did with one file.</summary>
/// <param name="path">The file.</param>
/// <param name="fabric">The fabric imported into.</param>
/// <param name="collection">The collection imported into.</param>
public sealed class C8ImportSummary(string path, string fabric, string collection)
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    public string Fabric { get; } = fabric;

    public string Collection { get; } = collection;

    /// <summary>Documents the file holds.</summary>
    public long Documents { get; internal set; }

    /// <summary>Documents stored new (or, with -OnDuplicate Replace, stored in place of one with their key).</summary>
    public long Created { get; internal set; }

    /// <summary>Stored documents the file's ones were merged into (-OnDuplicate Update).</summary>
    public long Updated { get; internal set; }

    /// <summary>Documents left out because one with their key was stored (-OnDuplicate Ignore).</summary>
    public long Skipped { get; internal set; }

    /// <summary>Documents the server refused, each reported as an error naming its line.</summary>
    public long Failed { get; internal set; }

    public override string ToString() => Path + ": " + Created + " created, " + Updated + " updated, " + Skipped + " skipped, " + Failed + " failed";
}
