using System.Globalization;

namespace PSC8.Server.Tests.Query;

/// <summary>
/// Reads one table of conformance cases written as <c>key: value</c> lines (the format is described in
/// Conformance/README.md). The data is checked strictly: anything it does not understand fails the whole table with
/// the file and line, so a typo cannot drop or change a case quietly.
/// </summary>
public static class ConformanceFile
{
    private const string JsonSuffix = "-json";

    private static readonly string[] Keys = ["case", "query", "bind", "on", "expect", "unordered", "warns", "then", "then-expect", "cites"];

    public static IReadOnlyList<ConformanceCase> Parse(string file, TextReader reader)
    {
        var cases = new List<ConformanceCase>();
        CaseFields? current = null;
        Field? block = null;
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            // Trailing blanks carry nothing (an editor may strip them); a value that needs them is written as JSON.
            var line = raw.TrimEnd();
            if (line.StartsWith('|'))
            {
                if (block is null)
                {
                    throw Malformed(file, number, "a '|' line continues only a key written with nothing after its colon");
                }
                block.Lines.Add(line == "|" ? "" : line.StartsWith("| ", StringComparison.Ordinal) ? line[2..]
                    : throw Malformed(file, number, "a '|' is followed by a space, then the text"));
                continue;
            }
            block = null;
            var text = line.TrimStart();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? text : text[..colon];
            var value = colon < 0 ? null : text[(colon + 1)..].Trim();
            var json = key.EndsWith(JsonSuffix, StringComparison.Ordinal);
            var name = json ? key[..^JsonSuffix.Length] : key;
            if (!Keys.Contains(name))
            {
                throw Malformed(file, number, $"unknown key '{key}' (known: {string.Join(", ", Keys)}; any of them may end in '{JsonSuffix}')");
            }
            if ((name == "unordered") != (value is null))
            {
                throw Malformed(file, number, name == "unordered" ? "'unordered' takes no value" : $"'{key}' needs a colon");
            }
            if (name == "case")
            {
                current?.AddTo(cases);
                current = new CaseFields(file, number);
            }
            var field = new Field(number, value ?? "", json);
            (current ?? throw Malformed(file, number, $"'{key}' before the first 'case:'")).Add(name, field);
            if (value is "")
            {
                block = field;
            }
        }
        current?.AddTo(cases);
        return cases;
    }

    private static FormatException Malformed(string file, int line, string message) => new($"{file}:{line}: {message}");

    /// <summary>One key's value: on its own line, or continued on the '|' lines below it.</summary>
    private sealed class Field(int line, string value, bool json)
    {
        public int Line { get; } = line;

        public List<string> Lines { get; } = value.Length > 0 ? [value] : [];

        public string Text(string file)
        {
            if (Lines.Count == 0)
            {
                throw Malformed(file, Line, "no value: write it after the colon or on '|' lines below");
            }
            var text = string.Join('\n', Lines);
            if (!json)
            {
                return text;
            }
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? throw Malformed(file, Line, "a '-json' value must be a JSON string, not null");
            }
            catch (JsonException e)
            {
                throw Malformed(file, Line, $"a '-json' value must be a JSON string: {e.Message}");
            }
        }
    }

    /// <summary>The fields of the case being read, checked when the next case begins.</summary>
    private sealed class CaseFields(string file, int line)
    {
        private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

        public void Add(string key, Field field)
        {
            if (!_fields.TryAdd(key, field))
            {
                throw Malformed(file, field.Line, $"'{key}' again in the case that begins on line {line}");
            }
        }

        public void AddTo(List<ConformanceCase> cases)
        {
            if (_fields.ContainsKey("then") != _fields.ContainsKey("then-expect"))
            {
                throw Malformed(file, line, "'then' and 'then-expect' go together");
            }
            cases.Add(new ConformanceCase(Required("case"), Required("query"), Required("expect"))
            {
                BindVars = Optional("bind"),
                Fixtures = Optional("on")?.Split(',', StringSplitOptions.TrimEntries) ?? [],
                AnyOrder = _fields.ContainsKey("unordered"),
                Warnings = Optional("warns")?.Split(',', StringSplitOptions.TrimEntries).Select(Code).ToArray() ?? [],
                Then = Optional("then"),
                ThenExpected = Optional("then-expect"),
                Source = Optional("cites"),
            });
        }

        private string Required(string key) =>
            Optional(key) ?? throw Malformed(file, line, $"the case has no '{key}:'");

        private string? Optional(string key) => _fields.TryGetValue(key, out var field) ? field.Text(file) : null;

        private int Code(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                ? code
                : throw Malformed(file, _fields["warns"].Line, $"'{text}' is not a warning code");
    }
}
