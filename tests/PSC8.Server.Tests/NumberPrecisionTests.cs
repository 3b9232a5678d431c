namespace PSC8.Server.Tests;

/// <summary>
/// Numbers as GDN keeps them: integers within 64 bits stay exact in stored documents, in query arithmetic and in
/// bind parameters; a number JSON cannot carry as a double is refused (400, errorNum 600) instead of stored as null.
/// </summary>
public sealed class NumberPrecisionTests(C8HostFixture fx) : HostTest<C8HostFixture>(fx)
{
    private Task<HttpExchange> RawAsync(HttpMethod method, string path, string body) =>
        Api.SendRawAsync(method, path, Encoding.UTF8.GetBytes(body), "application/json");

    private async Task<C8Value> QueryAsync(string fabric, string query, string bindVars = "{}")
    {
        var response = (await RawAsync(HttpMethod.Post, CursorCalls.Cursor(fabric), $$"""{"query":{{C8Json.Serialize(C8Value.From(query))}},"bindVars":{{bindVars}}}"""))
            .ShouldBe(201);
        return C8Json.Parse(response.Body)["result"];
    }

    [Fact]
    public async Task Integers_beyond_two_to_the_53_are_stored_and_read_back_exactly()
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await RawAsync(HttpMethod.Post, Paths.Documents(fabric, name),
            """{"_key":"n","big":9007199254740993,"max":9223372036854775807,"min":-9223372036854775808,"half":1.5}""")).ShouldBe(202);

        var body = (await Api.GetAsync(Paths.Document(fabric, name, "n"))).ShouldBe(200).Body;
        Assert.Contains("\"big\":9007199254740993", body);
        Assert.Contains("\"max\":9223372036854775807", body);
        Assert.Contains("\"min\":-9223372036854775808", body);
        Assert.Contains("\"half\":1.5", body);

        var read = await QueryAsync(fabric, $"FOR d IN {name} RETURN [d.big, d.big + 1, d.max - 1, d.big == 9007199254740992]");
        Assert.Equal("[[9007199254740993,9007199254740994,9223372036854775806,false]]", C8Json.Serialize(read));
    }

    [Fact]
    public async Task Query_arithmetic_stays_exact_on_integers_and_falls_back_to_a_double_on_overflow()
    {
        var fabric = await Fx.CreateFabricAsync();
        var result = await QueryAsync(fabric,
            "RETURN [9007199254740993 + 2, 3037000499 * 3037000499, 9007199254740993 * 3 / 3, 9223372036854775807 + 1, -9223372036854775807 - 2]");
        var values = result.AsArray[0].AsArray;
        Assert.Equal(9007199254740995, Integer(values[0]));
        Assert.Equal(9223372030926249001, Integer(values[1]));
        Assert.Equal(9007199254740993, Integer(values[2]));
        Assert.False(values[3].IsInteger);
        Assert.Equal(9223372036854775808.0, values[3].AsNumber);
        Assert.Equal(-9223372036854775809.0, values[4].AsNumber);
    }

    [Fact]
    public async Task Bind_parameters_keep_64_bit_integers()
    {
        var fabric = await Fx.CreateFabricAsync();
        var result = await QueryAsync(fabric, "RETURN [@x, @x + 1, TO_STRING(@x)]", """{"x":9007199254740993}""");
        Assert.Equal("""[[9007199254740993,9007199254740994,"9007199254740993"]]""", C8Json.Serialize(result));
    }

    public static TheoryData<string> NumbersBeyondDoubles => new()
    {
        "1e400",
        "-1e400",
        "1" + new string('0', 400),
    };

    [Theory]
    [MemberData(nameof(NumbersBeyondDoubles))]
    public async Task A_number_a_double_cannot_hold_is_400_600_and_stores_nothing(string number)
    {
        var fabric = await Fx.CreateFabricAsync();
        var name = await Fx.CreateCollectionAsync(fabric);
        (await RawAsync(HttpMethod.Post, Paths.Documents(fabric, name), $$"""{"_key":"x","a":{{number}}}""")).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Post, Paths.Documents(fabric, name), $$"""[{"_key":"y","a":[{{number}}]}]""")).ShouldFail(400, 600);
        (await RawAsync(HttpMethod.Post, CursorCalls.Cursor(fabric), "{\"query\":\"RETURN @a\",\"bindVars\":{\"a\":" + number + "}}")).ShouldFail(400, 600);
        Assert.Equal(0, (await Api.GetAsync(Paths.Collection(fabric, name, "count"))).ShouldBe(200).Json.Long("count"));
    }

    private static long Integer(C8Value value)
    {
        Assert.True(value.TryGetInteger(out var integer), $"{value} is not an integer");
        return integer;
    }
}
