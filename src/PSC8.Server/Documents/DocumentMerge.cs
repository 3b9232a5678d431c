namespace PSC8.Server.Documents;

/// <summary>Update semantics: patch attributes over the stored ones, merging sub-objects and dropping nulls as asked.</summary>
internal static class DocumentMerge
{
    public static C8Object Apply(C8Object stored, C8Object patch, bool keepNull, bool mergeObjects)
    {
        var builder = new C8Object.Builder(stored.Count + patch.Count);
        builder.AddRange(stored);
        foreach (var (name, value) in patch)
        {
            if (value.IsNull && !keepNull)
            {
                builder.Remove(name);
            }
            else if (mergeObjects && value.IsObject && builder.TryGetValue(name, out var current) && current.IsObject)
            {
                builder.Set(name, C8Value.From(Apply(current.AsObject, value.AsObject, keepNull, mergeObjects)));
            }
            else if (value.IsObject && !keepNull)
            {
                builder.Set(name, C8Value.From(WithoutNulls(value.AsObject)));
            }
            else
            {
                builder.Set(name, value);
            }
        }
        return builder.Build();
    }

    private static C8Object WithoutNulls(C8Object value)
    {
        var builder = new C8Object.Builder(value.Count);
        foreach (var (name, item) in value)
        {
            if (!item.IsNull)
            {
                builder.Set(name, item.IsObject ? C8Value.From(WithoutNulls(item.AsObject)) : item);
            }
        }
        return builder.Build();
    }
}
