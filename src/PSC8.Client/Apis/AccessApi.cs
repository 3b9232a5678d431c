namespace PSC8.Client.Apis;

/// <summary>
/// Access levels of API keys and users on fabrics and collections:
/// <c>/_api/{key|user}/{id}/database[/{fabric}[/collection[/{name|*}]]]</c>.
/// </summary>
public sealed class AccessApi : ApiBase
{
    internal AccessApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>The subject's level on every fabric (<c>GET …/database</c>).</summary>
    public async Task<IReadOnlyList<C8AccessEntry>> ListFabricAccessAsync(C8AccessSubject subject, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, Base(subject) + "/database"), cancellationToken).ConfigureAwait(false);
        return Entries(JsonRead.Result(response.Json));
    }

    /// <summary>The subject's level on one fabric (<c>GET …/database/{fabric}</c>).</summary>
    public async Task<C8AccessLevel> GetFabricAccessAsync(C8AccessSubject subject, string fabric, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, FabricPath(subject, fabric)), cancellationToken).ConfigureAwait(false);
        return Level(response.Json);
    }

    /// <summary>Grants a level on a fabric (<c>PUT …/database/{fabric} {"grant"}</c>) and returns the level the server reports.</summary>
    public async Task<C8AccessLevel> SetFabricAccessAsync(C8AccessSubject subject, string fabric, C8AccessLevel level, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(Grant(FabricPath(subject, fabric), level), cancellationToken).ConfigureAwait(false);
        var reported = Level(response.Json);
        return reported == C8AccessLevel.Default ? level : reported;
    }

    /// <summary>Removes the explicit fabric entry (<c>DELETE …/database/{fabric}</c>).</summary>
    public async Task ClearFabricAccessAsync(C8AccessSubject subject, string fabric, CancellationToken cancellationToken = default)
    {
        await SendAsync(new C8Request(HttpMethod.Delete, FabricPath(subject, fabric)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subject's levels on the fabric's collections (<c>GET …/database/{fabric}/collection</c>).</summary>
    public async Task<IReadOnlyList<C8AccessEntry>> ListCollectionAccessAsync(C8AccessSubject subject, string fabric, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, FabricPath(subject, fabric) + "/collection"), cancellationToken).ConfigureAwait(false);
        return Entries(JsonRead.Result(response.Json));
    }

    /// <summary>The subject's level on a collection, or on <c>*</c> (the fabric's collection default).</summary>
    public async Task<C8AccessLevel> GetCollectionAccessAsync(C8AccessSubject subject, string fabric, string collection, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new C8Request(HttpMethod.Get, CollectionPath(subject, fabric, collection)), cancellationToken).ConfigureAwait(false);
        return Level(response.Json);
    }

    /// <summary>Grants a level on a collection or on <c>*</c>.</summary>
    public async Task<C8AccessLevel> SetCollectionAccessAsync(C8AccessSubject subject, string fabric, string collection, C8AccessLevel level, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(Grant(CollectionPath(subject, fabric, collection), level), cancellationToken).ConfigureAwait(false);
        var reported = Level(response.Json);
        return reported == C8AccessLevel.Default ? level : reported;
    }

    /// <summary>Removes the explicit collection entry.</summary>
    public async Task ClearCollectionAccessAsync(C8AccessSubject subject, string fabric, string collection, CancellationToken cancellationToken = default)
    {
        await SendAsync(new C8Request(HttpMethod.Delete, CollectionPath(subject, fabric, collection)), cancellationToken).ConfigureAwait(false);
    }

    private static string Base(C8AccessSubject subject) => (subject ?? throw new ArgumentNullException(nameof(subject))).BasePath;

    private static string FabricPath(C8AccessSubject subject, string fabric)
    {
        Require(fabric, nameof(fabric));
        return Base(subject) + "/database/" + C8Paths.Seg(fabric);
    }

    private static string CollectionPath(C8AccessSubject subject, string fabric, string collection)
    {
        Require(collection, nameof(collection));
        return FabricPath(subject, fabric) + "/collection/" + (collection == "*" ? "*" : C8Paths.Seg(collection));
    }

    private static C8Request Grant(string path, C8AccessLevel level)
    {
        var wire = C8AccessLevels.ToWire(level);
        return new C8Request(HttpMethod.Put, path).Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("grant", wire);
            w.WriteEndObject();
        });
    }

    /// <summary>Reads <c>{"result":"rw"}</c> or the observed <c>{"&lt;tenant&gt;.&lt;fabric&gt;":"rw"}</c> shape.</summary>
    private static C8AccessLevel Level(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object)
        {
            if (body.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String)
            {
                return C8AccessLevels.Parse(result.GetString());
            }

            foreach (var p in body.EnumerateObject())
            {
                if (p.Name != "error" && p.Name != "code" && p.Value.ValueKind == JsonValueKind.String)
                {
                    return C8AccessLevels.Parse(p.Value.GetString());
                }
            }
        }
        else if (body.ValueKind == JsonValueKind.String)
        {
            return C8AccessLevels.Parse(body.GetString());
        }

        return C8AccessLevel.Default;
    }

    private static IReadOnlyList<C8AccessEntry> Entries(JsonElement result)
    {
        var list = new List<C8AccessEntry>();
        if (result.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        foreach (var p in result.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                list.Add(new C8AccessEntry(p.Name, C8AccessLevels.Parse(p.Value.GetString())));
            }
            else if (p.Value.ValueKind == JsonValueKind.Object && JsonRead.String(p.Value, "permission") is string permission)
            {
                list.Add(new C8AccessEntry(p.Name, C8AccessLevels.Parse(permission)));
            }
        }

        return list;
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A name is required.", name);
        }
    }
}
