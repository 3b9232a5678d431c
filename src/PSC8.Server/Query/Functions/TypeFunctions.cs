using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Type checks and casts: TO_BOOL … TO_ARRAY, IS_NULL … IS_KEY, TYPENAME.</summary>
internal static class TypeFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add("TO_BOOL", 1, 1, (_, a) => C8Value.From(C8Conversions.ToBool(a[0])));
        table.Add("TO_NUMBER", 1, 1, (_, a) => C8Value.From(C8Conversions.ToNumber(a[0])));
        table.Add("TO_STRING", 1, 1, (_, a) => C8Value.From(C8Conversions.ToStringValue(a[0])));
        table.Add("TO_ARRAY", 1, 1, (_, a) => C8Conversions.ToArray(a[0]));
        table.Alias("TO_LIST", "TO_ARRAY");
        AddTypeCheck(table, "IS_NULL", C8Type.Null);
        AddTypeCheck(table, "IS_BOOL", C8Type.Bool);
        AddTypeCheck(table, "IS_NUMBER", C8Type.Number);
        AddTypeCheck(table, "IS_STRING", C8Type.String);
        AddTypeCheck(table, "IS_ARRAY", C8Type.Array);
        AddTypeCheck(table, "IS_OBJECT", C8Type.Object);
        table.Alias("IS_LIST", "IS_ARRAY");
        table.Alias("IS_DOCUMENT", "IS_OBJECT");
        table.Add("IS_DATESTRING", 1, 1, (_, a) => C8Value.From(a[0].TryGetString(out var text) && DateMath.TryParse(text, out long _)));
        table.Add("IS_KEY", 1, 1, (_, a) => C8Value.From(a[0].TryGetString(out var text) && DocumentKeys.IsValid(text)));
        table.Add("TYPENAME", 1, 1, (_, a) => C8Value.From(C8Conversions.TypeName(a[0])));
    }

    private static void AddTypeCheck(FunctionTable table, string name, C8Type type) =>
        table.Add(name, 1, 1, (_, a) => C8Value.From(Arg(a, 0).Type == type));
}

/// <summary>The document key rules: 1–254 characters from a fixed ASCII set.</summary>
internal static class DocumentKeys
{
    private const int MaxLength = 254;
    private const string Punctuation = "_-:.@()+,=;$!*'%";

    public static bool IsValid(string key)
    {
        if (key.Length == 0 || key.Length > MaxLength)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !Punctuation.Contains(c))
            {
                return false;
            }
        }
        return true;
    }
}
