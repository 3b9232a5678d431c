namespace PSC8.Server.Documents;

/// <summary>
/// Decodes only some top-level attributes of stored documents. The others are skipped without building strings
/// or objects for them, and decoding stops once every wanted attribute was found: a stored body is written from
/// a <see cref="C8Object"/>, so no attribute name occurs twice in it.
/// </summary>
internal sealed class DocumentProjection
{
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;

    public DocumentProjection(IReadOnlyList<string> names)
    {
        _names = names.ToArray();
        _utf8Names = _names.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public C8Object Decode(ReadOnlySpan<byte> body)
    {
        if (_names.Length == 0)
        {
            return C8Object.Empty;
        }
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var builder = new C8Object.Builder(_names.Length);
        while (builder.Count < _names.Length && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var wanted = IndexOf(ref reader);
            reader.Read();
            if (wanted < 0)
            {
                reader.Skip();
                continue;
            }
            builder.Add(_names[wanted], C8Json.ReadValue(ref reader));
        }
        return builder.Build();
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8Names.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8Names[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
