using PSC8.Server.Model;

namespace PSC8.Server.Query.Values;

/// <summary>
/// C8QL's operators on values: arithmetic casts both operands with TO_NUMBER (results that are not
/// finite become null); IN tests array membership with C8QL equality; indexing follows C8QL's rules
/// for arrays (negative positions count from the end) and objects.
/// </summary>
public static class C8Operators
{
    public static C8Value Add(C8Value a, C8Value b) => C8Value.From(Number(a) + Number(b));

    public static C8Value Subtract(C8Value a, C8Value b) => C8Value.From(Number(a) - Number(b));

    public static C8Value Multiply(C8Value a, C8Value b) => C8Value.From(Number(a) * Number(b));

    /// <summary>Division; a zero divisor gives null and sets <paramref name="divisionByZero"/> (C8QL warns).</summary>
    public static C8Value Divide(C8Value a, C8Value b, out bool divisionByZero)
    {
        var divisor = Number(b);
        divisionByZero = divisor == 0;
        return divisionByZero ? C8Value.Null : C8Value.From(Number(a) / divisor);
    }

    /// <summary>Remainder with the sign of the dividend; a zero divisor gives null (C8QL warns).</summary>
    public static C8Value Modulo(C8Value a, C8Value b, out bool divisionByZero)
    {
        var divisor = Number(b);
        divisionByZero = divisor == 0;
        return divisionByZero ? C8Value.Null : C8Value.From(Number(a) % divisor);
    }

    public static C8Value Negate(C8Value a) => C8Value.From(-Number(a));

    public static C8Value Plus(C8Value a) => C8Value.From(Number(a));

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
                var i = (long)Math.Truncate(position);
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
                return index.IsNumber ? subject.AsObject[C8NumberFormat.Format(index.AsNumber)] : C8Value.Null;
            default:
                return C8Value.Null;
        }
    }

    private static double Number(C8Value value) => value.IsNumber ? value.AsNumber : C8Conversions.ToNumber(value);
}
