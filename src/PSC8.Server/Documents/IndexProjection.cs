namespace PSC8.Server.Documents;

/// <summary>
/// A projection answered from a persistent index's entries alone, when every attribute it wants is _key, _id or one
/// of the index's top-level fields: the documents themselves are never read, which is what makes a range that
/// returns thousands of documents cheap. An entry whose keys do not tell their values (see
/// <see cref="IndexKey.TryDecode"/>) is read from its document instead.
/// </summary>
internal sealed class IndexProjection(IndexInfo index, IReadOnlyList<string> attributes, string collection)
{
    public DocumentProjection Projection { get; } = new(attributes);

    public static bool Covers(IndexInfo index, IReadOnlyList<string> attributes) =>
        index.IsPersistent && attributes.All(a => a is "_key" or "_id" || (!a.Contains('.') && index.Fields.Contains(a)));

    /// <summary>The projected document, or null when a key does not tell its value.</summary>
    public C8Object? Decode(string key, byte[][] keys)
    {
        var builder = new C8Object.Builder(attributes.Count);
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case "_key":
                    builder.Add(attribute, C8Value.From(key));
                    break;
                case "_id":
                    builder.Add(attribute, C8Value.From(collection + "/" + key));
                    break;
                default:
                    var field = keys[IndexOf(attribute)];
                    if (!IndexKey.TryDecode(field, out var value))
                    {
                        return null;
                    }
                    builder.Add(attribute, value);
                    break;
            }
        }
        return builder.Build();
    }

    private int IndexOf(string attribute)
    {
        for (var i = 0; i < index.Fields.Count; i++)
        {
            if (index.Fields[i] == attribute)
            {
                return i;
            }
        }
        return -1;
    }
}
