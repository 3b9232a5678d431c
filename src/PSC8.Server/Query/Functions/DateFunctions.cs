using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// Date functions over millisecond timestamps and ISO 8601 strings. Invalid dates give null with
/// warning 1572; arguments of the wrong type give null with warning 1542.
/// </summary>
internal static partial class DateFunctions
{
    private const double MillisecondsPerYear = 365.2425 * DateMath.MillisecondsPerDay;

    private enum DateUnit
    {
        Invalid,
        Millisecond,
        Second,
        Minute,
        Hour,
        Day,
        Week,
        Month,
        Year,
    }

    public static void Register(FunctionTable table)
    {
        table.Add("DATE_NOW", 0, 0, (_, _) => C8Value.From(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), FunctionTraits.NonDeterministic);
        table.Add("DATE_ISO8601", 1, 7, (c, a) => FromParts(c, a, "DATE_ISO8601", asTimestamp: false));
        table.Add("DATE_TIMESTAMP", 1, 7, (c, a) => FromParts(c, a, "DATE_TIMESTAMP", asTimestamp: true));
        AddPart(table, "DATE_DAYOFWEEK", t => C8Value.From(DateMath.DayOfWeek(t)));
        AddPart(table, "DATE_YEAR", t => C8Value.From(DateMath.Decompose(t).Year));
        AddPart(table, "DATE_MONTH", t => C8Value.From(DateMath.Decompose(t).Month));
        AddPart(table, "DATE_DAY", t => C8Value.From(DateMath.Decompose(t).Day));
        AddPart(table, "DATE_HOUR", t => C8Value.From(DateMath.Decompose(t).Hour));
        AddPart(table, "DATE_MINUTE", t => C8Value.From(DateMath.Decompose(t).Minute));
        AddPart(table, "DATE_SECOND", t => C8Value.From(DateMath.Decompose(t).Second));
        AddPart(table, "DATE_MILLISECOND", t => C8Value.From(DateMath.Decompose(t).Millisecond));
        AddPart(table, "DATE_DAYOFYEAR", t => C8Value.From(DateMath.DayOfYear(t)));
        AddPart(table, "DATE_ISOWEEK", t => C8Value.From(DateMath.IsoWeek(t)));
        AddPart(table, "DATE_LEAPYEAR", t => C8Value.From(DateMath.Decompose(t).IsLeapYear));
        AddPart(table, "DATE_QUARTER", t => C8Value.From((DateMath.Decompose(t).Month + 2) / 3));
        AddPart(table, "DATE_DAYS_IN_MONTH", t =>
        {
            var parts = DateMath.Decompose(t);
            return C8Value.From(DateMath.DaysInMonth(parts.Year, parts.Month));
        });
        table.Add("DATE_ADD", 2, 3, (c, a) => Shift(c, a, "DATE_ADD", subtract: false));
        table.Add("DATE_SUBTRACT", 2, 3, (c, a) => Shift(c, a, "DATE_SUBTRACT", subtract: true));
        table.Add("DATE_DIFF", 3, 4, Difference);
        table.Add("DATE_COMPARE", 3, 4, Compare);
        table.Add("DATE_FORMAT", 2, 2, Format);
        table.Add("DATE_TRUNC", 2, 2, Truncate);
        table.Add("DATE_ROUND", 3, 3, Round);
        RegisterZones(table);
    }

    private static void AddPart(FunctionTable table, string name, Func<long, C8Value> part) =>
        table.Add(name, 1, 1, (context, a) => TryDate(context, a[0], name, out var timestamp) ? part(timestamp) : C8Value.Null);

    /// <summary>A timestamp (years 0–9999) or a date string; anything else warns and fails.</summary>
    private static bool TryDate(QueryContext context, C8Value value, string function, out long timestamp)
    {
        timestamp = 0;
        if (value.IsNumber)
        {
            timestamp = C8Conversions.ToInteger(value);
            if (DateMath.InRange(timestamp))
            {
                return true;
            }
        }
        else if (value.IsString)
        {
            if (DateMath.TryParse(value.AsString, out timestamp))
            {
                return true;
            }
        }
        else
        {
            InvalidArgument(context, function);
            return false;
        }
        Warning(context, function, QueryErrors.InvalidDateValue);
        return false;
    }

    private static C8Value IsoResult(QueryContext context, string function, long timestamp)
    {
        var text = DateMath.FormatIso(timestamp);
        return text is null ? Warning(context, function, QueryErrors.InvalidDateValue) : C8Value.From(text);
    }

    private static C8Value FromParts(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool asTimestamp)
    {
        long timestamp;
        if (arguments.Length == 1)
        {
            if (!TryDate(context, arguments[0], function, out timestamp))
            {
                return C8Value.Null;
            }
        }
        else
        {
            if (arguments.Length < 3)
            {
                return InvalidArgument(context, function);
            }
            var parts = new long[7];
            for (var i = 0; i < arguments.Length; i++)
            {
                if (!arguments[i].IsNumber && !arguments[i].IsString)
                {
                    return InvalidArgument(context, function);
                }
                parts[i] = C8Conversions.ToInteger(arguments[i]);
                if (parts[i] < 0)
                {
                    return Warning(context, function, QueryErrors.InvalidDateValue);
                }
            }
            if (parts[0] > 9999)
            {
                return Warning(context, function, QueryErrors.InvalidDateValue);
            }
            var timeOfDay = ((parts[3] * 60 + parts[4]) * 60 + parts[5]) * 1000 + Math.Min(parts[6], 999);
            timestamp = DateMath.Compose(parts[0], parts[1], parts[2], timeOfDay);
        }
        return asTimestamp ? C8Value.From(timestamp) : IsoResult(context, function, timestamp);
    }

    private static DateUnit ParseUnit(C8Value value)
    {
        if (!value.TryGetString(out var text))
        {
            return DateUnit.Invalid;
        }
        return text.ToLowerInvariant() switch
        {
            "y" or "year" or "years" => DateUnit.Year,
            "m" or "month" or "months" => DateUnit.Month,
            "w" or "week" or "weeks" => DateUnit.Week,
            "d" or "day" or "days" => DateUnit.Day,
            "h" or "hour" or "hours" => DateUnit.Hour,
            "i" or "minute" or "minutes" => DateUnit.Minute,
            "s" or "second" or "seconds" => DateUnit.Second,
            "f" or "millisecond" or "milliseconds" => DateUnit.Millisecond,
            _ => DateUnit.Invalid,
        };
    }

    private static double UnitLength(DateUnit unit) => unit switch
    {
        DateUnit.Year => MillisecondsPerYear,
        DateUnit.Month => MillisecondsPerYear / 12,
        DateUnit.Week => 7 * DateMath.MillisecondsPerDay,
        DateUnit.Day => DateMath.MillisecondsPerDay,
        DateUnit.Hour => 3_600_000,
        DateUnit.Minute => 60_000,
        DateUnit.Second => 1000,
        _ => 1,
    };

    private static C8Value Shift(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool subtract)
    {
        if (!TryDate(context, arguments[0], function, out var timestamp))
        {
            return C8Value.Null;
        }
        if (arguments.Length == 3)
        {
            if (!arguments[1].IsNumber || !arguments[2].IsString)
            {
                return InvalidArgument(context, function);
            }
            var unit = ParseUnit(arguments[2]);
            if (unit == DateUnit.Invalid)
            {
                return Warning(context, function, QueryErrors.InvalidDateValue);
            }
            return IsoResult(context, function, AddUnits(timestamp, arguments[1].AsNumber * (subtract ? -1 : 1), unit));
        }
        if (!arguments[1].TryGetString(out var duration))
        {
            return InvalidArgument(context, function);
        }
        return TryAddDuration(timestamp, duration, subtract ? -1 : 1, out var shifted)
            ? IsoResult(context, function, shifted)
            : Warning(context, function, QueryErrors.InvalidDateValue);
    }

    /// <summary>Adds (sign 1) or subtracts (sign -1) an ISO 8601 duration; false when the text is not one.</summary>
    public static bool TryAddDuration(long timestamp, string duration, int sign, out long result)
    {
        result = timestamp;
        var match = IsoDuration().Match(duration);
        if (duration.Length <= 1 || !match.Success)
        {
            return false;
        }
        var shifted = ShiftCalendar(timestamp, sign * Group(match, 1), sign * Group(match, 2));
        var milliseconds = Group(match, 3) * 604_800_000L + Group(match, 4) * DateMath.MillisecondsPerDay
            + Group(match, 5) * 3_600_000L + Group(match, 6) * 60_000L + Group(match, 7) * 1000L + Fraction(match.Groups[8].Value);
        result = shifted + sign * milliseconds;
        return true;
    }

    /// <summary>
    /// An ISO 8601 duration such as P1Y2M3W4DT5H6M7.89S; groups 1–7 are years, months, weeks, days,
    /// hours, minutes and seconds, group 8 the fraction of a second.
    /// </summary>
    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,3}))?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDuration();

    private static long Group(Match match, int index)
    {
        var group = match.Groups[index];
        return group.Success && long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, int.MaxValue)
            : 0;
    }

    /// <summary>".1" is 100 ms, ".12" 120 ms.</summary>
    private static long Fraction(string digits) =>
        digits.Length == 0 ? 0 : long.Parse(digits.PadRight(3, '0'), CultureInfo.InvariantCulture);

    /// <summary>Adds whole years and months, keeping the day of month (which may roll over) and time of day.</summary>
    private static long ShiftCalendar(long timestamp, long years, long months)
    {
        var parts = DateMath.Decompose(timestamp);
        return DateMath.Compose(parts.Year + years, parts.Month + months, parts.Day, DateMath.TimeOfDay(timestamp));
    }

    /// <summary>
    /// Fractional years continue as months and fractional months as 30-day months, as in C8QL;
    /// smaller units are exact durations.
    /// </summary>
    private static long AddUnits(long timestamp, double amount, DateUnit unit)
    {
        var sign = amount < 0 ? -1 : 1;
        amount = Math.Abs(amount);
        if (unit == DateUnit.Year)
        {
            var whole = Math.Truncate(amount);
            timestamp = ShiftCalendar(timestamp, sign * (long)whole, 0);
            amount = (amount - whole) * 12;
            unit = DateUnit.Month;
        }
        if (unit == DateUnit.Month)
        {
            var whole = Math.Truncate(amount);
            timestamp = ShiftCalendar(timestamp, 0, sign * (long)whole);
            amount = (amount - whole) * 30;
            unit = DateUnit.Day;
        }
        return timestamp + sign * (long)(amount * UnitLength(unit));
    }

    private static C8Value Difference(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "DATE_DIFF";
        if (!TryDate(context, arguments[0], Name, out var first) || !TryDate(context, arguments[1], Name, out var second))
        {
            return C8Value.Null;
        }
        if (!arguments[2].IsString || (arguments.Length > 3 && !arguments[3].IsBool))
        {
            return InvalidArgument(context, Name);
        }
        var unit = ParseUnit(arguments[2]);
        if (unit == DateUnit.Invalid)
        {
            return Warning(context, Name, QueryErrors.InvalidDateValue);
        }
        var difference = (second - first) / UnitLength(unit);
        return BoolArg(arguments, 3) ? C8Value.From(difference) : C8Value.From(Math.Round(difference, MidpointRounding.AwayFromZero));
    }

    private static C8Value Compare(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "DATE_COMPARE";
        if (!TryDate(context, arguments[0], Name, out var first) || !TryDate(context, arguments[1], Name, out var second))
        {
            return C8Value.Null;
        }
        var start = ParseUnit(arguments[2]);
        var end = arguments.Length > 3 ? ParseUnit(arguments[3]) : start;
        if (start is DateUnit.Invalid or DateUnit.Week || end is DateUnit.Invalid or DateUnit.Week)
        {
            return InvalidArgument(context, Name);
        }
        var a = DateMath.Decompose(first);
        var b = DateMath.Decompose(second);
        for (var unit = start; unit >= DateUnit.Millisecond; unit--)
        {
            if (unit == DateUnit.Week)
            {
                continue;
            }
            if (unit != DateUnit.Year && end > unit)
            {
                break;
            }
            if (Component(a, unit) != Component(b, unit))
            {
                return C8Value.False;
            }
        }
        return C8Value.True;
    }

    private static long Component(DateParts parts, DateUnit unit) => unit switch
    {
        DateUnit.Year => parts.Year,
        DateUnit.Month => parts.Month,
        DateUnit.Day => parts.Day,
        DateUnit.Hour => parts.Hour,
        DateUnit.Minute => parts.Minute,
        DateUnit.Second => parts.Second,
        _ => parts.Millisecond,
    };

    private static C8Value Format(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!TryDate(context, arguments[0], "DATE_FORMAT", out var timestamp))
        {
            return C8Value.Null;
        }
        if (!arguments[1].TryGetString(out var format))
        {
            return InvalidArgument(context, "DATE_FORMAT");
        }
        return C8Value.From(DateMath.Format(timestamp, format));
    }

    private static C8Value Truncate(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "DATE_TRUNC";
        if (!TryDate(context, arguments[0], Name, out var timestamp))
        {
            return C8Value.Null;
        }
        if (!arguments[1].IsString)
        {
            return InvalidArgument(context, Name);
        }
        var parts = DateMath.Decompose(timestamp);
        var unit = ParseUnit(arguments[1]);
        long truncated = unit switch
        {
            DateUnit.Year => DateMath.Compose(parts.Year, 1, 1, 0),
            DateUnit.Month => DateMath.Compose(parts.Year, parts.Month, 1, 0),
            DateUnit.Day => DateMath.Compose(parts.Year, parts.Month, parts.Day, 0),
            DateUnit.Hour => TruncateTo(timestamp, 3_600_000),
            DateUnit.Minute => TruncateTo(timestamp, 60_000),
            DateUnit.Second => TruncateTo(timestamp, 1000),
            DateUnit.Millisecond => timestamp,
            _ => long.MinValue,
        };
        return truncated == long.MinValue ? Warning(context, Name, QueryErrors.InvalidDateValue) : IsoResult(context, Name, truncated);
    }

    private static long TruncateTo(long timestamp, long unit) => DateMath.FloorDivide(timestamp, unit) * unit;

    private static C8Value Round(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "DATE_ROUND";
        if (!TryDate(context, arguments[0], Name, out var timestamp))
        {
            return C8Value.Null;
        }
        if (!arguments[1].IsNumber || !arguments[2].IsString)
        {
            return InvalidArgument(context, Name);
        }
        var amount = C8Conversions.ToInteger(arguments[1]);
        var unit = ParseUnit(arguments[2]);
        if (amount <= 0 || unit is DateUnit.Invalid or DateUnit.Week or DateUnit.Month or DateUnit.Year)
        {
            return InvalidArgument(context, Name);
        }
        var multiplier = (long)UnitLength(unit) * amount;
        return IsoResult(context, Name, timestamp / multiplier * multiplier);
    }
}
