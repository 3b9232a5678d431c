namespace PSC8.Server.Query.Values;

/// <summary>C8QL's implicit casts (truthiness, TO_NUMBER, TO_STRING, TO_ARRAY) and type names.</summary>
internal static class C8Conversions
{
    public static bool ToBool(C8Value value) => value.Type switch
    {
        C8Type.Null => false,
        C8Type.Bool => value.AsBool,
        C8Type.Number => value.AsNumber != 0,
        C8Type.String => value.AsString.Length > 0,
        _ => true,
    };

    /// <summary>TO_NUMBER: never fails; values without a numeric reading become 0.</summary>
    public static double ToNumber(C8Value value)
    {
        TryToNumber(value, out var number);
        return number;
    }

    /// <summary>Like <see cref="ToNumber"/>, but tells whether the value had a numeric reading.</summary>
    public static bool TryToNumber(C8Value value, out double number)
    {
        switch (value.Type)
        {
            case C8Type.Null:
                number = 0;
                return true;
            case C8Type.Bool:
                number = value.AsBool ? 1 : 0;
                return true;
            case C8Type.Number:
                number = value.AsNumber;
                return true;
            case C8Type.String:
                return TryParseNumber(value.AsString, out number);
            case C8Type.Array:
            {
                var items = value.AsArray;
                if (items.Count == 0)
                {
                    number = 0;
                    return true;
                }
                if (items.Count == 1)
                {
                    return TryToNumber(items[0], out number);
                }
                number = 0;
                return false;
            }
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Integer view used where C8QL truncates (offsets, lengths, positions).</summary>
    public static long ToInteger(C8Value value)
    {
        if (value.TryGetInteger(out var integer))
        {
            return integer;
        }
        var number = ToNumber(value);
        if (double.IsNaN(number))
        {
            return 0;
        }
        if (number >= long.MaxValue)
        {
            return long.MaxValue;
        }
        return number <= long.MinValue ? long.MinValue : (long)number;
    }

    /// <summary>
    /// Decimal number text with optional surrounding whitespace, sign, fraction and exponent.
    /// Empty or blank strings are 0; anything else (hex, "Infinity", trailing junk) has no numeric reading.
    /// </summary>
    public static bool TryParseNumber(string text, out double number)
    {
        var span = text.AsSpan().Trim(" \t\r\n\f");
        number = 0;
        if (span.IsEmpty)
        {
            return true;
        }
        var i = 0;
        if (span[i] == '+' || span[i] == '-')
        {
            i++;
        }
        var digits = CountDigits(span, ref i);
        if (i < span.Length && span[i] == '.')
        {
            i++;
            digits += CountDigits(span, ref i);
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < span.Length && (span[i] == 'e' || span[i] == 'E'))
        {
            i++;
            if (i < span.Length && (span[i] == '+' || span[i] == '-'))
            {
                i++;
            }
            if (CountDigits(span, ref i) == 0)
            {
                return false;
            }
        }
        if (i != span.Length)
        {
            return false;
        }
        var parsed = double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(parsed))
        {
            return false;
        }
        number = parsed;
        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> span, ref int i)
    {
        var start = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }
        return i - start;
    }

    /// <summary>TO_STRING: null is "", arrays and objects are compact JSON.</summary>
    public static string ToStringValue(C8Value value) => value.Type switch
    {
        C8Type.Null => string.Empty,
        C8Type.Bool => value.AsBool ? "true" : "false",
        C8Type.Number => C8NumberFormat.Format(value),
        C8Type.String => value.AsString,
        _ => C8JsonText.Stringify(value),
    };

    /// <summary>TO_ARRAY: null is [], scalars are wrapped, objects give their attribute values.</summary>
    public static C8Value ToArray(C8Value value)
    {
        switch (value.Type)
        {
            case C8Type.Null:
                return C8Value.EmptyArray;
            case C8Type.Array:
                return value;
            case C8Type.Object:
            {
                var obj = value.AsObject;
                var items = new C8Value[obj.Count];
                var i = 0;
                foreach (var pair in obj)
                {
                    items[i++] = pair.Value;
                }
                return C8Value.From(items);
            }
            default:
                return C8Value.From(new[] { value });
        }
    }

    public static string TypeName(C8Value value) => value.Type switch
    {
        C8Type.Null => "null",
        C8Type.Bool => "bool",
        C8Type.Number => "number",
        C8Type.String => "string",
        C8Type.Array => "array",
        _ => "object",
    };
}
