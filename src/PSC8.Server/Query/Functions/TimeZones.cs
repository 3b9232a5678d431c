using System.Buffers.Binary;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// The stretch of time around an instant during which a zone keeps one offset: its abbreviation (CET, WAT …),
/// first and last instant as Unix milliseconds (null where the database knows no boundary), whether daylight
/// saving time is in effect, and the offset from UTC in seconds.
/// </summary>
internal sealed record ZonePeriod(string Abbreviation, long? Begin, long? End, bool DaylightSaving, int OffsetSeconds);

/// <summary>
/// IANA time zones as the operating system provides them: offsets through <see cref="TimeZoneInfo"/>, and the
/// abbreviations and transition instants C8QL reports from the zone's TZif file in the zoneinfo directory.
/// </summary>
internal static class TimeZones
{
    private const long MillisecondsPerDay = DateMath.MillisecondsPerDay;

    /// <summary>How far to look for a daylight saving change beyond the last transition a TZif file lists.</summary>
    private const int RuleSearchDays = 400;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ZoneFile?> Files = new(StringComparer.Ordinal);
    private static readonly Lazy<string> DatabaseVersion = new(ReadVersion);
    private static readonly Lazy<IReadOnlyList<string>> ZoneNames = new(ReadNames);

    private static string Directory => Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } dir ? dir : "/usr/share/zoneinfo";

    public static TimeZoneInfo? Find(string name) =>
        Zones.GetOrAdd(name, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null);

    /// <summary>The tz database release, e.g. "2025b", or "unknown".</summary>
    public static string Version => DatabaseVersion.Value;

    /// <summary>Zone names, then the names of links to zones, each in name order.</summary>
    public static IReadOnlyList<string> Names => ZoneNames.Value;

    public static string LocalName => TimeZoneInfo.Local.Id;

    /// <summary>Offset from UTC at a UTC instant.</summary>
    public static TimeSpan OffsetAtUtc(TimeZoneInfo zone, long utc) => zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(utc));

    /// <summary>Offset from UTC of a local wall-clock time (for a time skipped or repeated by a change, the standard offset).</summary>
    public static TimeSpan OffsetAtLocal(TimeZoneInfo zone, long local) =>
        zone.GetUtcOffset(new DateTime(DateTime.UnixEpoch.Ticks + local * TimeSpan.TicksPerMillisecond, DateTimeKind.Unspecified));

    public static ZonePeriod PeriodAt(TimeZoneInfo zone, long utc)
    {
        var offset = (int)OffsetAtUtc(zone, utc).TotalSeconds;
        var daylight = zone.IsDaylightSavingTime(DateTimeOffset.FromUnixTimeMilliseconds(utc));
        var file = Files.GetOrAdd(zone.Id, ZoneFile.TryRead);
        if (file is null)
        {
            return new ZonePeriod(daylight ? zone.DaylightName : zone.StandardName, SearchChange(zone, utc, -1), SearchChange(zone, utc, 1), daylight, offset);
        }
        var seconds = Math.Floor(utc / 1000.0);
        var index = file.TransitionIndex(seconds);
        var afterLast = index == file.Transitions.Length - 1;
        if (afterLast && file.FooterHasRules)
        {
            // The TZif footer's rules govern times after the last listed transition; TimeZoneInfo applies them.
            var begin = Math.Max(file.Transitions[index] * 1000, SearchChange(zone, utc, -1) ?? long.MinValue);
            return new ZonePeriod(file.FooterAbbreviation(daylight), begin, SearchChange(zone, utc, 1), daylight, offset);
        }
        var type = index < 0 ? 0 : file.TransitionTypes[index];
        long? start = index < 0 ? null : file.Transitions[index] * 1000;
        long? end = index + 1 < file.Transitions.Length ? file.Transitions[index + 1] * 1000 : null;
        return new ZonePeriod(file.Abbreviations[type], start, end, file.IsDaylight[type], file.Offsets[type]);
    }

    /// <summary>The nearest instant, before or after <paramref name="utc"/>, where the offset or daylight saving changes.</summary>
    private static long? SearchChange(TimeZoneInfo zone, long utc, int direction)
    {
        var state = State(zone, utc);
        for (var day = 1; day <= RuleSearchDays; day++)
        {
            var probe = utc + direction * day * MillisecondsPerDay;
            if (State(zone, probe) == state)
            {
                continue;
            }
            // Narrow down to the second: [same, other) going forward, (other, same] going back.
            long same = probe - direction * MillisecondsPerDay, other = probe;
            while (Math.Abs(other - same) > 1000)
            {
                var middle = same + (other - same) / 2;
                (same, other) = State(zone, middle) == state ? (middle, other) : (same, middle);
            }
            // Either way the later of the two is the first instant of the later state, a whole second after truncation.
            return DateMath.FloorDivide(Math.Max(same, other), 1000) * 1000;
        }
        return null;
    }

    private static (TimeSpan, bool) State(TimeZoneInfo zone, long utc)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(utc);
        return (zone.GetUtcOffset(instant), zone.IsDaylightSavingTime(instant));
    }

    /// <summary>The "# version 2025b" line that opens tzdata.zi.</summary>
    private static string ReadVersion()
    {
        var path = Path.Combine(Directory, "tzdata.zi");
        if (File.Exists(path))
        {
            using var reader = new StreamReader(path);
            var first = reader.ReadLine();
            if (first is not null && first.StartsWith("# version ", StringComparison.Ordinal))
            {
                return first["# version ".Length..].Trim();
            }
        }
        return "unknown";
    }

    /// <summary>Zones ("Z name …") and links ("L target name") of tzdata.zi, or the zones .NET knows without it.</summary>
    private static IReadOnlyList<string> ReadNames()
    {
        var path = Path.Combine(Directory, "tzdata.zi");
        if (!File.Exists(path))
        {
            return TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToList();
        }
        var zones = new List<string>();
        var links = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "Z")
            {
                zones.Add(fields[1]);
            }
            else if (fields.Length >= 3 && fields[0] == "L")
            {
                links.Add(fields[2]);
            }
        }
        zones.Sort(StringComparer.Ordinal);
        links.Sort(StringComparer.Ordinal);
        return [.. zones, .. links];
    }

    /// <summary>The parts of a TZif file (RFC 8536) that TimeZoneInfo does not expose.</summary>
    private sealed class ZoneFile
    {
        private ZoneFile(long[] transitions, byte[] transitionTypes, int[] offsets, bool[] isDaylight, string[] abbreviations, string footer)
        {
            Transitions = transitions;
            TransitionTypes = transitionTypes;
            Offsets = offsets;
            IsDaylight = isDaylight;
            Abbreviations = abbreviations;
            var names = FooterNames(footer);
            FooterStandard = names.Standard;
            FooterDaylight = names.Daylight;
        }

        /// <summary>Transition instants in Unix seconds, ascending.</summary>
        public long[] Transitions { get; }

        public byte[] TransitionTypes { get; }

        public int[] Offsets { get; }

        public bool[] IsDaylight { get; }

        public string[] Abbreviations { get; }

        private string? FooterStandard { get; }

        private string? FooterDaylight { get; }

        public bool FooterHasRules => FooterDaylight is not null;

        public string FooterAbbreviation(bool daylight) => (daylight ? FooterDaylight : FooterStandard) ?? string.Empty;

        /// <summary>The last transition at or before the instant; -1 before the first.</summary>
        public int TransitionIndex(double seconds)
        {
            var index = Array.BinarySearch(Transitions, (long)seconds);
            return index >= 0 ? index : ~index - 1;
        }

        public static ZoneFile? TryRead(string name)
        {
            try
            {
                var path = Path.GetFullPath(Path.Combine(Directory, name));
                return path.StartsWith(Path.GetFullPath(Directory), StringComparison.Ordinal) && File.Exists(path)
                    ? Parse(File.ReadAllBytes(path))
                    : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException)
            {
                return null;
            }
        }

        private static ZoneFile? Parse(byte[] data)
        {
            if (data.Length < 44 || Encoding.ASCII.GetString(data, 0, 4) != "TZif")
            {
                return null;
            }
            var counts = Counts(data, 0);
            if (data[4] < '2')
            {
                return Read(data, 44, counts, timeSize: 4, footer: string.Empty);
            }
            // Version 2 and later repeat the data with 64-bit times after the version 1 block, then give a footer.
            var position = 44 + counts.Time * 5 + counts.Type * 6 + counts.Chars + counts.Leap * 8 + counts.IsStd + counts.IsUt;
            counts = Counts(data, position);
            var start = position + 44;
            var end = start + counts.Time * 9 + counts.Type * 6 + counts.Chars + counts.Leap * 12 + counts.IsStd + counts.IsUt;
            var footer = Encoding.ASCII.GetString(data, end, data.Length - end).Trim('\n');
            return Read(data, start, counts, timeSize: 8, footer);
        }

        private static (int IsUt, int IsStd, int Leap, int Time, int Type, int Chars) Counts(byte[] data, int header)
        {
            int Count(int i) => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(header + 20 + i * 4));
            return (Count(0), Count(1), Count(2), Count(3), Count(4), Count(5));
        }

        private static ZoneFile Read(byte[] data, int start, (int IsUt, int IsStd, int Leap, int Time, int Type, int Chars) counts, int timeSize, string footer)
        {
            var transitions = new long[counts.Time];
            var position = start;
            for (var i = 0; i < counts.Time; i++, position += timeSize)
            {
                transitions[i] = timeSize == 8
                    ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(position))
                    : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
            }
            var types = data.AsSpan(position, counts.Time).ToArray();
            position += counts.Time;
            var offsets = new int[counts.Type];
            var daylight = new bool[counts.Type];
            var abbreviationIndex = new int[counts.Type];
            for (var i = 0; i < counts.Type; i++, position += 6)
            {
                offsets[i] = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
                daylight[i] = data[position + 4] != 0;
                abbreviationIndex[i] = data[position + 5];
            }
            var characters = data.AsSpan(position, counts.Chars).ToArray();
            var abbreviations = abbreviationIndex.Select(index =>
            {
                var length = Array.IndexOf(characters, (byte)0, index);
                return Encoding.ASCII.GetString(characters, index, (length < 0 ? characters.Length : length) - index);
            }).ToArray();
            return new ZoneFile(transitions, types, offsets, daylight, abbreviations, footer);
        }

        /// <summary>The standard and daylight names of a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3".</summary>
        private static (string? Standard, string? Daylight) FooterNames(string footer)
        {
            var position = 0;
            var standard = Name(footer, ref position);
            while (position < footer.Length && (char.IsAsciiDigit(footer[position]) || footer[position] is '+' or '-' or ':'))
            {
                position++;
            }
            var daylight = Name(footer, ref position);
            return (standard, daylight);
        }

        private static string? Name(string text, ref int position)
        {
            if (position >= text.Length)
            {
                return null;
            }
            if (text[position] == '<')
            {
                var close = text.IndexOf('>', position);
                if (close < 0)
                {
                    return null;
                }
                var quoted = text[(position + 1)..close];
                position = close + 1;
                return quoted;
            }
            var start = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }
            return position > start ? text[start..position] : null;
        }
    }
}
