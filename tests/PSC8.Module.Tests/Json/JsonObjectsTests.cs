using PSC8.Json;

namespace PSC8.Module.Tests.Json;

public sealed class JsonObjectsTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Documents_become_typed_objects_with_nested_objects_and_arrays()
    {
        var row = Parse("""{"_key":"1","_id":"accounts/1","_rev":"_a","name":"Peter","address":{"city":"NewYork","zip":"10001"},"tags":["x",{"y":true}]}""");

        var doc = Assert.IsType<TypedBag>(JsonObjects.ToRow(row, DictionaryBuilder.Instance));

        Assert.Equal(JsonObjects.DocumentTypeName, doc.TypeName);
        Assert.Equal("1", doc["_key"]);
        Assert.Equal("accounts/1", doc["_id"]);
        Assert.Equal("_a", doc["_rev"]);
        var address = Assert.IsType<TypedBag>(doc["address"]);
        Assert.Null(address.TypeName);
        Assert.Equal("NewYork", address["city"]);
        var tags = Assert.IsType<object?[]>(doc["tags"]);
        Assert.Equal("x", tags[0]);
        Assert.Equal(true, Assert.IsType<TypedBag>(tags[1])["y"]);
    }

    [Fact]
    public void Projections_and_scalars_are_not_tagged_as_documents()
    {
        Assert.Null(Assert.IsType<TypedBag>(JsonObjects.ToRow(Parse("""{"name":"Peter"}"""), DictionaryBuilder.Instance)).TypeName);
        Assert.Equal(7, JsonObjects.ToRow(Parse("7"), DictionaryBuilder.Instance));
        Assert.Equal("text", JsonObjects.ToRow(Parse("\"text\""), DictionaryBuilder.Instance));
        Assert.Null(JsonObjects.ToRow(Parse("null"), DictionaryBuilder.Instance));
    }

    [Theory]
    [InlineData("42", typeof(int))]
    [InlineData("-2147483649", typeof(long))]
    [InlineData("92233720368547758070", typeof(decimal))]
    [InlineData("1.5", typeof(double))]
    [InlineData("1e3", typeof(double))]
    [InlineData("1.0", typeof(double))]
    public void Numbers_keep_their_kind(string json, Type expected) =>
        Assert.IsType(expected, JsonObjects.Convert(Parse(json), DictionaryBuilder.Instance, null));

    [Fact]
    public void Date_strings_stay_strings()
    {
        Assert.Equal("2024-05-01T10:00:00Z", JsonObjects.Convert(Parse("\"2024-05-01T10:00:00Z\""), DictionaryBuilder.Instance, null));
    }

    [Fact]
    public void Empty_arrays_and_objects_survive()
    {
        var doc = Assert.IsType<TypedBag>(JsonObjects.Convert(Parse("""{"a":[],"o":{}}"""), DictionaryBuilder.Instance, null));
        Assert.Empty(Assert.IsType<object?[]>(doc["a"]));
        Assert.Empty(Assert.IsType<TypedBag>(doc["o"]));
    }
}
