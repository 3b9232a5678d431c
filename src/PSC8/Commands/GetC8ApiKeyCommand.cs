namespace PSC8.Commands;

/// <summary>Get-C8ApiKey: API keys by id (wildcards); never their secrets.</summary>
[Cmdlet(VerbsCommon.Get, "C8ApiKey")]
[OutputType(typeof(C8ApiKey))]
public sealed class GetC8ApiKeyCommand : C8ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("Name")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ApiKeyIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? KeyId { get; set; }

    /// <summary>Only the keys of this user.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(UserNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    protected override void ProcessRecord() => Attempt(KeyId, () =>
    {
        var session = Session;
        var keys = Await(token => session.Client.ApiKeys.ListAsync(User, token));
        foreach (var match in Select(keys, KeyId, k => k.KeyId, "C8.ApiKeyNotFound", "API key"))
        {
            // The list leaves out whether a key is active and its parent: the key itself says, a request per key asked for.
            Attempt(match.KeyId, () => Emit(Await(token => session.Client.ApiKeys.GetAsync(match.KeyId, token)), session));
        }
    });
}
