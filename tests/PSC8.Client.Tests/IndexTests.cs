namespace PSC8.Client.Tests;

/// <summary>IndexApi against C8 Local: create (idempotent), list, get, delete, and the server's refusals as C8ApiException.</summary>
public sealed class IndexTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    [Fact]
    public async Task Creates_lists_gets_and_deletes_indexes()
    {
        var indexes = Root.Indexes;
        await Root.Collections.CreateAsync(Fabric, "orders");
        var created = await indexes.CreateAsync(Fabric, "orders", new C8IndexDefinition { Fields = ["customer", "placed"], Name = "by_customer" });
        Assert.True(created.IsNewlyCreated);
        Assert.Equal("persistent", created.Type);
        Assert.Equal(["customer", "placed"], created.Fields);
        Assert.StartsWith("orders/", created.Id);

        var again = await indexes.CreateAsync(Fabric, "orders", new C8IndexDefinition { Fields = ["customer", "placed"], Name = "by_customer" });
        Assert.False(again.IsNewlyCreated);
        Assert.Equal(created.Id, again.Id);

        var ttl = await indexes.CreateAsync(Fabric, "orders", new C8IndexDefinition { Type = "ttl", Fields = ["expires"], ExpireAfter = 60 });
        Assert.Equal(60, ttl.ExpireAfter);

        var listed = await indexes.ListAsync(Fabric, "orders");
        Assert.Equal(["primary", "by_customer", ttl.Name], listed.Select(i => i.Name));
        Assert.Equal(created.Id, (await indexes.GetAsync(Fabric, "orders", "by_customer")).Id);
        Assert.Equal(ttl.Name, (await indexes.GetAsync(Fabric, "orders", ttl.Id)).Name);

        await indexes.DeleteAsync(Fabric, "orders", created.Id);
        var missing = await Assert.ThrowsAsync<C8ApiException>(() => indexes.DeleteAsync(Fabric, "orders", "by_customer"));
        Assert.Equal(1212, missing.ErrorNum);
    }

    [Fact]
    public async Task A_unique_index_on_a_global_collection_is_refused()
    {
        await Root.Collections.CreateAsync(Fabric, "people");
        var refused = await Assert.ThrowsAsync<C8ApiException>(() =>
            Root.Indexes.CreateAsync(Fabric, "people", new C8IndexDefinition { Fields = ["email"], Unique = true }));
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("Not allowed for global collections", refused.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Root.Indexes.ListAsync(Fabric, " "));
    }
}
