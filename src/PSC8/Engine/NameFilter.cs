namespace PSC8.Engine;

/// <summary>
/// Selects named objects by PowerShell wildcards (case-insensitive). A name given without wildcards that matches
/// nothing is reported back, so the cmdlet can write "not found" for it as Get-Item does; a wildcard that matches
/// nothing is silently empty.
/// </summary>
internal sealed class NameFilter<T>
{
    private NameFilter(IReadOnlyList<T> matches, IReadOnlyList<string> missing)
    {
        Matches = matches;
        Missing = missing;
    }

    public IReadOnlyList<T> Matches { get; }

    /// <summary>Literal names that matched nothing, in the order given.</summary>
    public IReadOnlyList<string> Missing { get; }

    public static NameFilter<T> Apply(IEnumerable<T> items, IReadOnlyList<string>? patterns, Func<T, string?> name)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var all = new List<T>(items);
        var matches = new List<T>(C8Wildcard.Filter(all, patterns, name));
        var missing = new List<string>();
        foreach (var pattern in patterns ?? Array.Empty<string>())
        {
            if (pattern is null || C8Wildcard.ContainsWildcards(pattern))
            {
                continue;
            }

            var wildcard = new C8Wildcard(pattern);
            if (!all.Exists(item => wildcard.IsMatch(name(item))))
            {
                missing.Add(pattern);
            }
        }

        return new NameFilter<T>(matches, missing);
    }
}
