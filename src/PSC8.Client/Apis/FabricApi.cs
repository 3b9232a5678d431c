namespace PSC8.Client.Apis;

/// <summary>Geo-fabrics: <c>/_fabric/{f}/_api/database*</c>. Creation and deletion go through <c>_system</c>.</summary>
public sealed class FabricApi : ApiBase
{
    private const string SystemFabric = "_system";

    internal FabricApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>Names of all fabrics of the tenant (<c>GET /_fabric/_system/_api/database</c>).</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(SystemFabric, "database")), cancellationToken).ConfigureAwait(false);
        return JsonRead.StringList(JsonRead.Result(response.Json));
    }

    /// <summary>The fabrics the caller can access, with details (<c>GET /_fabric/_system/_api/database/user</c>).</summary>
    public async Task<IReadOnlyList<C8Fabric>> ListAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(SystemFabric, "database/user")), cancellationToken).ConfigureAwait(false);
        var list = new List<C8Fabric>();
        foreach (var item in JsonRead.Array(JsonRead.Result(response.Json)))
        {
            list.Add(item.ValueKind == JsonValueKind.String ? await GetAsync(item.GetString(), cancellationToken).ConfigureAwait(false) : C8Fabric.FromJson(item));
        }

        return list;
    }

    /// <summary>One fabric's properties (<c>GET /_fabric/{f}/_api/database/current</c>); 404/1228 when missing.</summary>
    public async Task<C8Fabric> GetAsync(string? fabric = null, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(f, "database/current")), cancellationToken).ConfigureAwait(false);
        var result = C8Fabric.FromJson(JsonRead.Result(response.Json));
        if (result.Name.Length == 0)
        {
            result.SetName(f);
        }

        return result;
    }

    /// <summary>Whether a fabric exists (and is visible to the caller).</summary>
    public async Task<bool> ExistsAsync(string fabric, CancellationToken cancellationToken = default)
    {
        RequireName(fabric, nameof(fabric));
        try
        {
            await GetAsync(fabric, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1228 || (ex.StatusCode == 404 && ex.ErrorNum is null))
        {
            return false;
        }
    }

    /// <summary>
    /// Creates a fabric (<c>POST /_fabric/_system/_api/database</c>); <c>dcList</c> is sent as a comma-separated
    /// string and <c>spotDc</c> omitted, empty or named per <see cref="C8FabricCreateOptions.SpotRegion"/>.
    /// </summary>
    public async Task CreateAsync(string name, C8FabricCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireName(name, nameof(name));
        var o = options ?? new C8FabricCreateOptions();
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(SystemFabric, "database")).Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            if (o.Users.Count > 0)
            {
                w.WriteStartArray("users");
                foreach (var user in o.Users)
                {
                    w.WriteStringValue(user);
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("options");
            if (o.Regions.Count > 0)
            {
                w.WriteString("dcList", string.Join(",", o.Regions));
            }

            if (o.SpotRegion.Value is string spot)
            {
                w.WriteString("spotDc", spot);
            }

            if (o.Metadata is JsonElement metadata)
            {
                w.WritePropertyName("metadata");
                metadata.WriteTo(w);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a fabric and everything in it (<c>DELETE /_fabric/_system/_api/database/{name}</c>).</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireName(name, nameof(name));
        await SendAsync(new C8Request(HttpMethod.Delete, C8Paths.Fabric(SystemFabric, "database/" + C8Paths.Seg(name))), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fabric's user metadata (<c>GET /_fabric/{f}/_api/database/metadata</c>); null when unset.</summary>
    public async Task<JsonElement?> GetMetadataAsync(string? fabric = null, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(Fabric(fabric), "database/metadata")), cancellationToken).ConfigureAwait(false);
        var result = JsonRead.Result(response.Json);
        if (JsonRead.Object(result, "options") is JsonElement options)
        {
            return JsonRead.Element(options, "metadata");
        }

        return JsonRead.Element(result, "metadata");
    }

    /// <summary>Replaces the metadata (<c>PUT …/database/metadata</c>).</summary>
    public Task SetMetadataAsync(string? fabric, JsonElement metadata, CancellationToken cancellationToken = default) =>
        WriteMetadataAsync(HttpMethod.Put, fabric, metadata, cancellationToken);

    /// <summary>Merges into the metadata (<c>PATCH …/database/metadata</c>).</summary>
    public Task UpdateMetadataAsync(string? fabric, JsonElement metadata, CancellationToken cancellationToken = default) =>
        WriteMetadataAsync(C8Request.Patch, fabric, metadata, cancellationToken);

    /// <summary>Moves the fabric's spot region (<c>PUT /_fabric/{f}/database/{region}</c>; admin only).</summary>
    public async Task SetSpotRegionAsync(string fabric, string region, CancellationToken cancellationToken = default)
    {
        RequireName(fabric, nameof(fabric));
        RequireName(region, nameof(region));
        var path = "/_fabric/" + C8Paths.Seg(fabric) + "/database/" + C8Paths.Seg(region);
        await SendAsync(new C8Request(HttpMethod.Put, path), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteMetadataAsync(HttpMethod method, string? fabric, JsonElement metadata, CancellationToken cancellationToken)
    {
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Metadata must be a JSON object.", nameof(metadata));
        }

        // A merge of the same values is idempotent, so PATCH may be retried too.
        var request = new C8Request(method, C8Paths.Fabric(Fabric(fabric), "database/metadata")) { Idempotent = true }.Json(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("metadata");
            metadata.WriteTo(w);
            w.WriteEndObject();
        });
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void RequireName(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A name is required.", parameter);
        }
    }
}
