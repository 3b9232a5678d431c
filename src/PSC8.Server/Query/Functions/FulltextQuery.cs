namespace PSC8.Server.Query.Functions;

/// <summary>
/// A FULLTEXT() search as ArangoDB's fulltext index reads it: comma-separated words, each a complete word or, with
/// "prefix:", the start of one; "+" (the default) keeps the documents that also have the word, "|" adds those that
/// have it, "-" drops them. Words are letters and digits, compared lowercased and cut to 40 characters.
/// </summary>
internal sealed class FulltextQuery
{
    private const int MaxWordLength = 40;

    private readonly List<(char Operator, string Word, bool Prefix)> _terms;

    private FulltextQuery(List<(char Operator, string Word, bool Prefix)> terms) => _terms = terms;

    public static FulltextQuery Parse(string text)
    {
        var terms = new List<(char, string, bool)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var op = '+';
            if (term.Length > 0 && term[0] is '+' or '|' or '-')
            {
                (op, term) = (term[0], term[1..].TrimStart());
            }
            var prefix = false;
            if (term.StartsWith("prefix:", StringComparison.OrdinalIgnoreCase))
            {
                (prefix, term) = (true, term[7..]);
            }
            else if (term.StartsWith("complete:", StringComparison.OrdinalIgnoreCase))
            {
                term = term[9..];
            }
            var word = Normalize(term);
            if (word.Length > 0)
            {
                terms.Add((op, word, prefix));
            }
        }
        if (terms.Count == 0)
        {
            throw new C8Exception(400, QueryErrors.FunctionArgumentTypeMismatch, "invalid fulltext query: no search words");
        }
        return new FulltextQuery(terms);
    }

    /// <summary>Whether a document with these words is found: the terms apply left to right.</summary>
    public bool Matches(IReadOnlySet<string> words)
    {
        var found = false;
        for (var i = 0; i < _terms.Count; i++)
        {
            var (op, word, prefix) = _terms[i];
            var has = prefix ? words.Any(w => w.StartsWith(word, StringComparison.Ordinal)) : words.Contains(word);
            found = i == 0 ? has && op != '-' : op switch { '|' => found || has, '-' => found && !has, _ => found && has };
        }
        return found;
    }

    /// <summary>
    /// The keys of the documents found, from the keys of those that have each term's word (<paramref name="keysOf"/>
    /// of the word and whether it is a prefix): the terms combine as <see cref="Matches"/> combines them.
    /// </summary>
    public HashSet<string> Keys(Func<string, bool, IEnumerable<string>> keysOf)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _terms.Count; i++)
        {
            var (op, word, prefix) = _terms[i];
            if (i == 0 && op != '-')
            {
                found.UnionWith(keysOf(word, prefix));
            }
            else if (op == '|')
            {
                found.UnionWith(keysOf(word, prefix));
            }
            else if (i > 0 && found.Count > 0)
            {
                var has = keysOf(word, prefix);
                if (op == '-')
                {
                    found.ExceptWith(has);
                }
                else
                {
                    found.IntersectWith(has);
                }
            }
        }
        return found;
    }

    /// <summary>The indexed words of an attribute value: a string, the strings of an array, or an object's string values.</summary>
    public static IReadOnlySet<string> Words(C8Value value, int minLength)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<C8Value> texts = value.IsString ? [value]
            : value.IsArray ? value.AsArray.ToArray()
            : value.TryGetObject(out var obj) ? obj.Select(p => p.Value) : [];
        foreach (var text in texts)
        {
            if (!text.TryGetString(out var s))
            {
                continue;
            }
            var word = new StringBuilder();
            foreach (var c in s + " ")
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                    continue;
                }
                if (word.Length >= minLength)
                {
                    words.Add(Normalize(word.ToString()));
                }
                word.Clear();
            }
        }
        return words;
    }

    private static string Normalize(string word)
    {
        var lower = word.Trim().ToLower(CultureInfo.InvariantCulture);
        return lower.Length > MaxWordLength ? lower[..MaxWordLength] : lower;
    }
}
