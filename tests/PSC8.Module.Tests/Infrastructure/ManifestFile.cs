using System.Text.RegularExpressions;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// Reads PSC8.psd1 without PowerShell: the manifest is a data file of <c>Key = 'value'</c> and
/// <c>Key = @( 'a' 'b' )</c> entries, which is all these tests need.
/// </summary>
internal sealed partial class ManifestFile
{
    private readonly string _text;

    public ManifestFile(string path) => _text = string.Join('\n', File.ReadAllLines(path).Select(StripComment));

    public static ManifestFile Load() => new(RepositoryPaths.Manifest);

    public string? Value(string key)
    {
        var match = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*'([^']*)'");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The items of <c>Key = @(...)</c>; null when the key is absent.</summary>
    public IReadOnlyList<string>? List(string key)
    {
        var match = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*@\(([^)]*)\)");
        return match.Success ? Quoted().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).ToArray() : null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 && line[..hash].Count(c => c == '\'') % 2 == 0 ? line[..hash] : line;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
