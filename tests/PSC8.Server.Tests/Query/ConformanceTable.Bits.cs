namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string BitPage = "aql/functions/bit.md";

    private static IEnumerable<ConformanceCase> BitFunctions() =>
    [
        Q("bit.and", "RETURN [BIT_AND([1, 4, 8, 16]), BIT_AND([3, 7, 63]), BIT_AND([255, 127, null, 63]), BIT_AND(127, 255)]", "[[0,3,63,127]]")
            .Cites(BitPage + "#bit_and"),
        Q("bit.and-invalid", "RETURN BIT_AND(\"foo\")", "[null]").Warns(1542).Cites(BitPage + "#bit_and"),
        Q("bit.and-out-of-range", "RETURN [BIT_AND([1, -1]), BIT_AND(4294967296, 1)]", "[[null,null]]").Warns(1542).Cites(BitPage),
        Q("bit.and-empty", "RETURN [BIT_AND([]), BIT_AND([null])]", "[[null,null]]").Cites(BitPage + "#bit_and"),
        Q("bit.or", "RETURN [BIT_OR([1, 4, 8, 16]), BIT_OR([3, 7, 63]), BIT_OR([255, 127, null, 63]), BIT_OR(255, 127)]", "[[29,63,255,255]]")
            .Cites(BitPage + "#bit_or"),
        Q("bit.or-invalid", "RETURN BIT_OR(\"foo\")", "[null]").Warns(1542).Cites(BitPage + "#bit_or"),
        Q("bit.xor", "RETURN [BIT_XOR([1, 4, 8, 16]), BIT_XOR([3, 7, 63]), BIT_XOR([255, 127, null, 63]), BIT_XOR(255, 257)]", "[[29,59,191,510]]")
            .Cites(BitPage + "#bit_xor"),
        Q("bit.xor-invalid", "RETURN BIT_XOR(\"foo\")", "[null]").Warns(1542).Cites(BitPage + "#bit_xor"),
        Q("bit.construct", "RETURN [BIT_CONSTRUCT([1, 2, 3]), BIT_CONSTRUCT([0, 4, 8]), BIT_CONSTRUCT([0, 1, 10, 31])]", "[[14,273,2147484675]]")
            .Cites(BitPage + "#bit_construct"),
        Q("bit.construct-position-too-high", "RETURN BIT_CONSTRUCT([32])", "[null]").Warns(1542).Cites(BitPage + "#bit_construct"),
        Q("bit.deconstruct", "RETURN [BIT_DECONSTRUCT(14), BIT_DECONSTRUCT(273), BIT_DECONSTRUCT(2147484675)]", "[[[1,2,3],[0,4,8],[0,1,10,31]]]")
            .Cites(BitPage + "#bit_deconstruct"),
        Q("bit.deconstruct-invalid", "RETURN BIT_DECONSTRUCT(-1)", "[null]").Warns(1542).Cites(BitPage + "#bit_deconstruct"),
        // The manual prints 1048756 for the last one; the 21-digit bitstring is 2^20.
        Q("bit.from-string", "RETURN [BIT_FROM_STRING(\"0111\"), BIT_FROM_STRING(\"000000000000010\"), BIT_FROM_STRING(\"11010111011101\"), BIT_FROM_STRING(\"100000000000000000000\")]",
            "[[7,2,13789,1048576]]").Cites(BitPage + "#bit_from_string"),
        Q("bit.from-string-invalid", "RETURN [BIT_FROM_STRING(\"0b11\"), BIT_FROM_STRING(\"102\")]", "[[null,null]]").Warns(1542).Cites(BitPage + "#bit_from_string"),
        Q("bit.negate", "RETURN [BIT_NEGATE(0, 8), BIT_NEGATE(0, 10), BIT_NEGATE(3, 4), BIT_NEGATE(446359921, 32)]", "[[255,1023,12,3848607374]]")
            .Cites(BitPage + "#bit_negate"),
        Q("bit.negate-too-many-bits", "RETURN BIT_NEGATE(0, 33)", "[null]").Warns(1542).Cites(BitPage + "#bit_negate"),
        Q("bit.popcount", "RETURN [BIT_POPCOUNT(0), BIT_POPCOUNT(255), BIT_POPCOUNT(69399252)]", "[[0,8,12]]").Cites(BitPage + "#bit_popcount"),
        Q("bit.popcount-invalid", "RETURN BIT_POPCOUNT(\"foo\")", "[null]").Warns(1542).Cites(BitPage + "#bit_popcount"),
        Q("bit.shift-left", "RETURN [BIT_SHIFT_LEFT(0, 1, 8), BIT_SHIFT_LEFT(7, 1, 16), BIT_SHIFT_LEFT(2, 10, 16), BIT_SHIFT_LEFT(878836, 16, 32)]",
            "[[0,14,2048,1760821248]]").Cites(BitPage + "#bit_shift_left"),
        Q("bit.shift-right", "RETURN [BIT_SHIFT_RIGHT(0, 1, 8), BIT_SHIFT_RIGHT(33, 1, 16), BIT_SHIFT_RIGHT(65536, 13, 16), BIT_SHIFT_RIGHT(878836, 4, 32)]",
            "[[0,16,8,54927]]").Cites(BitPage + "#bit_shift_right"),
        Q("bit.test", "RETURN [BIT_TEST(0, 3), BIT_TEST(255, 0), BIT_TEST(7, 2), BIT_TEST(255, 8)]", "[[false,true,true,false]]").Cites(BitPage + "#bit_test"),
        Q("bit.test-index-too-high", "RETURN BIT_TEST(1, 32)", "[null]").Warns(1542).Cites(BitPage + "#bit_test"),
        // The manual prints "00011110" for 60; eight bits of 60 are 00111100.
        Q("bit.to-string", "RETURN [BIT_TO_STRING(7, 4), BIT_TO_STRING(255, 8), BIT_TO_STRING(60, 8), BIT_TO_STRING(1048576, 32)]",
            """[["0111","11111111","00111100","00000000000100000000000000000000"]]""").Cites(BitPage + "#bit_to_string"),
        Q("bit.aggregate", "FOR x IN [1, 2, 4, 6] COLLECT AGGREGATE a = BIT_AND(x), o = BIT_OR(x), x2 = BIT_XOR(x) RETURN [a, o, x2]", "[[0,7,1]]")
            .Cites("aql/high-level-operations/window.md#syntax"),
        Q("bit.to-string-arguments", "RETURN BIT_TO_STRING(7)", "!1541").Cites(BitPage + "#bit_to_string"),
    ];
}
