using System.Text;

namespace PSC8.Local;

/// <summary>
/// One command-line string from separate arguments, quoted so that the child process reads them back unchanged
/// (the Windows C runtime's rules, which .NET also applies on Unix); netstandard2.0 has no ArgumentList.
/// </summary>
internal static class ProcessArguments
{
    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes are literal unless they precede a quote, where each must be doubled.
            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
