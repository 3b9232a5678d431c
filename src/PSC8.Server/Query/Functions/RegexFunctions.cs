using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>REGEX_TEST, REGEX_REPLACE, REGEX_SPLIT, REGEX_MATCHES (and the =~ / !~ operators).</summary>
internal static class RegexFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add("REGEX_TEST", 2, 3, RegexTest);
        table.Add("REGEX_REPLACE", 3, 4, RegexReplace);
        table.Add("REGEX_SPLIT", 2, 4, RegexSplit);
        table.Add("REGEX_MATCHES", 2, 3, RegexMatches);
    }

    private static C8Value RegexTest(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var regex = RegexCache.Get(StringFunctions.Text(arguments, 1), BoolArg(arguments, 2));
        if (regex is null)
        {
            return Warning(context, "REGEX_TEST", QueryErrors.InvalidRegex);
        }
        var text = StringFunctions.Text(arguments, 0);
        return Guard(context, "REGEX_TEST", () => C8Value.From(regex.IsMatch(text)));
    }

    private static C8Value RegexReplace(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var regex = RegexCache.Get(StringFunctions.Text(arguments, 1), BoolArg(arguments, 3));
        if (regex is null)
        {
            return Warning(context, "REGEX_REPLACE", QueryErrors.InvalidRegex);
        }
        var text = StringFunctions.Text(arguments, 0);
        var replacement = IcuPattern.ReplacementToDotNet(StringFunctions.Text(arguments, 2));
        return Guard(context, "REGEX_REPLACE", () => C8Value.From(regex.Replace(text, replacement)));
    }

    private static C8Value RegexSplit(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "REGEX_SPLIT";
        if (!StringFunctions.TryLimit(context, arguments, 3, Name, out var limit, out var early))
        {
            return early;
        }
        var pattern = StringFunctions.Text(arguments, 1);
        var regex = RegexCache.Get(pattern, BoolArg(arguments, 2));
        if (regex is null)
        {
            return Warning(context, Name, QueryErrors.InvalidRegex);
        }
        var text = StringFunctions.Text(arguments, 0);
        if (pattern.Length == 0)
        {
            var characters = new List<C8Value>();
            foreach (var rune in text.EnumerateRunes())
            {
                if (characters.Count == limit)
                {
                    break;
                }
                characters.Add(C8Value.From(rune.ToString()));
            }
            return ArrayOf(characters);
        }
        return Guard(context, Name, () =>
        {
            var parts = new List<C8Value>();
            foreach (var part in regex.Split(text))
            {
                if (parts.Count == limit)
                {
                    break;
                }
                parts.Add(C8Value.From(part));
            }
            return ArrayOf(parts);
        });
    }

    private static C8Value RegexMatches(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "REGEX_MATCHES";
        var pattern = StringFunctions.Text(arguments, 1);
        var regex = RegexCache.Get(pattern, BoolArg(arguments, 2));
        if (regex is null)
        {
            return Warning(context, Name, QueryErrors.InvalidRegex);
        }
        var text = StringFunctions.Text(arguments, 0);
        if (pattern.Length > 0 && text.Length == 0)
        {
            return C8Value.From(new[] { C8Value.EmptyString });
        }
        return Guard(context, Name, () =>
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                return C8Value.Null;
            }
            var groups = new C8Value[match.Groups.Count];
            for (var i = 0; i < groups.Length; i++)
            {
                groups[i] = C8Value.From(match.Groups[i].Success ? match.Groups[i].Value : string.Empty);
            }
            return C8Value.From(groups);
        });
    }

    /// <summary>A regex that runs into its time limit (catastrophic backtracking) counts as invalid.</summary>
    private static C8Value Guard(QueryContext context, string function, Func<C8Value> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            return Warning(context, function, QueryErrors.InvalidRegex);
        }
    }
}

/// <summary>Compiled regular expressions (ICU syntax, see <see cref="IcuPattern"/>) shared by all queries; invalid patterns are remembered as null.</summary>
internal static class RegexCache
{
    private const int Capacity = 1024;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), Regex?> Cache = new();

    public static Regex? Get(string pattern, bool ignoreCase)
    {
        if (Cache.TryGetValue((pattern, ignoreCase), out var cached))
        {
            return cached;
        }
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }
        Regex? regex;
        try
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            regex = new Regex(IcuPattern.ToDotNet(pattern), options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            regex = null;
        }
        Cache[(pattern, ignoreCase)] = regex;
        return regex;
    }
}

/// <summary>
/// A compiled LIKE pattern: <c>%</c> matches any sequence, <c>_</c> one character (code point), a backslash makes
/// the next character literal. The whole text must match.
/// </summary>
internal sealed class LikePattern
{
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), LikePattern> Cache = new();

    private readonly string _literals;
    private readonly bool[] _wildcardOne;
    private readonly bool[] _wildcardMany;
    private readonly bool _ignoreCase;

    private LikePattern(string pattern, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var literals = new System.Text.StringBuilder(pattern.Length);
        var one = new List<bool>();
        var many = new List<bool>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                c = pattern[++i];
                Add(literals, one, many, Fold(c), false, false);
            }
            else if (c == '%')
            {
                if (many.Count == 0 || !many[^1])
                {
                    Add(literals, one, many, '\0', false, true);
                }
            }
            else
            {
                Add(literals, one, many, c == '_' ? '\0' : Fold(c), c == '_', false);
            }
        }
        _literals = literals.ToString();
        _wildcardOne = one.ToArray();
        _wildcardMany = many.ToArray();
    }

    public static LikePattern Get(string pattern, bool ignoreCase)
    {
        if (Cache.TryGetValue((pattern, ignoreCase), out var cached))
        {
            return cached;
        }
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }
        var created = new LikePattern(pattern, ignoreCase);
        Cache[(pattern, ignoreCase)] = created;
        return created;
    }

    private static void Add(System.Text.StringBuilder literals, List<bool> one, List<bool> many, char c, bool isOne, bool isMany)
    {
        literals.Append(c);
        one.Add(isOne);
        many.Add(isMany);
    }

    private char Fold(char c) => _ignoreCase ? char.ToLowerInvariant(c) : c;

    private static bool IsPairAt(string text, int index) =>
        index + 1 < text.Length && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]);

    /// <summary>Greedy matching with backtracking to the last '%': linear for typical patterns.</summary>
    public bool IsMatch(string text)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < _literals.Length && !_wildcardMany[p] && (_wildcardOne[p] || _literals[p] == Fold(text[t])))
            {
                // '_' is one code point, so it takes both halves of a surrogate pair.
                t += _wildcardOne[p] && IsPairAt(text, t) ? 2 : 1;
                p++;
            }
            else if (p < _literals.Length && _wildcardMany[p])
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                resume += IsPairAt(text, resume) ? 2 : 1;
                t = resume;
            }
            else
            {
                return false;
            }
        }
        while (p < _literals.Length && _wildcardMany[p])
        {
            p++;
        }
        return p == _literals.Length;
    }
}
