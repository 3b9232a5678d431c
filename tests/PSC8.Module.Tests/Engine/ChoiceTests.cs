using PSC8.Completion;
using PSC8.Engine;

namespace PSC8.Module.Tests.Engine;

public sealed class ChoiceTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData(SpotCreationType.Automatic, null, null)]
    [InlineData(SpotCreationType.None, null, "")]
    [InlineData(null, "eu-central", "eu-central")]
    [InlineData(SpotCreationType.SpotRegion, "eu-central", "eu-central")]
    public void Spot_region_choices_map_to_what_the_server_is_sent(SpotCreationType? type, string? spotDc, string? wire) =>
        Assert.Equal(wire, SpotRegionChoice.Resolve(type, spotDc).Value);

    [Theory]
    [InlineData(SpotCreationType.SpotRegion, null, "C8.SpotRegionMissing")]
    [InlineData(SpotCreationType.None, "eu-central", "C8.SpotRegionConflict")]
    [InlineData(SpotCreationType.Automatic, "eu-central", "C8.SpotRegionConflict")]
    public void Contradictory_spot_region_choices_are_refused(SpotCreationType type, string? spotDc, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<C8CommandException>(() => SpotRegionChoice.Resolve(type, spotDc)).ErrorId);

    [Fact]
    public void Collection_switches_become_create_options()
    {
        var options = CollectionOptions.Create(spot: true, local: false, edge: true, stream: true, keyGenerator: "AutoIncrement");
        Assert.True(options.IsSpot);
        Assert.False(options.IsLocal);
        Assert.Equal(C8CollectionType.Edge, options.Type);
        Assert.True(options.Stream);
        Assert.Equal("autoincrement", options.KeyOptions!.Type);
        Assert.Null(CollectionOptions.Create(false, false, false, false, null).KeyOptions);
    }

    [Fact]
    public void A_collection_cannot_be_spot_and_local() =>
        Assert.Equal("C8.SpotAndLocal", Assert.Throws<C8CommandException>(() => CollectionOptions.Create(true, true, false, false, null)).ErrorId);

    [Theory]
    [InlineData("rw", C8AccessLevel.ReadWrite)]
    [InlineData("RO", C8AccessLevel.ReadOnly)]
    [InlineData(" none ", C8AccessLevel.None)]
    public void Grantable_levels(string text, C8AccessLevel level) => Assert.Equal(level, AccessLevels.Parse(text));

    [Theory]
    [InlineData("readwrite")]
    [InlineData("default")]
    [InlineData("")]
    public void Other_levels_cannot_be_granted(string text) =>
        Assert.Equal("C8.InvalidAccessLevel", Assert.Throws<C8CommandException>(() => AccessLevels.Parse(text)).ErrorId);

    [Fact]
    public void The_access_subject_is_exactly_one_of_key_and_user()
    {
        Assert.Equal("key", AccessLevels.Subject("k1", null).Kind);
        Assert.Equal("user", AccessLevels.Subject(null, "root").Kind);
        Assert.Equal("C8.AccessSubjectMissing", Assert.Throws<C8CommandException>(() => AccessLevels.Subject(null, null)).ErrorId);
        Assert.Equal("C8.AccessSubjectMissing", Assert.Throws<C8CommandException>(() => AccessLevels.Subject("k", "u")).ErrorId);
    }

    [Fact]
    public void A_RestQL_change_keeps_what_was_not_given()
    {
        var parameters = new Dictionary<string, object?> { ["city"] = JsonDocument.Parse("\"Gotham\"").RootElement };

        var textOnly = QueryWorkerChange.Definition("q", "RETURN 2", null, null);
        var withParameters = QueryWorkerChange.Definition("q", "RETURN 2", parameters, null);

        Assert.Equal("RETURN 2", textOnly.Query);
        Assert.Null(textOnly.Parameter);
        Assert.Same(parameters, withParameters.Parameter);
        Assert.True(QueryWorkerChange.NeedsCurrent("RETURN 2", null));
        Assert.False(QueryWorkerChange.NeedsCurrent("RETURN 2", parameters));
    }

    [Fact]
    public void A_RestQL_change_needs_something_to_change_and_an_existing_worker()
    {
        Assert.Equal("C8.NothingToChange", Assert.Throws<C8CommandException>(() => QueryWorkerChange.Definition("q", null, null, null)).ErrorId);
        var parameters = new Dictionary<string, object?>();
        Assert.Equal("C8.QueryWorkerNotFound", Assert.Throws<C8CommandException>(() => QueryWorkerChange.Definition("q", null, parameters, null)).ErrorId);
    }

    [Theory]
    [InlineData("accounts", "accounts")]
    [InlineData("my-fabric_1.x", "my-fabric_1.x")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("-dash", "'-dash'")]
    public void Completion_text_is_quoted_when_needed(string name, string text) => Assert.Equal(text, NameCompletion.Quote(name));

    [Fact]
    public void Completion_without_a_connection_offers_nothing() =>
        Assert.Empty(NameCompletion.Complete(null, CompletionKind.Fabric, null, "a"));
}
