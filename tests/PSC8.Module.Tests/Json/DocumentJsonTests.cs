using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using PSC8.Client.Json;
using PSC8.Engine;
using PSC8.Json;

namespace PSC8.Module.Tests.Json;

public sealed class DocumentJsonTests
{
    private static readonly DocumentJson Plain = new(JsonObjectShape.Plain);

    private static string Text(JsonElement e) => e.GetRawText();

    [Fact]
    public void A_hashtable_is_one_document_with_nested_values()
    {
        var table = new Hashtable { ["name"] = "Peter", ["age"] = 42, ["tags"] = new object[] { "a", 1 }, ["address"] = new Hashtable { ["city"] = "NewYork" } };

        var doc = Assert.Single(Plain.ToDocuments(table));

        Assert.Equal("Peter", doc.GetProperty("name").GetString());
        Assert.Equal(42, doc.GetProperty("age").GetInt32());
        Assert.Equal("""["a",1]""", Text(doc.GetProperty("tags")));
        Assert.Equal("NewYork", doc.GetProperty("address").GetProperty("city").GetString());
    }

    [Fact]
    public void An_ordered_dictionary_keeps_its_order()
    {
        var ordered = new OrderedDictionary { ["b"] = 1, ["a"] = 2 };
        Assert.Equal("""{"b":1,"a":2}""", Text(Assert.Single(Plain.ToDocuments(ordered))));
    }

    [Fact]
    public void JSON_text_holds_one_document_or_an_array_of_them()
    {
        Assert.Single(Plain.ToDocuments("""{"_key":"1"}"""));
        Assert.Equal(3, Plain.ToDocuments("""[{"a":1},{"a":2},{"a":3}]""").Count);
    }

    [Fact]
    public void An_array_parameter_holds_one_document_per_item()
    {
        var docs = Plain.ToDocuments(new object[] { new Hashtable { ["a"] = 1 }, """{"a":2}""" });
        Assert.Equal(new[] { 1, 2 }, docs.Select(d => d.GetProperty("a").GetInt32()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void Text_that_is_not_a_JSON_object_is_an_invalid_document(string text)
    {
        var ex = Assert.Throws<C8CommandException>(() => Plain.ToDocuments(text));
        Assert.Equal("C8.InvalidDocument", ex.ErrorId);
        Assert.False(ex.Terminating);
    }

    [Fact]
    public void Scalars_and_null_are_not_documents()
    {
        Assert.Equal("C8.InvalidDocument", Assert.Throws<C8CommandException>(() => Plain.ToDocuments(42)).ErrorId);
        Assert.Equal("C8.InvalidDocument", Assert.Throws<C8CommandException>(() => Plain.ToDocuments(null)).ErrorId);
    }

    [Fact]
    public void Objects_serialise_through_the_shape()
    {
        var doc = Assert.Single(Plain.ToDocuments(new Account { Name = "Bruce", City = "Gotham" }));
        Assert.Equal("""{"Name":"Bruce","City":"Gotham"}""", Text(doc));
    }

    [Fact]
    public void A_wrapping_shape_unwraps_values_and_exposes_property_bags()
    {
        var json = new DocumentJson(new WrapperShape());
        var wrapped = new Wrapper(new Bag(("firstname", "Clark"), ("lastname", new Wrapper("Kent"))));

        Assert.Equal("""{"firstname":"Clark","lastname":"Kent"}""", Text(Assert.Single(json.ToDocuments(wrapped))));
        Assert.Single(json.ToDocuments(new Wrapper("""{"a":1}""")));
    }

    [Fact]
    public void Values_have_stable_JSON_forms()
    {
        var when = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));
        var table = new Hashtable
        {
            ["when"] = when,
            ["id"] = Guid.Parse("0b5e2a56-6c7a-4a34-9b6b-7e2f3c1d9e8f"),
            ["kind"] = DayOfWeek.Monday,
            ["price"] = 1.50m,
            ["ratio"] = 0.25,
            ["big"] = long.MaxValue,
            ["none"] = null,
        };

        var doc = Assert.Single(Plain.ToDocuments(table));

        Assert.Equal(when.ToString("o", CultureInfo.InvariantCulture), doc.GetProperty("when").GetString());
        Assert.Equal("0b5e2a56-6c7a-4a34-9b6b-7e2f3c1d9e8f", doc.GetProperty("id").GetString());
        Assert.Equal("Monday", doc.GetProperty("kind").GetString());
        Assert.Equal(1.50m, doc.GetProperty("price").GetDecimal());
        Assert.Equal(0.25, doc.GetProperty("ratio").GetDouble());
        Assert.Equal(long.MaxValue, doc.GetProperty("big").GetInt64());
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("none").ValueKind);
    }

    [Fact]
    public void Secrets_and_non_finite_numbers_are_refused()
    {
        Assert.Equal("C8.InvalidDocument", Assert.Throws<C8CommandException>(() => Plain.ToDocuments(new Hashtable { ["p"] = C8LocalFixture.Secure("x") })).ErrorId);
        Assert.Equal("C8.InvalidDocument", Assert.Throws<C8CommandException>(() => Plain.ToDocuments(new Hashtable { ["n"] = double.NaN })).ErrorId);
    }

    [Fact]
    public void A_cycle_is_reported_instead_of_overflowing()
    {
        var table = new Hashtable();
        table["self"] = table;

        var ex = Assert.Throws<C8CommandException>(() => Plain.ToDocuments(table));
        Assert.Contains("levels deep", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_variables_keep_their_names_and_become_JSON()
    {
        var map = Plain.ToMap(new Hashtable { ["City"] = "Gotham", ["@coll"] = "accounts", ["n"] = 3 });

        Assert.Equal("Gotham", ((JsonElement)map["City"]!).GetString());
        Assert.Equal("accounts", ((JsonElement)map["@coll"]!).GetString());
        Assert.Equal(3, ((JsonElement)map["n"]!).GetInt32());
        Assert.Empty(Plain.ToMap(null));
    }

    [Fact]
    public void Metadata_must_be_an_object()
    {
        Assert.Equal(JsonValueKind.Object, Plain.ToObject(new Hashtable { ["owner"] = "ops" }).ValueKind);
        Assert.Equal(JsonValueKind.Object, Plain.ToObject("""{"owner":"ops"}""").ValueKind);
        Assert.Equal("C8.InvalidArgument", Assert.Throws<C8CommandException>(() => Plain.ToObject(new[] { 1, 2 })).ErrorId);
    }

    [Theory]
    [InlineData(null, """{"_key":"k1"}""", "k1")]
    [InlineData("given", """{"_key":"k1"}""", "given")]
    [InlineData(null, """{"_id":"accounts/k2"}""", "k2")]
    public void The_key_of_a_write_comes_from_Key_then_key_then_id(string? key, string json, string expected) =>
        Assert.Equal(expected, DocumentAddress.Key(key, JsonDocument.Parse(json).RootElement));

    [Fact]
    public void A_write_without_any_key_is_refused()
    {
        var ex = Assert.Throws<C8CommandException>(() => DocumentAddress.Key(null, JsonDocument.Parse("""{"a":1}""").RootElement));
        Assert.Equal("C8.DocumentKeyMissing", ex.ErrorId);
    }

    [Theory]
    [InlineData("given", """{"_id":"accounts/k2"}""", "given")]
    [InlineData(null, """{"_id":"accounts/k2"}""", "accounts")]
    public void The_collection_of_a_write_comes_from_Collection_then_id(string? collection, string json, string expected) =>
        Assert.Equal(expected, DocumentAddress.Collection(collection, JsonDocument.Parse(json).RootElement));

    [Theory]
    [InlineData("""{"_key":"k1"}""")]
    [InlineData("""{"_id":"accounts"}""")]
    [InlineData("""{"_id":"/k1"}""")]
    public void A_write_whose_collection_nothing_names_is_refused(string json)
    {
        var ex = Assert.Throws<C8CommandException>(() => DocumentAddress.Collection(null, JsonDocument.Parse(json).RootElement));
        Assert.Equal("C8.CollectionMissing", ex.ErrorId);
    }

    private sealed class Account
    {
        public string Name { get; set; } = string.Empty;

        public string City { get; set; } = string.Empty;
    }

    /// <summary>Stands in for PSObject: a wrapper around a value.</summary>
    private sealed record Wrapper(object Value);

    /// <summary>Stands in for PSCustomObject: ordered properties.</summary>
    private sealed class Bag(params (string Name, object? Value)[] properties)
    {
        public IEnumerable<KeyValuePair<string, object?>> Properties => properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value));
    }

    private sealed class WrapperShape : JsonObjectShape
    {
        public override object? Unwrap(object value) => value is Wrapper w ? w.Value : value;

        public override bool TryGetProperties(object value, List<KeyValuePair<string, object?>> properties)
        {
            if (value is Bag bag)
            {
                properties.AddRange(bag.Properties);
            }

            return value is Bag;
        }
    }
}
