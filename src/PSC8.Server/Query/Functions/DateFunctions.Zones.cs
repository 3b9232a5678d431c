using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>DATE_ISOWEEKYEAR and the time zone functions: DATE_UTCTOLOCAL, DATE_LOCALTOUTC, DATE_TIMEZONE, DATE_TIMEZONES.</summary>
internal static partial class DateFunctions
{
    private static void RegisterZones(FunctionTable table)
    {
        AddPart(table, "DATE_ISOWEEKYEAR", t =>
        {
            var (week, year) = DateMath.IsoWeekAndYear(t);
            return C8Value.From(new C8Object.Builder(2).Add("week", C8Value.From(week)).Add("year", C8Value.From(year)).Build());
        });
        table.Add("DATE_UTCTOLOCAL", 2, 3, (c, a) => Convert(c, a, "DATE_UTCTOLOCAL", toLocal: true));
        table.Add("DATE_LOCALTOUTC", 2, 3, (c, a) => Convert(c, a, "DATE_LOCALTOUTC", toLocal: false));
        table.Add("DATE_TIMEZONE", 0, 0, (_, _) => C8Value.From(TimeZones.LocalName));
        table.Add("DATE_TIMEZONES", 0, 0, (_, _) => C8Value.From(TimeZones.Names.Select(name => C8Value.From(name)).ToArray()));
    }

    /// <summary>
    /// UTC to the zone's wall-clock time (a string without "Z", unless the zone is at UTC then), or a wall-clock time in
    /// the zone to UTC; with a third argument true, an object that also describes the zone's period at that instant.
    /// </summary>
    private static C8Value Convert(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool toLocal)
    {
        if (!TryDate(context, arguments[0], function, out var timestamp))
        {
            return C8Value.Null;
        }
        if (!arguments[1].TryGetString(out var name) || (arguments.Length > 2 && !arguments[2].IsBool))
        {
            return InvalidArgument(context, function);
        }
        var zone = TimeZones.Find(name) ?? throw new C8Exception(400, C8Errors.BadParameter, $"in function '{function}()': unknown time zone '{name}'");
        var utc = toLocal ? timestamp : timestamp - (long)TimeZones.OffsetAtLocal(zone, timestamp).TotalMilliseconds;
        var period = TimeZones.PeriodAt(zone, utc);
        var text = toLocal
            ? DateMath.FormatIso(utc + period.OffsetSeconds * 1000L, utc: period.OffsetSeconds == 0 && !period.DaylightSaving)
            : DateMath.FormatIso(utc);
        if (text is null)
        {
            return Warning(context, function, QueryErrors.InvalidDateValue);
        }
        if (!BoolArg(arguments, 2))
        {
            return C8Value.From(text);
        }
        var info = new C8Object.Builder(5)
            .Add("name", C8Value.From(period.Abbreviation))
            .Add("begin", BoundaryText(period.Begin))
            .Add("end", BoundaryText(period.End))
            .Add("dst", C8Value.From(period.DaylightSaving))
            .Add("offset", C8Value.From(period.OffsetSeconds))
            .Build();
        return C8Value.From(new C8Object.Builder(3)
            .Add(toLocal ? "local" : "utc", C8Value.From(text))
            .Add("tzdb", C8Value.From(TimeZones.Version))
            .Add("zoneInfo", C8Value.From(info))
            .Build());
    }

    private static C8Value BoundaryText(long? instant) =>
        instant is { } value && DateMath.FormatIso(value) is { } text ? C8Value.From(text) : C8Value.Null;
}
