namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// Base of the cmdlet tests that work inside a fabric of their own on the main server: created over every region with
/// eu-central as its spot region before each test ($Fabric), made the fabric of the default root connection ($c8),
/// and removed with everything in it afterwards. What a test needs in it is set up through <see cref="Root"/>.
/// </summary>
public abstract class FabricTest : CmdletTest, IAsyncLifetime
{
    protected FabricTest(ModuleServers servers)
        : base(servers)
    {
        Fabric = Shell.SetUnique("Fabric", "fab");
    }

    /// <summary>The test's own fabric.</summary>
    protected string Fabric { get; }

    /// <summary>The main server's root connection, for setting up and checking what a test did.</summary>
    protected C8Connection Root => C8.Root;

    public virtual async Task InitializeAsync()
    {
        var options = new C8FabricCreateOptions { SpotRegion = C8SpotRegion.Named("eu-central") };
        foreach (var region in C8.Host.Regions)
        {
            options.Regions.Add(region.Name);
        }

        await Root.Fabrics.CreateAsync(Fabric, options);
        Run("$c8 = Connect-C8 -Url $Url -Credential $Credential -Fabric $Fabric").ShouldSucceed();
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            await Root.Fabrics.DeleteAsync(Fabric);
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404)
        {
            // The test removed it itself.
        }
    }

    /// <summary>Creates a collection in the test's fabric and stores the documents given as JSON text.</summary>
    protected async Task CollectionAsync(string name, params string[] documents)
    {
        await Root.Collections.CreateAsync(Fabric, name);
        foreach (var json in documents)
        {
            using var document = JsonDocument.Parse(json);
            await Root.Documents.InsertAsync(Fabric, name, document.RootElement);
        }
    }

    /// <summary>Creates a collection holding <paramref name="count"/> documents {_key: "k{i}", n: i}.</summary>
    protected async Task NumbersAsync(string name, int count)
    {
        await Root.Collections.CreateAsync(Fabric, name);
        var documents = Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["_key"] = "k" + i, ["n"] = i })).ToArray();
        await Root.Documents.InsertManyAsync(Fabric, name, documents);
    }

    /// <summary>A stored document, or null when there is none with that key.</summary>
    protected async Task<JsonElement?> DocumentAsync(string collection, string key)
    {
        try
        {
            return await Root.Documents.GetAsync(Fabric, collection, key);
        }
        catch (C8ApiException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    protected Task<long> CountAsync(string collection) => Root.Collections.CountAsync(Fabric, collection);

    protected async Task<IReadOnlyList<string>> CollectionNamesAsync() => (await Root.Collections.ListAsync(Fabric)).Select(c => c.Name).ToArray();
}
