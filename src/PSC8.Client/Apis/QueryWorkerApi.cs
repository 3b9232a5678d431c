namespace PSC8.Client.Apis;

/// <summary>Saved queries (RestQL query workers): <c>/_fabric/{f}/_api/restql*</c>.</summary>
public sealed class QueryWorkerApi : ApiBase
{
    internal QueryWorkerApi(C8Connection connection)
        : base(connection)
    {
    }

    /// <summary>The caller's query workers (<c>GET …/restql/user</c>).</summary>
    public async Task<IReadOnlyList<C8QueryWorker>> ListAsync(string? fabric = null, CancellationToken cancellationToken = default)
    {
        var f = Fabric(fabric);
        var response = await SendAsync(new C8Request(HttpMethod.Get, C8Paths.Fabric(f, "restql/user")), cancellationToken).ConfigureAwait(false);
        var list = new List<C8QueryWorker>();
        foreach (var item in JsonRead.Array(JsonRead.Result(response.Json)))
        {
            list.Add(C8QueryWorker.FromJson(item, f));
        }

        return list;
    }

    /// <summary>Saves a new query worker (<c>POST …/restql</c>).</summary>
    public async Task<C8QueryWorker> SaveAsync(string? fabric, C8QueryWorkerDefinition definition, CancellationToken cancellationToken = default)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        return await SendDefinitionAsync(HttpMethod.Post, Fabric(fabric), "restql", definition, includeName: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves several query workers at once (<c>POST …/restql/import</c>).</summary>
    public async Task<C8QueryWorkerImportResult> ImportAsync(string? fabric, IReadOnlyList<C8QueryWorkerDefinition> definitions, bool details = false, CancellationToken cancellationToken = default)
    {
        if (definitions is null)
        {
            throw new ArgumentNullException(nameof(definitions));
        }

        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(Fabric(fabric), "restql/import")).Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("queries");
            foreach (var definition in definitions)
            {
                definition.WriteBody(w, includeName: true);
            }

            w.WriteEndArray();
            w.WriteBoolean("details", details);
            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8QueryWorkerImportResult.FromJson(response.Json);
    }

    /// <summary>Changes a query worker's text, parameters or type (<c>PUT …/restql/{name}</c>); the name cannot change.</summary>
    public async Task<C8QueryWorker> UpdateAsync(string? fabric, C8QueryWorkerDefinition definition, CancellationToken cancellationToken = default)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        var worker = await SendDefinitionAsync(HttpMethod.Put, Fabric(fabric), "restql/" + C8Paths.Seg(definition.Name), definition, includeName: false, cancellationToken).ConfigureAwait(false);
        worker.CompleteFrom(definition);
        return worker;
    }

    /// <summary>Deletes a query worker (<c>DELETE …/restql/{name}</c>).</summary>
    public async Task DeleteAsync(string? fabric, string name, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        var f = Fabric(fabric);
        try
        {
            await SendAsync(new C8Request(HttpMethod.Delete, C8Paths.Fabric(f, "restql/" + C8Paths.Seg(name))), cancellationToken).ConfigureAwait(false);
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1228)
        {
            // GDN answers an unknown worker with the "database not found" number; only the fabric check tells them apart.
            if (await FabricExistsAsync(f, cancellationToken).ConfigureAwait(false))
            {
                throw WorkerNotFound(ex, name, f);
            }

            throw;
        }
    }

    /// <summary>
    /// Runs a query worker (<c>POST …/restql/execute/{name}</c>) and returns a cursor whose further pages come from
    /// <c>PUT …/restql/fetch/{id}</c>. Not retried: a worker may write.
    /// </summary>
    public async Task<C8Cursor> ExecuteAsync(string? fabric, string name, IDictionary<string, object?>? bindVars = null, int? batchSize = null, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        var f = Fabric(fabric);
        var request = new C8Request(HttpMethod.Post, C8Paths.Fabric(f, "restql/execute/" + C8Paths.Seg(name))).Json(w =>
        {
            w.WriteStartObject();
            if (bindVars is not null && bindVars.Count > 0)
            {
                w.WritePropertyName("bindVars");
                C8JsonWriters.WriteValue(w, bindVars);
            }

            if (batchSize is int size)
            {
                w.WriteNumber("batchSize", size);
            }

            w.WriteEndObject();
        });
        try
        {
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return C8Cursor.Open(Connection.Transport, f, "restql/fetch", response.Json);
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1502)
        {
            // GDN answers an unknown worker as if its text were empty (400, 1502); a saved worker never has an empty query.
            throw WorkerNotFound(ex, name, f);
        }
    }

    private static C8ApiException WorkerNotFound(C8ApiException ex, string name, string fabric) => new(
        ex.StatusCode,
        ex.ErrorNum,
        "there is no RestQL query worker named '" + name + "' in fabric '" + fabric + "' (the server said: " + ex.ServerMessage + ")",
        ex.Method,
        ex.Path,
        C8ErrorMapping.QueryWorkerNotFound,
        ex);

    private async Task<bool> FabricExistsAsync(string fabric, CancellationToken cancellationToken)
    {
        try
        {
            await Connection.Fabrics.GetAsync(fabric, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (C8ApiException ex) when (ex.ErrorNum == 1228)
        {
            return false;
        }
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A query worker name is required.", nameof(name));
        }
    }

    /// <summary>Sends <c>{"query": definition}</c> to a restql resource of the fabric and reads the worker it answers with.</summary>
    private async Task<C8QueryWorker> SendDefinitionAsync(HttpMethod method, string fabric, string resource, C8QueryWorkerDefinition definition, bool includeName, CancellationToken cancellationToken)
    {
        var request = new C8Request(method, C8Paths.Fabric(fabric, resource)).Json(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("query");
            definition.WriteBody(w, includeName);
            w.WriteEndObject();
        });
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return C8QueryWorker.FromJson(JsonRead.Result(response.Json), fabric);
    }
}
