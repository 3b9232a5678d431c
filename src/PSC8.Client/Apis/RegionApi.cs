namespace PSC8.Client.Apis;

/// <summary>Regions: <c>/datacenter/*</c>.</summary>
public sealed class RegionApi : ApiBase
{
    internal RegionApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>All regions of the federation (<c>GET /datacenter/all</c>).</summary>
    public async Task<IReadOnlyList<C8Region>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/datacenter/all"), cancellationToken).ConfigureAwait(false);
        return C8Region.ListFromJson(JsonRead.Result(response.Json));
    }

    /// <summary>The region serving this connection (<c>GET /datacenter/local</c>).</summary>
    public async Task<C8Region> GetLocalAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/datacenter/local"), cancellationToken).ConfigureAwait(false);
        return C8Region.FromJson(Unwrap(response.Json));
    }

    /// <summary>One region by name (<c>GET /datacenter/{name}</c>); 404/102024 when unknown.</summary>
    public async Task<C8Region> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/datacenter/" + C8Paths.Seg(name)), cancellationToken).ConfigureAwait(false);
        return C8Region.FromJson(Unwrap(response.Json));
    }

    /// <summary>The regions enabled for a tenant (<c>GET /datacenter/_tenant/{tenant}</c>); the connection's tenant when null.</summary>
    public async Task<IReadOnlyList<C8Region>> ListForTenantAsync(string? tenant = null, CancellationToken cancellationToken = default)
    {
        var t = tenant ?? Connection.Tenant ?? throw new InvalidOperationException("The tenant is not known; connect with probing or pass the tenant.");
        var response = await SendAsync(new C8Request(HttpMethod.Get, "/datacenter/_tenant/" + C8Paths.Seg(t)), cancellationToken).ConfigureAwait(false);
        var body = JsonRead.Result(response.Json);
        var list = new List<C8Region>();
        if (body.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in body.EnumerateArray())
            {
                if (JsonRead.TryGet(entry, "dcInfo", out var info))
                {
                    list.AddRange(C8Region.ListFromJson(info));
                }
                else if (entry.ValueKind == JsonValueKind.Object)
                {
                    list.Add(C8Region.FromJson(entry));
                }
            }
        }
        else if (JsonRead.TryGet(body, "dcInfo", out var info))
        {
            list.AddRange(C8Region.ListFromJson(info));
        }

        return list;
    }

    /// <summary>Marks a region as spot-capable or not (<c>PUT /datacenter/{name}/{bool}</c>; admin only).</summary>
    public async Task SetSpotCapableAsync(string name, bool spotCapable, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        await SendAsync(new C8Request(HttpMethod.Put, "/datacenter/" + C8Paths.Seg(name) + "/" + (spotCapable ? "true" : "false")), cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement Unwrap(JsonElement body)
    {
        var r = JsonRead.Result(body);
        return r.ValueKind == JsonValueKind.Array && r.GetArrayLength() > 0 ? r[0] : r;
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A region name is required.", nameof(name));
        }
    }
}
