namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string DatePage = "aql/functions/date.md";

    /// <summary>DATE_ISOWEEKYEAR and the time zone functions, with IANA zones from the operating system's tz database.</summary>
    private static IEnumerable<ConformanceCase> ZoneFunctions() =>
    [
        Q("zone.isoweekyear", "RETURN [DATE_ISOWEEKYEAR(\"2023-01-01\"), DATE_ISOWEEKYEAR(\"2019-12-30\")]", """[[{"week":52,"year":2022},{"week":1,"year":2020}]]""")
            .Cites(DatePage + "#date_isoweekyear (aqlDateIsoWeekYear1, 2)"),
        Q("zone.isoweekyear-invalid", "RETURN DATE_ISOWEEKYEAR('foo')", "[null]").Warns(1572).Cites(DatePage + "#date_isoweekyear"),
        Q("zone.utc-to-local",
            "RETURN [DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000\", \"Europe/Berlin\"), DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000\", \"America/New_York\"), DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000\", \"UTC\")]",
            """[["2020-03-15T01:00:00.000","2020-03-14T20:00:00.000","2020-03-15T00:00:00.000Z"]]""").Cites(DatePage + "#date_utctolocal (aqlDateTimeToLocal_1)"),
        Q("zone.utc-to-local-inputs",
            "RETURN [DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000\", \"Asia/Shanghai\"), DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000Z\", \"Asia/Shanghai\"), DATE_UTCTOLOCAL(\"2020-03-15T00:00:00.000-02:00\", \"Asia/Shanghai\"), DATE_UTCTOLOCAL(1584230400000, \"Asia/Shanghai\")]",
            """[["2020-03-15T08:00:00.000","2020-03-15T08:00:00.000","2020-03-15T10:00:00.000","2020-03-15T08:00:00.000"]]""")
            .Cites(DatePage + "#date_utctolocal (aqlDateTimeToLocal_2)"),
        Q("zone.utc-to-local-zone-info", "LET r = DATE_UTCTOLOCAL(\"2021-03-16T12:00:00.000Z\", \"Africa/Lagos\", true) RETURN [r.local, r.zoneInfo, r.tzdb =~ '^[0-9]{4}[a-z]$']",
            """[["2021-03-16T13:00:00.000",{"name":"WAT","begin":"1919-08-31T23:30:00.000Z","end":null,"dst":false,"offset":3600},true]]""")
            .Cites(DatePage + "#date_utctolocal (aqlDateTimeToLocal_3)"),
        Q("zone.utc-to-local-daylight-saving", "RETURN DATE_UTCTOLOCAL('2021-07-01T12:00:00Z', 'Europe/Berlin', true).zoneInfo",
            """[{"name":"CEST","begin":"2021-03-28T01:00:00.000Z","end":"2021-10-31T01:00:00.000Z","dst":true,"offset":7200}]""").Cites(DatePage + "#date_utctolocal"),
        Q("zone.local-to-utc",
            "RETURN [DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000\", \"Europe/Berlin\"), DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000\", \"America/New_York\"), DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000\", \"UTC\")]",
            """[["2020-03-14T23:00:00.000Z","2020-03-15T04:00:00.000Z","2020-03-15T00:00:00.000Z"]]""").Cites(DatePage + "#date_localtoutc (aqlDateTimeToUTC_1)"),
        Q("zone.local-to-utc-inputs",
            "RETURN [DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000\", \"Asia/Shanghai\"), DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000Z\", \"Asia/Shanghai\"), DATE_LOCALTOUTC(\"2020-03-15T00:00:00.000-02:00\", \"Asia/Shanghai\"), DATE_LOCALTOUTC(1584230400000, \"Asia/Shanghai\")]",
            """[["2020-03-14T16:00:00.000Z","2020-03-14T16:00:00.000Z","2020-03-14T18:00:00.000Z","2020-03-14T16:00:00.000Z"]]""")
            .Cites(DatePage + "#date_localtoutc (aqlDateTimeToUTC_2)"),
        Q("zone.local-to-utc-zone-info", "LET r = DATE_LOCALTOUTC(\"2021-03-16T12:00:00.000\", \"Africa/Lagos\", true) RETURN [r.utc, r.zoneInfo]",
            """[["2021-03-16T11:00:00.000Z",{"name":"WAT","begin":"1919-08-31T23:30:00.000Z","end":null,"dst":false,"offset":3600}]]""")
            .Cites(DatePage + "#date_localtoutc (aqlDateTimeToUTC_3)"),
        Q("zone.unknown", "RETURN DATE_UTCTOLOCAL(0, 'Nowhere/Atlantis')", "!10").Cites(DatePage + "#date_utctolocal"),
        Q("zone.invalid-arguments", "RETURN [DATE_UTCTOLOCAL(0, 5), DATE_LOCALTOUTC(0, 'UTC', 'yes')]", "[[null,null]]").Warns(1542).Cites(DatePage + "#date_localtoutc"),
        Q("zone.timezone", "RETURN IS_STRING(DATE_TIMEZONE())", "[true]").Cites(DatePage + "#date_timezone"),
        Q("zone.timezones", "LET zones = DATE_TIMEZONES() RETURN ['Europe/Berlin' IN zones, 'America/New_York' IN zones, 'UTC' IN zones, LENGTH(zones) > 300]",
            "[[true,true,true,true]]").Cites(DatePage + "#date_timezones"),
        Q("zone.grouping-local-days",
            "FOR a IN [{ startDate: '2020-02-01T10:00:00Z', duration: 12, rate: 250 }, { startDate: '2020-03-31T21:30:00Z', duration: 1, rate: 250 }, { startDate: '2020-03-31T22:30:00Z', duration: 8, rate: 250 }] " +
            "COLLECT day = DATE_TRUNC(DATE_UTCTOLOCAL(a.startDate, 'Europe/Berlin'), 'day') AGGREGATE hours = SUM(a.duration), revenue = SUM(a.duration * a.rate) " +
            "SORT day ASC RETURN { day, hours, revenue }",
            """[{"day":"2020-02-01T00:00:00.000Z","hours":12,"revenue":3000},{"day":"2020-03-31T00:00:00.000Z","hours":1,"revenue":250},{"day":"2020-04-01T00:00:00.000Z","hours":8,"revenue":2000}]""")
            .Cites(DatePage + "#date_utctolocal (aqlDateGroupingLocalTime_1)"),
    ];
}
