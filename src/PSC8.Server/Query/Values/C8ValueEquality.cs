namespace PSC8.Server.Query.Values;

/// <summary>
/// Equality and hashing that agree with <see cref="C8ValueComparer"/> (equal exactly when Compare is 0),
/// for RETURN DISTINCT, COLLECT groups, IN and the set functions. Because a missing array element or
/// attribute compares as null, trailing nulls in arrays and null-valued attributes do not affect the hash.
/// </summary>
internal sealed class C8ValueEquality : IEqualityComparer<C8Value>
{
    public static C8ValueEquality Instance { get; } = new();

    private C8ValueEquality()
    {
    }

    bool IEqualityComparer<C8Value>.Equals(C8Value x, C8Value y) => AreEqual(x, y);

    int IEqualityComparer<C8Value>.GetHashCode(C8Value value) => Hash(value);

    public static bool AreEqual(C8Value a, C8Value b)
    {
        if (a.Type != b.Type)
        {
            return false;
        }
        switch (a.Type)
        {
            case C8Type.Null:
                return true;
            case C8Type.Bool:
                return a.AsBool == b.AsBool;
            case C8Type.Number:
                return C8ValueComparer.CompareNumbers(a, b) == 0;
            case C8Type.String:
                return string.Equals(a.AsString, b.AsString, StringComparison.Ordinal);
            default:
                return C8ValueComparer.Compare(a, b) == 0;
        }
    }

    public static int Hash(C8Value value)
    {
        switch (value.Type)
        {
            case C8Type.Null:
                return 0x5bd1e995;
            case C8Type.Bool:
                return value.AsBool ? 0x27d4eb2d : 0x165667b1;
            case C8Type.Number:
                return HashNumber(value);
            case C8Type.String:
                return string.GetHashCode(value.AsString, StringComparison.Ordinal);
            case C8Type.Array:
                return HashArray(value.AsArray);
            default:
                return HashObject(value.AsObject);
        }
    }

    /// <summary>
    /// Equal numbers hash alike whether integer or double: an integer a double can hold exactly hashes as that double
    /// (and 0 as -0); no double equals any other integer.
    /// </summary>
    private static int HashNumber(C8Value value)
    {
        double number;
        if (value.TryGetInteger(out var integer))
        {
            number = integer;
            if (number >= 9223372036854775808.0 || (long)number != integer)
            {
                return integer.GetHashCode();
            }
        }
        else
        {
            number = value.AsNumber;
        }
        return number == 0 ? 0x61c88647 : number.GetHashCode();
    }

    private static int HashArray(IReadOnlyList<C8Value> items)
    {
        var end = items.Count;
        while (end > 0 && items[end - 1].IsNull)
        {
            end--;
        }
        var hash = new HashCode();
        hash.Add(C8Type.Array);
        for (var i = 0; i < end; i++)
        {
            hash.Add(Hash(items[i]));
        }
        return hash.ToHashCode();
    }

    private static int HashObject(C8Object obj)
    {
        // Order-independent: attribute order does not matter for equality.
        var sum = (int)C8Type.Object;
        foreach (var pair in obj)
        {
            if (!pair.Value.IsNull)
            {
                sum += HashCode.Combine(string.GetHashCode(pair.Key, StringComparison.Ordinal), Hash(pair.Value));
            }
        }
        return sum;
    }
}
