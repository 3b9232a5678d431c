namespace PSC8.Server.Query.Functions;

/// <summary>The parts of a UTC time point, in the proleptic Gregorian calendar.</summary>
internal readonly record struct DateParts(long Year, int Month, int Day, int Hour, int Minute, int Second, int Millisecond)
{
    public bool IsLeapYear => DateMath.IsLeapYear(Year);
}

/// <summary>
/// Calendar arithmetic on millisecond timestamps (Unix epoch, UTC), covering years 0 to 9999 as C8QL's
/// date functions do, plus C8QL's date string syntax: <c>YYYY[-MM[-DD]][(T| )HH:MM[:SS[.fff]]][Z|±HH:MM]</c>.
/// </summary>
internal static class DateMath
{
    public const long MillisecondsPerDay = 86_400_000;

    /// <summary>0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.</summary>
    public const long MinTimestamp = -62167219200000;
    public const long MaxTimestamp = 253402300799999;

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days since 1970-01-01; days and months beyond their range roll over into the next ones.</summary>
    public static long DaysFromCivil(long year, long month, long day)
    {
        var months = year * 12 + (month - 1);
        year = FloorDivide(months, 12);
        month = months - year * 12 + 1;
        year -= month <= 2 ? 1 : 0;
        var era = FloorDivide(year, 400);
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = FloorDivide(days, 146097);
        var dayOfEra = days - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }

    public static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor != 0 && (value < 0) != (divisor < 0) ? quotient - 1 : quotient;
    }

    public static long Days(long timestamp) => FloorDivide(timestamp, MillisecondsPerDay);

    public static DateParts Decompose(long timestamp)
    {
        var days = Days(timestamp);
        var (year, month, day) = CivilFromDays(days);
        var time = timestamp - days * MillisecondsPerDay;
        return new DateParts(year, month, day, (int)(time / 3_600_000), (int)(time / 60_000 % 60), (int)(time / 1000 % 60), (int)(time % 1000));
    }

    public static long Compose(long year, long month, long day, long timeOfDay) =>
        DaysFromCivil(year, month, day) * MillisecondsPerDay + timeOfDay;

    public static long TimeOfDay(long timestamp) => timestamp - Days(timestamp) * MillisecondsPerDay;

    /// <summary>0 = Sunday … 6 = Saturday.</summary>
    public static int DayOfWeek(long timestamp) => (int)((Days(timestamp) % 7 + 11) % 7);

    public static int DayOfYear(long timestamp)
    {
        var parts = Decompose(timestamp);
        return (int)(Days(timestamp) - DaysFromCivil(parts.Year, 1, 1)) + 1;
    }

    /// <summary>ISO 8601 week number: weeks start on Monday, week 1 holds the year's first Thursday.</summary>
    public static int IsoWeek(long timestamp) => IsoWeekAndYear(timestamp).Week;

    /// <summary>The ISO week and the year it belongs to, which differs from the calendar year around New Year.</summary>
    public static (int Week, long Year) IsoWeekAndYear(long timestamp)
    {
        var days = Days(timestamp);
        var isoWeekday = (DayOfWeek(timestamp) + 6) % 7 + 1;
        var thursday = days + (4 - isoWeekday);
        var (year, _, _) = CivilFromDays(thursday);
        return ((int)((thursday - DaysFromCivil(year, 1, 1)) / 7) + 1, year);
    }

    public static bool InRange(long timestamp) => timestamp >= MinTimestamp && timestamp <= MaxTimestamp;

    /// <summary>YYYY-MM-DDTHH:MM:SS.mmmZ (without the Z for a local time); null outside years 0–9999.</summary>
    public static string? FormatIso(long timestamp, bool utc = true)
    {
        if (!InRange(timestamp))
        {
            return null;
        }
        var p = Decompose(timestamp);
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Year:D4}-{p.Month:D2}-{p.Day:D2}T{p.Hour:D2}:{p.Minute:D2}:{p.Second:D2}.{p.Millisecond:D3}{(utc ? "Z" : "")}");
    }

    public static bool TryParse(string text, out long timestamp)
    {
        timestamp = 0;
        var s = text.AsSpan().Trim(" \t\r\n");
        if (!s.IsEmpty && s[0] == '+')
        {
            s = s[1..];
        }
        else if (!s.IsEmpty && s[0] == '-')
        {
            return false;
        }
        var length = Digits(s, out var year);
        if (length == 0 || year > 9999 || (length > 4 && !LeadingZerosOnly(s, length)))
        {
            return false;
        }
        s = s[length..];
        long month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
        if (Take(ref s, '-'))
        {
            if (!Field(ref s, 1, 12, out month))
            {
                return false;
            }
            if (Take(ref s, '-') && !Field(ref s, 1, 31, out day))
            {
                return false;
            }
        }
        if (!s.IsEmpty && (s[0] == ' ' || s[0] == 'T'))
        {
            s = s[1..];
            if (!Field(ref s, 0, 23, out hour) || !Take(ref s, ':') || !Field(ref s, 0, 59, out minute))
            {
                return false;
            }
            if (Take(ref s, ':'))
            {
                if (!Field(ref s, 0, 59, out second))
                {
                    return false;
                }
                if (Take(ref s, '.'))
                {
                    var digits = Digits(s, out _);
                    if (digits == 0)
                    {
                        return false;
                    }
                    Digits(s[..Math.Min(3, digits)], out millisecond);
                    millisecond *= digits == 1 ? 100 : digits == 2 ? 10 : 1;
                    s = s[digits..];
                }
            }
        }
        long offsetMinutes = 0;
        if (!s.IsEmpty)
        {
            if (s[0] == 'z' || s[0] == 'Z')
            {
                s = s[1..];
            }
            else if (s[0] == '+' || s[0] == '-')
            {
                var sign = s[0] == '+' ? 1 : -1;
                s = s[1..];
                if (!Field(ref s, 0, 23, out var offsetHours) || !Take(ref s, ':') || !Field(ref s, 0, 59, out var offsetMinute))
                {
                    return false;
                }
                offsetMinutes = sign * (offsetHours * 60 + offsetMinute);
            }
        }
        if (!s.IsEmpty)
        {
            return false;
        }
        timestamp = Compose(year, month, day, ((hour * 60 + minute) * 60 + second) * 1000 + millisecond) - offsetMinutes * 60_000;
        return offsetMinutes == 0 || InRange(timestamp);
    }

    private static bool LeadingZerosOnly(ReadOnlySpan<char> s, int length)
    {
        var zeros = 0;
        while (s[zeros] == '0')
        {
            zeros++;
        }
        return length - zeros <= 4;
    }

    private static bool Take(ref ReadOnlySpan<char> s, char c)
    {
        if (s.IsEmpty || s[0] != c)
        {
            return false;
        }
        s = s[1..];
        return true;
    }

    /// <summary>A one- or two-digit field within [min, max].</summary>
    private static bool Field(ref ReadOnlySpan<char> s, long min, long max, out long value)
    {
        var length = Digits(s, out value);
        if (length == 0 || length > 2 || value < min || value > max)
        {
            return false;
        }
        s = s[length..];
        return true;
    }

    private static int Digits(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (value < 1_000_000_000)
            {
                value = value * 10 + (s[i] - '0');
            }
            i++;
        }
        return i;
    }

    /// <summary>
    /// DATE_FORMAT: placeholders (case-insensitive) are matched longest first; a lone % is dropped,
    /// %% is a literal % and %&amp; separates a placeholder from following letters.
    /// </summary>
    public static string Format(long timestamp, string format)
    {
        var p = Decompose(timestamp);
        var builder = new StringBuilder(format.Length + 16);
        var i = 0;
        while (i < format.Length)
        {
            if (format[i] != '%')
            {
                builder.Append(format[i++]);
                continue;
            }
            i++;
            if (i >= format.Length)
            {
                break;
            }
            var c = char.ToLowerInvariant(format[i]);
            var run = 1;
            while (i + run < format.Length && char.ToLowerInvariant(format[i + run]) == c)
            {
                run++;
            }
            var used = AppendPlaceholder(builder, c, run, p, timestamp);
            i += used;
        }
        return builder.ToString();
    }

    /// <summary>Writes the longest placeholder for <paramref name="run"/> repetitions of a letter; returns the letters used.</summary>
    private static int AppendPlaceholder(StringBuilder builder, char letter, int run, DateParts p, long timestamp)
    {
        var culture = CultureInfo.InvariantCulture;
        switch (letter)
        {
            case '%':
                builder.Append('%');
                return 1;
            case '&':
                return 1;
            case 't':
                builder.Append(timestamp.ToString(culture));
                return 1;
            case 'z':
                builder.Append(FormatIso(timestamp));
                return 1;
            case 'y' when run >= 6:
                builder.Append(p.Year < 0 ? '-' : '+').Append(Math.Abs(p.Year).ToString("D6", culture));
                return 6;
            case 'y' when run >= 4:
                builder.Append(p.Year.ToString("D4", culture));
                return 4;
            case 'y' when run >= 2:
                builder.Append((p.Year % 100).ToString("D2", culture));
                return 2;
            case 'y':
                builder.Append(p.Year.ToString(culture));
                return 1;
            case 'm' when run >= 4:
                builder.Append(MonthNames[p.Month - 1]);
                return 4;
            case 'm' when run == 3:
                builder.Append(MonthNames[p.Month - 1][..3]);
                return 3;
            case 'w' when run >= 4:
                builder.Append(DayNames[DayOfWeek(timestamp)]);
                return 4;
            case 'w' when run == 3:
                builder.Append(DayNames[DayOfWeek(timestamp)][..3]);
                return 3;
            case 'w':
                builder.Append(DayOfWeek(timestamp).ToString(culture));
                return 1;
            case 'f' when run >= 3:
                builder.Append(p.Millisecond.ToString("D3", culture));
                return 3;
            case 'x' when run >= 3:
                builder.Append(DayOfYear(timestamp).ToString("D3", culture));
                return 3;
            case 'x':
                builder.Append(DayOfYear(timestamp).ToString(culture));
                return 1;
            case 'l':
                builder.Append(p.IsLeapYear ? '1' : '0');
                return 1;
            case 'q':
                builder.Append(((p.Month + 2) / 3).ToString(culture));
                return 1;
            case 'a':
                builder.Append(DaysInMonth(p.Year, p.Month).ToString(culture));
                return 1;
        }
        var number = letter switch
        {
            'm' => p.Month,
            'd' => p.Day,
            'h' => p.Hour,
            'i' => p.Minute,
            's' => p.Second,
            'f' => p.Millisecond,
            'k' => IsoWeek(timestamp),
            _ => -1,
        };
        if (number < 0)
        {
            // Not a placeholder: the % is dropped and the letter kept.
            return 0;
        }
        if (run >= 2 && letter != 'f')
        {
            builder.Append(number.ToString("D2", culture));
            return 2;
        }
        builder.Append(number.ToString(culture));
        return 1;
    }
}
