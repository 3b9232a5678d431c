using System.Text;
using System.Text.RegularExpressions;

namespace PSC8.Client;

/// <summary>
/// PowerShell-style wildcard matching of names, case-insensitive: <c>*</c> any run, <c>?</c> one character,
/// <c>[abc]</c>/<c>[a-z]</c> a set, and a backtick escapes the next character. Used for <c>-Name tmp*</c> filters
/// without a PowerShell runtime.
/// </summary>
public sealed class C8Wildcard
{
    private readonly Regex _regex;

    /// <summary>Compiles a pattern.</summary>
    public C8Wildcard(string pattern)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Whether the pattern contains wildcard characters (otherwise it names one object exactly).</summary>
    public bool HasWildcards => ContainsWildcards(Pattern);

    /// <summary>Whether <paramref name="name"/> matches.</summary>
    public bool IsMatch(string? name) => name is not null && _regex.IsMatch(name);

    /// <summary>Whether <paramref name="pattern"/> contains an unescaped <c>*</c>, <c>?</c> or <c>[</c>.</summary>
    public static bool ContainsWildcards(string? pattern)
    {
        if (pattern is null)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`')
            {
                i++;
                continue;
            }

            if (c == '*' || c == '?' || c == '[')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Keeps the items whose name matches any of the patterns; all items when there are no patterns.
    /// Order is preserved and each item is returned once.
    /// </summary>
    public static IEnumerable<T> Filter<T>(IEnumerable<T> items, IEnumerable<string>? patterns, Func<T, string?> name)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var compiled = new List<C8Wildcard>();
        if (patterns is not null)
        {
            foreach (var p in patterns)
            {
                if (p is not null)
                {
                    compiled.Add(new C8Wildcard(p));
                }
            }
        }

        return FilterIterator(items, compiled, name);
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;

    private static IEnumerable<T> FilterIterator<T>(IEnumerable<T> items, List<C8Wildcard> patterns, Func<T, string?> name)
    {
        foreach (var item in items)
        {
            if (patterns.Count == 0)
            {
                yield return item;
                continue;
            }

            var n = name(item);
            foreach (var p in patterns)
            {
                if (p.IsMatch(n))
                {
                    yield return item;
                    break;
                }
            }
        }
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    sb.Append(".*");
                    break;
                case '?':
                    sb.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var set = pattern.Substring(i + 1, close - i - 1);
                    sb.Append('[');
                    foreach (var sc in set)
                    {
                        // Keep ranges (a-z); escape everything regex would treat specially.
                        sb.Append(sc == '-' ? "-" : sc == '\\' || sc == '^' || sc == '[' || sc == ']' ? "\\" + sc : sc.ToString());
                    }

                    sb.Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.Append('$').ToString();
    }
}
