namespace PSC8;

/// <summary>What Import-C8Document does with a document whose _key is already stored.</summary>
public enum C8ImportDuplicate
{
    /// <summary>Report it as an error and keep the stored one.</summary>
    Error,

    /// <summary>Merge the imported attributes into the stored document.</summary>
    Update,

    /// <summary>Replace the stored document.</summary>
    Replace,

    /// <summary>Keep the stored document and count the imported one as skipped.</summary>
    Ignore,
}
