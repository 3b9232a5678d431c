namespace PSC8.Module.Tests.Cmdlets;

/// <summary>Set- and Get-C8AccessLevel on an API key: levels are granted, read back and enforced on the key's own connection.</summary>
public sealed class AccessLevelCmdletTests : FabricTest
{
    private readonly string _keyId = C8LocalFixture.Unique("key");

    public AccessLevelCmdletTests(ModuleServers servers)
        : base(servers)
    {
        Shell.Set("KeyId", _keyId);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CollectionAsync("acl");

        // A key without access still connects: the documented flow connects before it grants.
        Run("$key = New-C8ApiKey $KeyId; $keyed = Connect-C8 $Url -ApiKey $key.ApiKey -Fabric $Fabric -KeepDefault").ShouldSucceed();
    }

    public override async Task DisposeAsync()
    {
        await Root.ApiKeys.DeleteAsync(_keyId);
        await base.DisposeAsync();
    }

    [Fact]
    public void A_key_without_access_is_denied_per_call_and_reads_once_granted()
    {
        var denied = RunCaught("Get-C8Collection acl -Connection $keyed");
        var granted = Run("Set-C8AccessLevel $KeyId $Fabric ro -PassThru").ShouldSucceed();
        var read = Run("Get-C8Collection acl -Connection $keyed").ShouldSucceed();

        ErrorRecordAssert.SingleNonTerminating(denied, "C8.AccessDenied", ErrorCategory.PermissionDenied, new[] { "acl" });
        var level = Assert.Single(granted.Objects<C8AccessLevelInfo>());
        Assert.Equal((_keyId, (string?)null, Fabric, "ro"), (level.ApiKeyId, level.User, level.Fabric, level.Level));
        Assert.Single(read.Output);
    }

    [Fact]
    public void Levels_are_read_back_per_collection_and_for_every_fabric()
    {
        Run("Set-C8AccessLevel $KeyId $Fabric ro; Set-C8AccessLevel $KeyId $Fabric -Collection acl -Level none").ShouldSucceed();

        var collection = Run("Get-C8AccessLevel $KeyId $Fabric -Collection acl").ShouldSucceed().Objects<C8AccessLevelInfo>();
        var everywhere = Run("Get-C8AccessLevel $KeyId").ShouldSucceed().Objects<C8AccessLevelInfo>();
        var noFabric = RunCaught("Get-C8AccessLevel $KeyId -Collection acl");

        var level = Assert.Single(collection);
        Assert.Equal(("acl", "none"), (level.Collection, level.Level));
        Assert.Contains(everywhere, l => l.Fabric == Fabric && l.Level == "ro");
        ErrorRecordAssert.SingleNonTerminating(noFabric, "C8.FabricMissing", ErrorCategory.InvalidArgument, _keyId);
    }
}
