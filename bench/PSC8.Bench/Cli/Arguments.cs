namespace PSC8.Bench.Cli;

/// <summary><c>--name value</c> pairs and bare <c>--flag</c>s; a mistake is a clear message, never a guess.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Arguments(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }
            name = name[2..];
            if (flags.Contains(name))
            {
                _values[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                _values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value.");
            }
        }
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public string? Text(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required.");

    public long Long(string name, long fallback) => Text(name) is { } text ? Count(text, "--" + name) : fallback;

    /// <summary>1000000, 1_000_000, 1e6 and 1000k all mean what they say; so do 100k and 1m.</summary>
    public static long Count(string text, string what)
    {
        var cleaned = text.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var factor = cleaned.EndsWith('k') ? 1_000 : cleaned.EndsWith('m') ? 1_000_000 : 1;
        if (factor != 1)
        {
            cleaned = cleaned[..^1];
        }
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value * factor <= long.MaxValue
            ? (long)(value * factor)
            : throw new ArgumentException($"{what}: '{text}' is not a count such as 1000000, 1e6 or 100k.");
    }

    public int Int(string name, int fallback) => checked((int)Long(name, fallback));

    public double Double(string name, double fallback)
    {
        var text = Text(name);
        return text is null ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a number.");
    }

    public IReadOnlyList<string> List(string name, IReadOnlyList<string> fallback) =>
        Text(name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : fallback;

    /// <summary>Fails on any option nobody asked for (a typo would otherwise silently run the defaults).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
