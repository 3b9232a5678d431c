using System.Text;

namespace PSC8.Module.Tests.Cmdlets;

/// <summary>
/// Every cmdlet that changes state asks ShouldProcess before its request: -WhatIf, and -Confirm answered No, send
/// nothing but reads and leave the server as it was; confirmation is asked per item; High-impact removals ask
/// unless -Force.
/// </summary>
public sealed class ShouldProcessTests : FabricTest
{
    private readonly string _spare = C8LocalFixture.Unique("spare");
    private readonly string _keyId = C8LocalFixture.Unique("key");
    private readonly string _email = C8LocalFixture.Unique("user") + "@example.com";
    private string _userId = string.Empty;

    public ShouldProcessTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("Spare", _spare).Set("KeyId", _keyId).Set("NewKey", C8LocalFixture.Unique("newkey"))
            .Set("NewEmail", C8LocalFixture.Unique("newuser") + "@example.com").Set("Password", C8LocalFixture.Secure("Pw-of-a-user-1"));
    }

    /// <summary>One change per script, whose last command gets -WhatIf or -Confirm.</summary>
    public static TheoryData<string> Changes => new()
    {
        "New-C8Fabric brand_new",
        "Set-C8Fabric $Fabric -Metadata @{ x = 1 }",
        "Set-C8Fabric $Fabric -SpotDc us-west",
        "Remove-C8Fabric $Spare",
        "Remove-C8Fabric $Spare -Force",
        "New-C8Collection fresh -Spot",
        "Clear-C8Collection rows -Force",
        "Get-C8Collection rows | Remove-C8Collection -Force",
        "@{ _key = 'new' } | Add-C8Document rows",
        "Set-C8Document rows @{ n = 99 } -Key k1",
        "Get-C8Document rows k1 | Remove-C8Document",
        "New-C8Index rows -Field n",
        "Get-C8Index rows primary | Remove-C8Index",
        "Invoke-C8Query 'INSERT { n: 99 } INTO rows'",
        "New-C8RestQL fresh -Query 'RETURN 1'",
        "Set-C8RestQL writer -Query 'RETURN 2'",
        "Invoke-C8RestQL writer",
        "Get-C8RestQL writer | Remove-C8RestQL",
        "New-C8ApiKey $NewKey",
        "Get-C8ApiKey $KeyId | Remove-C8ApiKey",
        "Set-C8AccessLevel $KeyId $Fabric rw",
        "Remove-C8AccessLevel $KeyId $Fabric",
        "New-C8User -Email $NewEmail -Password $Password",
        "Set-C8User $UserId -DisplayName changed",
        "Get-C8User $UserId | Remove-C8User",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NumbersAsync("rows", 3);
        await Root.QueryWorkers.SaveAsync(Fabric, new C8QueryWorkerDefinition("writer", "INSERT { n: 7 } INTO rows"));
        await Root.Fabrics.CreateAsync(_spare);
        await Root.ApiKeys.CreateAsync(_keyId);
        await Root.Access.SetFabricAccessAsync(C8AccessSubject.ApiKey(_keyId), Fabric, C8AccessLevel.ReadOnly);
        _userId = (await Root.Users.CreateAsync(new C8UserDefinition(_email, C8LocalFixture.Secure("Pw-of-a-user-1")))).User;
        Shell.Set("UserId", _userId);
    }

    public override async Task DisposeAsync()
    {
        await Root.Fabrics.DeleteAsync(_spare);
        await Root.ApiKeys.DeleteAsync(_keyId);
        await Root.Users.DeleteAsync(_userId);
        await base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task WhatIf_describes_the_change_and_sends_nothing(string change)
    {
        var before = await StateAsync();

        var result = Run(change + " -WhatIf -Verbose").ShouldSucceed();

        Assert.Contains("What if:", Shell.Host.Written, StringComparison.Ordinal);
        Assert.All(result.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Confirm_answered_No_sends_nothing(string change)
    {
        var before = await StateAsync();
        Shell.Host.Answer("No");

        var result = Run(change + " -Confirm -Verbose").ShouldSucceed();

        Assert.Single(Shell.Host.Prompts);
        Assert.All(result.Requests, r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Confirmation_is_asked_per_item_and_Yes_to_All_stops_asking()
    {
        Shell.Host.Answer("No", "Yes", "No", "Yes to All");

        Run("'a', 'b', 'c', 'd', 'e' | New-C8Collection -Confirm").ShouldSucceed();

        Assert.Equal(4, Shell.Host.Prompts.Count);
        Assert.Equal(new[] { "b", "d", "e", "rows" }, (await CollectionNamesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Removing_a_collection_asks_unless_Force()
    {
        Shell.Host.Answer("No");

        Run("Remove-C8Collection rows").ShouldSucceed();
        var asked = Shell.Host.Prompts.Count;
        Assert.Contains("rows", await CollectionNamesAsync());

        Run("Remove-C8Collection rows -Force").ShouldSucceed();

        Assert.Equal(1, asked);
        Assert.Single(Shell.Host.Prompts);
        Assert.DoesNotContain("rows", await CollectionNamesAsync());
    }

    /// <summary>Everything the changes above could touch, as text.</summary>
    private async Task<string> StateAsync()
    {
        var state = new StringBuilder();
        state.AppendLine(string.Join(",", (await Root.Fabrics.ListNamesAsync()).Order(StringComparer.Ordinal)));
        var fabric = await Root.Fabrics.GetAsync(Fabric);
        state.AppendLine(fabric.SpotRegion + " " + fabric.Metadata?.GetRawText());
        foreach (var collection in await CollectionNamesAsync())
        {
            state.AppendLine(collection + ": " + string.Join(",", (await Root.Queries.ToListAsync(Fabric, new C8Query("FOR d IN " + collection + " SORT d._key RETURN [d._key, d._rev]"))).Select(d => d.GetRawText())));
        }

        foreach (var worker in (await Root.QueryWorkers.ListAsync(Fabric)).OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            state.AppendLine(worker.Name + ": " + worker.Query);
        }

        state.AppendLine(string.Join(",", (await Root.ApiKeys.ListAsync()).Select(k => k.KeyId).Order(StringComparer.Ordinal)));
        state.AppendLine((await Root.Access.GetFabricAccessAsync(C8AccessSubject.ApiKey(_keyId), Fabric)).ToString());
        state.AppendLine(string.Join(",", (await Root.Users.ListAsync()).Select(u => u.User + "=" + u.Email + "/" + u.DisplayName).Order(StringComparer.Ordinal)));
        return state.ToString();
    }
}
