namespace PSC8.Server.Query.Values;

/// <summary>
/// Number to text as C8QL prints it (TO_STRING, CONCAT, attribute names from numbers): the shortest
/// round-trip digits, in plain notation for exponents from -7 to 20 and scientific notation otherwise
/// (<c>2e-7</c>, <c>1e+21</c>), the same rule JavaScript uses.
/// </summary>
internal static class C8NumberFormat
{
    private const int MaxPlainExponent = 21;
    private const int MinPlainExponent = -6;

    public static string Format(Model.C8Value number) =>
        number.TryGetInteger(out var integer) ? integer.ToString(CultureInfo.InvariantCulture) : Format(number.AsNumber);

    public static string Format(double number)
    {
        if (number == 0 || !double.IsFinite(number))
        {
            return "0";
        }
        if (Math.Abs(number) < 1e15 && number == Math.Floor(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }
        var (negative, digits, pointPosition) = Decompose(number);
        var text = Layout(digits, pointPosition);
        return negative ? "-" + text : text;
    }

    /// <summary>Shortest digits d1..dk and n such that |number| = 0.d1..dk × 10^n.</summary>
    private static (bool Negative, string Digits, int PointPosition) Decompose(double number)
    {
        var roundTrip = number.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip[0] == '-';
        var body = negative ? roundTrip[1..] : roundTrip;
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var dot = body.IndexOf('.');
        var integerPart = dot >= 0 ? body[..dot] : body;
        var all = dot >= 0 ? integerPart + body[(dot + 1)..] : integerPart;
        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        var digits = all[leadingZeros..].TrimEnd('0');
        return (negative, digits.Length == 0 ? "0" : digits, integerPart.Length + exponent - leadingZeros);
    }

    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= MaxPlainExponent)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= MaxPlainExponent)
        {
            return digits[..n] + "." + digits[n..];
        }
        if (MinPlainExponent < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }
        var exponent = n - 1;
        var mantissa = k == 1 ? digits : digits[0] + "." + digits[1..];
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
