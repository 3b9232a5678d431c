using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>
/// How alike two strings are: LEVENSHTEIN_DISTANCE, LEVENSHTEIN_MATCH (outside SEARCH), NGRAM_SIMILARITY and
/// NGRAM_POSITIONAL_SIMILARITY. Strings are compared by code points.
/// </summary>
internal static class SimilarityFunctions
{
    /// <summary>LEVENSHTEIN_MATCH's largest distance: 4 edits, or 3 when transpositions count as one edit.</summary>
    private const int MaxEdits = 4;
    private const int MaxEditsWithTranspositions = 3;

    public static void Register(FunctionTable table)
    {
        table.Add("LEVENSHTEIN_DISTANCE", 2, 2, (_, a) =>
            C8Value.From(EditDistance(CodePoints.ToArray(StringFunctions.Text(a, 0)), CodePoints.ToArray(StringFunctions.Text(a, 1)), false)));
        table.Add("LEVENSHTEIN_MATCH", 3, 6, LevenshteinMatch);
        table.Add("NGRAM_SIMILARITY", 3, 3, (c, a) => Ngram(c, a, "NGRAM_SIMILARITY", positional: false));
        table.Add("NGRAM_POSITIONAL_SIMILARITY", 3, 3, (c, a) => Ngram(c, a, "NGRAM_POSITIONAL_SIMILARITY", positional: true));
    }

    /// <summary>
    /// Levenshtein distance, or with <paramref name="transpositions"/> the optimal string alignment distance, where
    /// swapping two adjacent characters is one edit (what C8QL calls Damerau-Levenshtein).
    /// </summary>
    public static int EditDistance(int[] a, int[] b, bool transpositions)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }
                current[j] = best;
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }

    /// <summary>LEVENSHTEIN_MATCH(text, target, distance, transpositions, maxTerms, prefix): maxTerms only matters in SEARCH.</summary>
    private static C8Value LevenshteinMatch(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        const string Name = "LEVENSHTEIN_MATCH";
        var transpositions = BoolArg(arguments, 3, defaultValue: true);
        var prefix = arguments.Length > 5 ? arguments[5] : C8Value.EmptyString;
        if (!arguments[0].TryGetString(out var text) || !arguments[1].TryGetString(out var target) || !arguments[2].IsNumber
            || !prefix.TryGetString(out var prefixText))
        {
            return InvalidArgument(context, Name);
        }
        var distance = arguments[2].AsNumber;
        if (distance < 0 || distance > (transpositions ? MaxEditsWithTranspositions : MaxEdits))
        {
            return InvalidArgument(context, Name);
        }
        if (!text.StartsWith(prefixText, StringComparison.Ordinal))
        {
            return C8Value.False;
        }
        var edits = EditDistance(CodePoints.ToArray(text[prefixText.Length..]), CodePoints.ToArray(target), transpositions);
        return C8Value.From(edits <= distance);
    }

    private static C8Value Ngram(QueryContext context, ReadOnlySpan<C8Value> arguments, string name, bool positional)
    {
        if (!arguments[0].TryGetString(out var input) || !arguments[1].TryGetString(out var target) || !arguments[2].IsNumber)
        {
            return InvalidArgument(context, name);
        }
        if (arguments[2].AsNumber < 1)
        {
            return Warning(context, name, C8Errors.BadParameter);
        }
        var size = (int)Math.Min(arguments[2].AsNumber, int.MaxValue);
        var similarity = NgramSimilarity(CodePoints.ToArray(target), CodePoints.ToArray(input), size, positional);
        return C8Value.From((double)similarity);
    }

    /// <summary>
    /// Kondrak's n-gram similarity: the best alignment of the two strings' n-grams, found like a longest common
    /// subsequence. Binary (positional = false) counts only n-grams equal as a whole and divides by the target's
    /// n-gram count; positional counts matching characters within n-grams and divides by the longer string's count.
    /// Computed in single precision, as C8QL reports these values.
    /// </summary>
    public static float NgramSimilarity(int[] target, int[] source, int size, bool positional)
    {
        if (positional && target.Length > source.Length)
        {
            (target, source) = (source, target);
        }
        if (target.Length < size || source.Length < size)
        {
            return ShortStringSimilarity(target, source, positional);
        }
        var targetGrams = target.Length - size + 1;
        var sourceGrams = source.Length - size + 1;
        var row = new float[sourceGrams + 1];
        // C8QL carries the upper-left cell over from one row to the next rather than restarting it at 0 at each row.
        float upperLeft = 0;
        for (var t = 0; t < targetGrams; t++)
        {
            for (var s = 1; s <= sourceGrams; s++)
            {
                var score = GramScore(target, t, source, s - 1, size, positional);
                var above = row[s];
                row[s] = Math.Max(Math.Max(row[s - 1], row[s]), upperLeft + score);
                upperLeft = above;
            }
        }
        return row[sourceGrams] / (positional ? sourceGrams : targetGrams);
    }

    private static float GramScore(int[] target, int targetStart, int[] source, int sourceStart, int size, bool positional)
    {
        var matches = 0;
        for (var i = 0; i < size; i++)
        {
            if (target[targetStart + i] == source[sourceStart + i])
            {
                matches++;
            }
            else if (!positional)
            {
                return 0;
            }
        }
        return positional ? (float)matches / size : 1;
    }

    /// <summary>Strings shorter than an n-gram: positionally the share of equal characters, otherwise equal or not.</summary>
    private static float ShortStringSimilarity(int[] target, int[] source, bool positional)
    {
        if (!positional)
        {
            return target.AsSpan().SequenceEqual(source) ? 1 : 0;
        }
        if (source.Length == 0)
        {
            return 1;
        }
        var matched = 0;
        for (var i = 0; i < target.Length; i++)
        {
            matched += target[i] == source[i] ? 1 : 0;
        }
        return (float)matched / source.Length;
    }
}
