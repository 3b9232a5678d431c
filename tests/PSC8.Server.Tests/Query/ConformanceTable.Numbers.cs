namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string DataTypesPage = "aql/fundamentals/data-types.md#numeric-literals";

    /// <summary>64-bit signed integers kept exact, doubles beyond (numeric values are one or the other internally).</summary>
    private static IEnumerable<ConformanceCase> Numbers() =>
    [
        Q("number.integer-literals", "RETURN [9007199254740993, -9007199254740993, 9223372036854775807, 0x7FFFFFFFFFFFFFFF]",
            "[[9007199254740993,-9007199254740993,9223372036854775807,9223372036854775807]]").Cites(DataTypesPage),
        Q("number.integer-arithmetic", "RETURN [9007199254740993 + 2, 9007199254740993 - 9007199254740992, 3037000499 * 3037000499, 9007199254740994 / 2, 9007199254740993 % 10]",
            "[[9007199254740995,1,9223372030926249001,4503599627370497,3]]").Cites(DataTypesPage),
        Q("number.overflow-becomes-double", "RETURN [9223372036854775807 + 1 == 9223372036854775808.0, 9223372036854775807 * 2 > 9223372036854775807]", "[[true,true]]")
            .Cites(DataTypesPage),
        Q("number.exact-comparison", "RETURN [9007199254740993 == 9007199254740992, 9007199254740993 > 9007199254740992.0, 1 == 1.0, 2 IN [2.0], 9007199254740993 IN [9007199254740992]]",
            "[[false,true,true,true,false]]").Cites(DataTypesPage),
        Q("number.distinct-values", "RETURN [UNIQUE([1, 1.0, 9007199254740993, 9007199254740992]), SORTED([9007199254740993, 9007199254740992.0, 9007199254740994])]",
            "[[[1,9007199254740993,9007199254740992],[9007199254740992,9007199254740993,9007199254740994]]]").Cites(DataTypesPage),
        Q("number.to-string", "RETURN [TO_STRING(9007199254740993), CONCAT(-9223372036854775807, ''), LENGTH(9007199254740993)]",
            """[["9007199254740993","-9223372036854775807",16]]""").Cites(DataTypesPage),
        Q("number.bind-parameter", "RETURN @n + 1", "[9007199254740994]").Bind("""{"n":9007199254740993}""").Cites("aql/fundamentals/bind-parameters.md"),
        Q("number.stored", "FOR d IN big RETURN [d.n, d.n + 1]", "[[9007199254740993,9007199254740994]]").On("big").Cites(DataTypesPage),
    ];
}
