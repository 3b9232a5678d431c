namespace PSC8.Server.Query.Values;

/// <summary>
/// Compact JSON text of a value as C8QL functions produce it (TO_STRING, CONCAT, JSON_STRINGIFY):
/// no whitespace, numbers as <see cref="C8NumberFormat"/> prints them, only quotes, backslashes and
/// control characters escaped.
/// </summary>
internal static class C8JsonText
{
    public static string Stringify(C8Value value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, C8Value value)
    {
        switch (value.Type)
        {
            case C8Type.Null:
                builder.Append("null");
                break;
            case C8Type.Bool:
                builder.Append(value.AsBool ? "true" : "false");
                break;
            case C8Type.Number:
                builder.Append(C8NumberFormat.Format(value));
                break;
            case C8Type.String:
                AppendQuoted(builder, value.AsString);
                break;
            case C8Type.Array:
            {
                builder.Append('[');
                var first = true;
                foreach (var item in value.AsArray)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    Append(builder, item);
                }
                builder.Append(']');
                break;
            }
            default:
            {
                builder.Append('{');
                var first = true;
                foreach (var pair in value.AsObject)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    AppendQuoted(builder, pair.Key);
                    builder.Append(':');
                    Append(builder, pair.Value);
                }
                builder.Append('}');
                break;
            }
        }
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
