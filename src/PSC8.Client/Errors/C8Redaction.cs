using System.Text.RegularExpressions;

namespace PSC8.Client.Errors;

/// <summary>
/// Removes secrets from text before it reaches a log line, an exception message or the console:
/// the exact secrets a connection holds, plus anything shaped like a JWT, an Authorization value
/// or a password/apikey/jwt field.
/// </summary>
public static class C8Redaction
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    private static readonly Regex Patterns = new Regex(
        // A JWT: three base64url segments, the first two starting with eyJ ('{"').
        @"eyJ[A-Za-z0-9_\-+/=]*\.eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*"
        // Authorization header values: the credential's own characters (RFC 7235 token68), so that punctuation around
        // it — a closing parenthesis, a comma — stays.
        + @"|(?<scheme>\b(?:apikey|bearer|basic)[ ]+)[A-Za-z0-9\-._~+/=]+"
        // JSON fields or query/form parameters whose value is a secret.
        + @"|(?<field>""(?:password|passwd|apikey|api_key|jwt|token|secret|key)""\s*:\s*"")[^""]*"
        + @"|(?<param>\b(?:password|passwd|apikey|api_key|jwt|token|secret)=)[^&\s]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Redacts <paramref name="text"/> by pattern only.</summary>
    public static string Redact(string? text) => Redact(text, null);

    /// <summary>Redacts the given secrets (exact occurrences) and anything secret-shaped.</summary>
    public static string Redact(string? text, IEnumerable<string?>? secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text!;
        if (secrets is not null)
        {
            foreach (var secret in secrets)
            {
                // Very short values would blank out ordinary words; real secrets are long.
                if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4)
                {
                    result = Replace(result, secret);
                }
            }
        }

        return Patterns.Replace(result, m =>
        {
            if (m.Groups["scheme"].Success)
            {
                return m.Groups["scheme"].Value + Mask;
            }

            if (m.Groups["field"].Success)
            {
                return m.Groups["field"].Value + Mask;
            }

            if (m.Groups["param"].Success)
            {
                return m.Groups["param"].Value + Mask;
            }

            return Mask;
        });
    }

    private static string Replace(string text, string secret)
    {
        var index = text.IndexOf(secret, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var start = 0;
        while (index >= 0)
        {
            builder.Append(text, start, index - start).Append(Mask);
            start = index + secret.Length;
            index = text.IndexOf(secret, start, StringComparison.Ordinal);
        }

        builder.Append(text, start, text.Length - start);
        return builder.ToString();
    }
}
