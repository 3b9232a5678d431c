namespace PSC8;

/// <summary>What Import-C8Document did with one file.</summary>
public sealed class C8ImportSummary
{
    internal C8ImportSummary(string path, string fabric, string collection)
    {
        Path = path;
        Fabric = fabric;
        Collection = collection;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    public string Fabric { get; }

    public string Collection { get; }

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
