namespace PSC8.Server.Query.Execution;

/// <summary>
/// Roughly how many bytes a value keeps alive: what a query's memory limit counts. An estimate that errs on the
/// high side (a value referenced twice is counted twice), cheap enough to take for every materialised row.
/// </summary>
internal static class MemoryEstimate
{
    private const long ValueBytes = 24;
    private const long ReferenceOverhead = 24;
    private const int MaxDepth = 64;

    public static long Of(C8Value value) => Of(value, 0);

    private static long Of(C8Value value, int depth)
    {
        switch (value.Type)
        {
            case C8Type.String:
                return ValueBytes + ReferenceOverhead + (2L * value.AsString.Length);
            case C8Type.Array:
                var items = value.AsArray;
                var arrayBytes = ValueBytes + ReferenceOverhead + (ValueBytes * items.Count);
                if (depth < MaxDepth)
                {
                    foreach (var item in items)
                    {
                        arrayBytes += Of(item, depth + 1) - ValueBytes;
                    }
                }
                return arrayBytes;
            case C8Type.Object:
                var obj = value.AsObject;
                var objectBytes = ValueBytes + (2 * ReferenceOverhead) + ((ValueBytes + 8) * obj.Count);
                if (depth < MaxDepth)
                {
                    foreach (var (_, member) in obj)
                    {
                        objectBytes += Of(member, depth + 1) - ValueBytes;
                    }
                }
                return objectBytes;
            default:
                return ValueBytes;
        }
    }
}
