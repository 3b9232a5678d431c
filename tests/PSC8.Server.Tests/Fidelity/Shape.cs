namespace PSC8.Server.Tests.Fidelity;

/// <summary>Compares an answer's members with the ones a real GDN answer has, in any order.</summary>
public static class Shape
{
    public static void HasExactly(JsonObject answer, params string[] members)
    {
        var actual = answer.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var expected = members.Order(StringComparer.Ordinal).ToArray();
        if (!actual.SequenceEqual(expected))
        {
            throw new XunitException(
                $"Members differ.\nExpected: {string.Join(", ", expected)}\nActual:   {string.Join(", ", actual)}\nin {answer.ToJsonString()}");
        }
    }
}
