namespace PSC8.Engine;

/// <summary>Combines -SpotCreationType and -SpotDc into the one choice the client sends.</summary>
internal static class SpotRegionChoice
{
    /// <exception cref="C8CommandException">The two parameters contradict each other, or SpotRegion lacks -SpotDc.</exception>
    public static C8SpotRegion Resolve(SpotCreationType? type, string? spotDc)
    {
        var named = !string.IsNullOrWhiteSpace(spotDc);
        switch (type)
        {
            case null when named:
            case SpotCreationType.SpotRegion when named:
                return C8SpotRegion.Named(spotDc!);
            case SpotCreationType.SpotRegion:
                throw C8CommandException.InvalidArgument("C8.SpotRegionMissing", "-SpotCreationType SpotRegion needs -SpotDc to name the region.");
            case SpotCreationType.None when !named:
                return C8SpotRegion.None;
            case null:
            case SpotCreationType.Automatic when !named:
                return C8SpotRegion.Automatic;
            default:
                throw C8CommandException.InvalidArgument("C8.SpotRegionConflict", "-SpotDc names a spot region, which contradicts -SpotCreationType " + type + ".");
        }
    }
}
