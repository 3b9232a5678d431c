using PSC8.Server.Query.Values;

namespace PSC8.Server.Tests.Query;

/// <summary>The reusable value helpers: order, equality and hashing agree; casts and number text.</summary>
public sealed class ValueSemanticsTests
{
    private static readonly C8Value[] Samples =
    [
        C8Value.Null, C8Value.False, C8Value.True, C8Value.From(-1), C8Value.From(0), C8Value.From(-0.0), C8Value.From(0.5), C8Value.From(2),
        C8Value.From(""), C8Value.From(" "), C8Value.From("a"), C8Value.From("ab"), C8Value.From("\uE000"), C8Value.From("\uD83E\uDD51"),
        C8Json.Parse("[]"), C8Json.Parse("[null]"), C8Json.Parse("[0]"), C8Json.Parse("[1,2]"), C8Json.Parse("[1,2,null]"),
        C8Json.Parse("{}"), C8Json.Parse("""{"a":null}"""), C8Json.Parse("""{"a":1}"""), C8Json.Parse("""{"b":1,"a":1}"""),
        C8Json.Parse("""{"a":1,"b":1}"""), C8Json.Parse("""{"a":{"c":true}}"""),
    ];

    [Fact]
    public void OrderIsTotalAndConsistentWithEqualityAndHashing()
    {
        foreach (var a in Samples)
        {
            foreach (var b in Samples)
            {
                var ab = C8ValueComparer.Compare(a, b);
                Assert.Equal(-Math.Sign(C8ValueComparer.Compare(b, a)), Math.Sign(ab));
                Assert.Equal(ab == 0, C8ValueEquality.AreEqual(a, b));
                if (ab == 0)
                {
                    Assert.Equal(C8ValueEquality.Hash(a), C8ValueEquality.Hash(b));
                }
                foreach (var c in Samples)
                {
                    if (ab < 0 && C8ValueComparer.Compare(b, c) < 0)
                    {
                        Assert.True(C8ValueComparer.Compare(a, c) < 0);
                    }
                }
            }
        }
    }

    [Fact]
    public void IntegersAndDoublesOfEqualValueAreEqualAndHashAlike()
    {
        var pairs = new[] { (C8Value.From(1L), C8Value.From(1.0)), (C8Value.From(0L), C8Value.From(-0.0)), (C8Value.From(1L << 60), C8Value.From((double)(1L << 60))) };
        foreach (var (integer, number) in pairs)
        {
            Assert.True(integer.IsInteger);
            Assert.False(number.IsInteger);
            Assert.True(C8ValueEquality.AreEqual(integer, number));
            Assert.Equal(C8ValueEquality.Hash(integer), C8ValueEquality.Hash(number));
        }
        Assert.False(C8ValueEquality.AreEqual(C8Value.From(9007199254740993L), C8Value.From(9007199254740992.0)));
        Assert.True(C8ValueComparer.Compare(C8Value.From(9007199254740993L), C8Value.From(9007199254740992.0)) > 0);
        Assert.True(C8ValueComparer.Compare(C8Value.From(long.MaxValue), C8Value.From(9223372036854775808.0)) < 0);
        Assert.True(C8ValueComparer.Compare(C8Value.From(2L), C8Value.From(2.5)) < 0);
        Assert.True(C8ValueComparer.Compare(C8Value.From(-3L), C8Value.From(-2.5)) < 0);
    }

    [Fact]
    public void CodePointOrderPutsSupplementaryCharactersLast()
    {
        Assert.True(C8ValueComparer.CompareCodePoints("\uE000", "\uD83E\uDD51") < 0);
        Assert.True(C8ValueComparer.CompareCodePoints("B", "a") < 0);
        Assert.True(C8ValueComparer.CompareCodePoints("ab", "abc") < 0);
    }

    [Theory]
    [InlineData(0.0000002, "2e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123.456, "123.456")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.0, "0")]
    [InlineData(42, "42")]
    public void NumbersPrintLikeC8ql(double number, string text) => Assert.Equal(text, C8NumberFormat.Format(number));

    [Theory]
    [InlineData(" 12 ", true, 12)]
    [InlineData("-1.5e2", true, -150)]
    [InlineData(".5", true, 0.5)]
    [InlineData("5.", true, 5)]
    [InlineData("", true, 0)]
    [InlineData("  ", true, 0)]
    [InlineData("12abc", false, 0)]
    [InlineData("0x10", false, 0)]
    [InlineData("Infinity", false, 0)]
    [InlineData("1e", false, 0)]
    [InlineData("-", false, 0)]
    public void NumericStrings(string text, bool valid, double expected)
    {
        Assert.Equal(valid, C8Conversions.TryParseNumber(text, out var number));
        Assert.Equal(expected, number);
    }

    [Fact]
    public void Truthiness()
    {
        Assert.False(C8Conversions.ToBool(C8Value.From("")));
        Assert.True(C8Conversions.ToBool(C8Value.EmptyArray));
        Assert.True(C8Conversions.ToBool(C8Value.From(C8Object.Empty)));
        Assert.False(C8Conversions.ToBool(C8Value.From(-0.0)));
    }

    [Fact]
    public void JsonTextEscapesOnlyWhatItMust()
    {
        var value = C8Json.Parse("""{"a/b":"x\"y\\z\n\u0001é"}""");
        Assert.Equal("{\"a/b\":\"x\\\"y\\\\z\\n\\u0001é\"}", C8JsonText.Stringify(value));
    }
}
