namespace PSC8.Client.Models;

/// <summary>What an insert does when the key already exists (ArangoDB 3.7+ <c>overwriteMode</c>).</summary>
public enum C8OverwriteMode
{
    /// <summary>Keep the existing document, report success.</summary>
    Ignore,

    /// <summary>Replace the existing document.</summary>
    Replace,

    /// <summary>Merge into the existing document.</summary>
    Update,

    /// <summary>Fail with a unique constraint error (the default behaviour).</summary>
    Conflict,
}

/// <summary>Insert flags; null leaves the server default.</summary>
public sealed class C8InsertOptions
{
    /// <summary>Return the stored document (<c>returnNew</c>).</summary>
    public bool? ReturnNew { get; set; }

    /// <summary>Return the replaced document when overwriting (<c>returnOld</c>).</summary>
    public bool? ReturnOld { get; set; }

    /// <summary>Return nothing (<c>silent</c>).</summary>
    public bool? Silent { get; set; }

    /// <summary>Replace an existing document with the same key (<c>overwrite</c>).</summary>
    public bool? Overwrite { get; set; }

    /// <summary>What to do when the key exists (<c>overwriteMode</c>).</summary>
    public C8OverwriteMode? OverwriteMode { get; set; }

    /// <summary>With <see cref="C8OverwriteMode.Update"/>: remove attributes set to null (<c>keepNull=false</c>).</summary>
    public bool? KeepNull { get; set; }

    /// <summary>With <see cref="C8OverwriteMode.Update"/>: merge sub-objects (<c>mergeObjects</c>).</summary>
    public bool? MergeObjects { get; set; }

    /// <summary>Wait for disk sync (<c>waitForSync</c>).</summary>
    public bool? WaitForSync { get; set; }
}

/// <summary>The flags every change of stored documents takes (replace, update, delete); null leaves the server default.</summary>
public abstract class C8ChangeOptions
{
    // Only this library's options derive from it: the document API knows each of them.
    private protected C8ChangeOptions()
    {
    }

    /// <summary>Return the document as it was before the change (<c>returnOld</c>).</summary>
    public bool? ReturnOld { get; set; }

    /// <summary>Return nothing (<c>silent</c>).</summary>
    public bool? Silent { get; set; }

    /// <summary>Wait for disk sync (<c>waitForSync</c>).</summary>
    public bool? WaitForSync { get; set; }

    /// <summary>False makes a <c>_rev</c> in the body (or in each item) a precondition (<c>ignoreRevs</c>).</summary>
    public bool? IgnoreRevs { get; set; }

    /// <summary>Single-document calls only: the revision the document must have (<c>If-Match</c>), else 412.</summary>
    public string? IfMatch { get; set; }
}

/// <summary>Replace flags; null leaves the server default.</summary>
public class C8ReplaceOptions : C8ChangeOptions
{
    /// <summary>Return the stored document (<c>returnNew</c>).</summary>
    public bool? ReturnNew { get; set; }
}

/// <summary>Update (merge) flags; null leaves the server default.</summary>
public sealed class C8UpdateOptions : C8ReplaceOptions
{
    /// <summary>False removes attributes set to null (<c>keepNull</c>).</summary>
    public bool? KeepNull { get; set; }

    /// <summary>False overwrites sub-objects instead of merging them (<c>mergeObjects</c>).</summary>
    public bool? MergeObjects { get; set; }
}

/// <summary>Delete flags; null leaves the server default.</summary>
public sealed class C8DeleteOptions : C8ChangeOptions
{
}

/// <summary>Read conditions.</summary>
public sealed class C8ReadOptions
{
    /// <summary>Fail with 412 unless the document has this revision (<c>If-Match</c>).</summary>
    public string? IfMatch { get; set; }

    /// <summary>Return "not modified" when the document still has this revision (<c>If-None-Match</c>).</summary>
    public string? IfNoneMatch { get; set; }

    /// <summary>Read a spot collection in the spot region (<c>strongConsistency=true</c>).</summary>
    public bool? StrongConsistency { get; set; }
}

/// <summary>Import flags.</summary>
public sealed class C8ImportOptions
{
    /// <summary>Report each failed document (<c>details</c>).</summary>
    public bool Details { get; set; }

    /// <summary>Attribute to use as <c>_key</c> (<c>primaryKey</c>).</summary>
    public string? PrimaryKey { get; set; }

    /// <summary>Replace documents whose key exists (<c>replace</c>).</summary>
    public bool? Replace { get; set; }
}
