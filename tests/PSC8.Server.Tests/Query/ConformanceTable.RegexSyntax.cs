namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string RegexSyntaxPage = "aql/functions/string.md#regular-expression-syntax";

    /// <summary>
    /// The regular expression syntax of the function reference, which ArangoDB implements with ICU: where .NET's
    /// defaults differ (what "." and "$" match around line terminators, \Q…\E, \x{…}, backslashes in replacements).
    /// </summary>
    private static IEnumerable<ConformanceCase> RegexSyntax() =>
    [
        Q("regex.dot-excludes-line-terminators",
            "RETURN [REGEX_TEST('a\\rb', 'a.b'), REGEX_TEST('a\\nb', 'a.b'), REGEX_TEST('a\\u2028b', 'a.b'), REGEX_TEST('a\\tb', 'a.b')]",
            "[[false,false,false,true]]").Cites(RegexSyntaxPage + " (the dot matches any single character except line terminators)"),
        Q("regex.dotall-simulated", "RETURN [REGEX_TEST('a\\r\\nb', 'a[\\\\s\\\\S]+b'), REGEX_TEST('a\\rb', '(?s)a.b')]", "[[true,true]]")
            .Cites(RegexSyntaxPage + " (use [\\s\\S] to simulate the DOTALL flag)"),
        Q("regex.case-flag-keeps-dot-rules", "RETURN [REGEX_TEST('A\rB', '(?i)a.b'), REGEX_TEST('AxB', '(?i)a.b')]", "[[false,true]]")
            .Cites(RegexSyntaxPage + " (ICU: (?i) changes case only)"),
        Q("regex.dollar-before-final-line-terminator",
            "RETURN [REGEX_TEST('ab', 'b$'), REGEX_TEST('ab\\r', 'b$'), REGEX_TEST('ab\\r\\n', 'b$'), REGEX_TEST('ab\\nc', 'b$')]",
            "[[true,true,true,false]]").Cites(RegexSyntaxPage + " ($ matches the end of the string)"),
        Q("regex.escaped-specials", "RETURN [REGEX_TEST('x.y', 'x\\\\.y'), REGEX_TEST('xay', 'x\\\\.y'), REGEX_TEST('x$', 'x[$]'), REGEX_TEST('1+1', '^1\\\\+1$')]",
            "[[true,false,true,true]]").Cites(RegexSyntaxPage + " (escape special characters with a backslash)"),
        Q("regex.quoted-and-code-points",
            "RETURN [REGEX_TEST('a.b*c', '\\\\Q.b*\\\\E'), REGEX_TEST('abbc', '\\\\Q.b*\\\\E'), REGEX_TEST('\u00e9', '\\\\x{e9}'), REGEX_TEST('\ud83d\ude00', '^\\\\x{1F600}$')]",
            "[[true,false,true,true]]").Cites(RegexSyntaxPage + " (ICU: \\Q…\\E quotes, \\x{hhhh} is a code point)"),
        Q("regex.replacement-escapes", "RETURN [REGEX_REPLACE('abc', '(b)', '[$1]'), REGEX_REPLACE('abc', 'b', '\\\\$'), REGEX_REPLACE('a.c', '.', 'x')]",
            """[["a[b]c","a$c","xxx"]]""").Cites("aql/functions/string.md#regex_replace (ICU replacement text: $n a group, \\ makes the next character literal)"),
        Q("regex.operator-shares-the-syntax", "RETURN ['a\\rb' =~ 'a.b', 'ab' =~ 'b$', 'a\\rb' !~ '^a.b$']", "[[false,true,true]]")
            .Cites("aql/operators.md#comparison-operators (=~ and !~ use the regular expression syntax)"),
    ];
}
