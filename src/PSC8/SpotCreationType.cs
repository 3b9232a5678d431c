namespace PSC8;

/// <summary>How New-C8Fabric chooses the spot region (pyC8's SPOT_CREATION_TYPES).</summary>
public enum SpotCreationType
{
    /// <summary>The server picks a spot-capable region of the fabric.</summary>
    Automatic,

    /// <summary>No spot region: the fabric cannot hold spot collections.</summary>
    None,

    /// <summary>The region named by -SpotDc.</summary>
    SpotRegion,
}
