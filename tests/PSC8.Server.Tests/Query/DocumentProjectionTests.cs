using PSC8.Server.Documents;

namespace PSC8.Server.Tests.Query;

/// <summary>The decoder behind projected scans: only the wanted top-level attributes, whole and in document order.</summary>
public sealed class DocumentProjectionTests
{
    private const string Stored = """{"_key":"1","_id":"c/1","_rev":"_x","name":"John","address":{"city":"Berlin","zip":"10115"},"tags":["a",{"b":[1,2]}],"age":35,"none":null}""";

    private static string Decode(string json, params string[] attributes) =>
        C8Json.Serialize(C8Value.From(new DocumentProjection(attributes).Decode(Encoding.UTF8.GetBytes(json))));

    [Fact]
    public void KeepsOnlyTheWantedAttributesInDocumentOrder() =>
        Assert.Equal("""{"_key":"1","name":"John","age":35}""", Decode(Stored, "age", "name", "_key"));

    [Fact]
    public void NestedValuesComeWhole() =>
        Assert.Equal("""{"address":{"city":"Berlin","zip":"10115"},"tags":["a",{"b":[1,2]}]}""", Decode(Stored, "tags", "address"));

    [Fact]
    public void MissingAttributesAreAbsentAndNullsKept() =>
        Assert.Equal("""{"none":null}""", Decode(Stored, "none", "missing"));

    [Fact]
    public void NoAttributesGiveAnEmptyObject() =>
        Assert.Equal("{}", Decode(Stored));

    [Fact]
    public void AttributesAfterSkippedContainersAreFound() =>
        Assert.Equal("""{"z":1}""", Decode("""{"a":{"z":9,"deep":[{"z":8}]},"b":[[{"z":7}]],"z":1}""", "z"));
}
