namespace PSC8.Server.Query.Values;

/// <summary>
/// C8QL's operators on values: arithmetic casts both operands with TO_NUMBER (results that are not
/// finite become null), and stays exact on integers while the result fits in 64 bits, falling back to a double
/// beyond; IN tests array membership with C8QL equality; indexing follows C8QL's rules for arrays (negative
/// positions count from the end) and objects.
/// </summary>
internal static class C8Operators
{
    public static C8Value Add(C8Value a, C8Value b) =>
        a.TryGetInteger(out var x) && b.TryGetInteger(out var y) && !Overflows(x + y, x, y, subtract: false)
            ? C8Value.From(x + y)
            : C8Value.From(Number(a) + Number(b));

    public static C8Value Subtract(C8Value a, C8Value b) =>
        a.TryGetInteger(out var x) && b.TryGetInteger(out var y) && !Overflows(x - y, x, y, subtract: true)
            ? C8Value.From(x - y)
            : C8Value.From(Number(a) - Number(b));

    public static C8Value Multiply(C8Value a, C8Value b)
    {
        if (a.TryGetInteger(out var x) && b.TryGetInteger(out var y))
        {
            var product = Math.BigMul(x, y, out var low);
            if ((product == 0 && low >= 0) || (product == -1 && low < 0))
            {
                return C8Value.From(low);
            }
        }
        return C8Value.From(Number(a) * Number(b));
    }

    /// <summary>Division; a zero divisor gives null and sets <paramref name="divisionByZero"/> (C8QL warns).</summary>
    public static C8Value Divide(C8Value a, C8Value b, out bool divisionByZero)
    {
        var divisor = Number(b);
        divisionByZero = divisor == 0;
        if (divisionByZero)
        {
            return C8Value.Null;
        }
        return a.TryGetInteger(out var x) && b.TryGetInteger(out var y) && y != -1 && x % y == 0
            ? C8Value.From(x / y)
            : C8Value.From(Number(a) / divisor);
    }

    /// <summary>Remainder with the sign of the dividend; a zero divisor gives null (C8QL warns).</summary>
    public static C8Value Modulo(C8Value a, C8Value b, out bool divisionByZero)
    {
        var divisor = Number(b);
        divisionByZero = divisor == 0;
        if (divisionByZero)
        {
            return C8Value.Null;
        }
        // x % -1 is 0, and long.MinValue % -1 would overflow.
        return a.TryGetInteger(out var x) && b.TryGetInteger(out var y)
            ? C8Value.From(y == -1 ? 0 : x % y)
            : C8Value.From(Number(a) % divisor);
    }

    public static C8Value Negate(C8Value a) =>
        a.TryGetInteger(out var x) && x != long.MinValue ? C8Value.From(-x) : C8Value.From(-Number(a));

    public static C8Value Plus(C8Value a) => a.IsNumber ? a : C8Value.From(Number(a));

    /// <summary>Two's complement overflow: the operands' signs agree (differ, for a subtraction) and the result's does not.</summary>
    private static bool Overflows(long result, long x, long y, bool subtract) =>
        subtract ? ((x ^ y) & (x ^ result)) < 0 : ((x ^ result) & (y ^ result)) < 0;

    public static C8Value Not(C8Value a) => C8Value.From(!C8Conversions.ToBool(a));

    /// <summary><c>value IN list</c>: false unless the list is an array holding an equal value.</summary>
    public static bool In(C8Value value, C8Value list)
    {
        if (!list.IsArray)
        {
            return false;
        }
        foreach (var item in list.AsArray)
        {
            if (C8ValueEquality.AreEqual(item, value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>subject[index]</c> for arrays (number or numeric string index) and objects (name).</summary>
    public static C8Value Index(C8Value subject, C8Value index)
    {
        switch (subject.Type)
        {
            case C8Type.Array:
            {
                double position;
                if (index.IsNumber)
                {
                    position = index.AsNumber;
                }
                else if (!index.IsString || !C8Conversions.TryParseNumber(index.AsString, out position) || index.AsString.Trim().Length == 0)
                {
                    return C8Value.Null;
                }
                var items = subject.AsArray;
                var i = index.TryGetInteger(out var exact) ? exact : (long)Math.Truncate(position);
                if (i < 0)
                {
                    i += items.Count;
                }
                return i >= 0 && i < items.Count ? items[(int)i] : C8Value.Null;
            }
            case C8Type.Object:
                if (index.IsString)
                {
                    return subject.AsObject[index.AsString];
                }
                return index.IsNumber ? subject.AsObject[C8NumberFormat.Format(index)] : C8Value.Null;
            default:
                return C8Value.Null;
        }
    }

    private static double Number(C8Value value) => value.IsNumber ? value.AsNumber : C8Conversions.ToNumber(value);
}
