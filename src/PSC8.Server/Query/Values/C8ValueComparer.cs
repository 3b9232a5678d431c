namespace PSC8.Server.Query.Values;

/// <summary>
/// C8QL's total order over values: first by type (null &lt; bool &lt; number &lt; string &lt; array &lt; object),
/// then by value. Arrays compare element by element and objects attribute by attribute over the sorted
/// union of their names; a missing element or attribute counts as null, so <c>[1] == [1, null]</c> and
/// <c>{} == {a: null}</c>. Strings, and the attribute names of objects, compare by <see cref="C8Collation"/>.
/// </summary>
internal sealed class C8ValueComparer : IComparer<C8Value>
{
    public static C8ValueComparer Instance { get; } = new();

    private C8ValueComparer()
    {
    }

    int IComparer<C8Value>.Compare(C8Value x, C8Value y) => Compare(x, y);

    public static int Compare(C8Value a, C8Value b)
    {
        if (a.Type != b.Type)
        {
            return a.Type < b.Type ? -1 : 1;
        }
        switch (a.Type)
        {
            case C8Type.Null:
                return 0;
            case C8Type.Bool:
                return a.AsBool == b.AsBool ? 0 : (a.AsBool ? 1 : -1);
            case C8Type.Number:
                return CompareNumbers(a, b);
            case C8Type.String:
                return C8Collation.Compare(a.AsString, b.AsString);
            case C8Type.Array:
                return CompareArrays(a.AsArray, b.AsArray);
            default:
                return CompareObjects(a.AsObject, b.AsObject);
        }
    }

    public static int CompareNumbers(double a, double b) => a < b ? -1 : (a > b ? 1 : 0);

    /// <summary>Numbers by value, exactly: integers among themselves and against doubles without rounding either.</summary>
    public static int CompareNumbers(C8Value a, C8Value b)
    {
        var aInteger = a.TryGetInteger(out var x);
        var bInteger = b.TryGetInteger(out var y);
        if (aInteger && bInteger)
        {
            return x.CompareTo(y);
        }
        if (aInteger)
        {
            return CompareIntegerWithDouble(x, b.AsNumber);
        }
        return bInteger ? -CompareIntegerWithDouble(y, a.AsNumber) : CompareNumbers(a.AsNumber, b.AsNumber);
    }

    private static int CompareIntegerWithDouble(long integer, double number)
    {
        const double TwoTo63 = 9223372036854775808.0;
        if (number >= TwoTo63)
        {
            return -1;
        }
        if (number < -TwoTo63)
        {
            return 1;
        }
        var floor = Math.Floor(number);
        var whole = (long)floor;
        if (integer != whole)
        {
            return integer < whole ? -1 : 1;
        }
        return number > floor ? -1 : 0;
    }

    /// <summary>
    /// Code point order (the byte order of UTF-8): UTF-16 ordinal order, corrected where surrogates meet U+E000..U+FFFF.
    /// C8QL sorts attribute names this way, and the collation falls back on it.
    /// </summary>
    public static int CompareCodePoints(string a, string b)
    {
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length == b.Length ? 0 : (a.Length < b.Length ? -1 : 1);
        }
        var x = a[i];
        var y = b[i];
        if (x >= 0xD800 && y >= 0xD800 && char.IsSurrogate(x) != char.IsSurrogate(y))
        {
            // Surrogates encode code points above U+FFFF, which sort after U+E000..U+FFFF.
            return char.IsSurrogate(x) ? 1 : -1;
        }
        return x < y ? -1 : 1;
    }

    private static int CompareArrays(IReadOnlyList<C8Value> a, IReadOnlyList<C8Value> b)
    {
        var length = Math.Max(a.Count, b.Count);
        for (var i = 0; i < length; i++)
        {
            var left = i < a.Count ? a[i] : C8Value.Null;
            var right = i < b.Count ? b[i] : C8Value.Null;
            var result = Compare(left, right);
            if (result != 0)
            {
                return result;
            }
        }
        return 0;
    }

    private static int CompareObjects(C8Object a, C8Object b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        var names = new List<string>(a.Count + b.Count);
        names.AddRange(a.Keys);
        foreach (var key in b.Keys)
        {
            if (!a.ContainsKey(key))
            {
                names.Add(key);
            }
        }
        names.Sort(C8Collation.Compare);
        foreach (var name in names)
        {
            var result = Compare(a[name], b[name]);
            if (result != 0)
            {
                return result;
            }
        }
        return 0;
    }
}
