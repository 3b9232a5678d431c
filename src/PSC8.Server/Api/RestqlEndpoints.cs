using PSC8.Server.Query.Sql;
using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// RestQL query workers: saved C8QL or SQL per user (a key's parent user) and fabric. The stored parameters are
/// defaults that the caller's bindVars override. Shapes and quirks follow GDN (an execute that yields no
/// rows answers a bare {"result":[]}; an unknown worker is 400/1502). Whose rights a worker runs with and who sees
/// its text: <see cref="StoredQueryRights"/>.
/// </summary>
internal static partial class RestqlEndpoints
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex WorkerName();

    public static void Map(Router router)
    {
        router.Map("GET", "restql/user", ListAsync);
        router.Map("POST", "restql/import", ImportAsync);
        router.Map("POST", "restql/execute/{name}", ExecuteAsync);
        router.Map("PUT", "restql/fetch/{id}", FetchAsync);
        router.Map("POST", "restql", SaveAsync);
        router.Map("PUT", "restql/{name}", UpdateAsync);
        router.Map("DELETE", "restql/{name}", DeleteAsync);
    }

    private static string Key(IncomingRequest request, QueryWorkerInfo worker)
    {
        var tenant = request.Cluster.Options.Tenant;
        return $"{tenant}.{worker.UserId}.{tenant}.{worker.Fabric}.{worker.Name}";
    }

    private static C8Value Describe(IncomingRequest request, QueryWorkerInfo worker)
    {
        var tenant = request.Cluster.Options.Tenant;
        return O(new C8Object.Builder()
            .Set("_key", S(Key(request, worker)))
            .Set("userid", S($"{tenant}.{worker.UserId}"))
            .Set("tenant", S(tenant))
            .Set("fabric", S($"{tenant}.{worker.Fabric}"))
            .Set("name", S(worker.Name))
            .Set("value", S(worker.Value))
            .Set("parameter", Parse(worker.ParameterJson))
            .Set("type", S(worker.Type)));
    }

    private static Task ListAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly).Fabric;
        var workers = request.Cluster.Catalog.Workers(request.Principal.OwnerId, fabric.Name)
            .Where(w => StoredQueryRights.MayRun(request, w));
        return Responses.WriteResultAsync(request.Http, 200, Array(workers.Select(w => Describe(request, w))));
    }

    /// <summary>Validates one worker definition; a bad one is a 400 that quotes it.</summary>
    private static QueryWorkerInfo Define(IncomingRequest request, FabricInfo fabric, C8Value definition, string? fixedName, int errorNum)
    {
        if (!definition.IsObject)
        {
            throw new C8Exception(400, errorNum, "'query' must be an object with name and value");
        }
        var item = definition.AsObject;
        var value = item["value"];
        if (!value.TryGetString(out var text) || text.Trim().Length == 0)
        {
            throw new C8Exception(400, errorNum, "query 'value' missing or is not a string.");
        }
        var name = fixedName ?? (item["name"].TryGetString(out var n) ? n : throw new C8Exception(400, errorNum, "query 'name' missing or is not a string."));
        if (!WorkerName().IsMatch(name))
        {
            throw new C8Exception(400, errorNum, $"invalid query worker name '{name}': letters, digits, '_' and '-' only");
        }
        var type = item["type"].TryGetString(out var t) ? t : "c8ql";
        if (type is not ("c8ql" or "sql"))
        {
            throw new C8Exception(400, errorNum, $"query type '{type}' is not supported by C8 Local (only c8ql and sql)");
        }
        var parameter = item["parameter"];
        if (!parameter.IsNull && !parameter.IsObject)
        {
            throw new C8Exception(400, errorNum, "query 'parameter' must be an object");
        }
        request.Cluster.Engine.Parse(type == "sql" ? SqlTranslator.Translate(text).C8ql : text);
        return new QueryWorkerInfo(request.Principal.OwnerId, fabric.Name, name, text,
            parameter.IsNull ? "{}" : C8Json.Serialize(parameter), type, SavedBy: request.Principal.UserId);
    }

    private static async Task SaveAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var worker = Define(request, fabric, body["query"], fixedName: null, C8Errors.HttpBadRequest);
        if (request.Cluster.Catalog.FindWorker(worker.UserId, worker.Fabric, worker.Name) is not null)
        {
            throw new C8Exception(409, C8Errors.DuplicateName, $"duplicate name: query worker '{worker.Name}' already exists");
        }
        request.Cluster.Catalog.PutWorkers([worker]);
        await Responses.WriteResultAsync(request.Http, 200, Describe(request, worker)).ConfigureAwait(false);
    }

    private static async Task ImportAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var queries = body["queries"];
        if (!queries.IsArray)
        {
            throw C8Errors.BadRequest("'queries' must be an array");
        }
        var workers = queries.AsArray.Select(q =>
        {
            try
            {
                return Define(request, fabric, q, fixedName: null, C8Errors.BadParameter);
            }
            catch (C8Exception e)
            {
                // GDN quotes the offending definition after the sentence, without its full stop.
                throw new C8Exception(400, C8Errors.BadParameter, $"{e.Message.TrimEnd('.')} in query: {q}");
            }
        }).ToList();
        if (workers.Select(w => w.Name).Distinct().Count() != workers.Count)
        {
            throw C8Errors.BadRequest("the import names one query worker twice");
        }
        request.Cluster.Catalog.PutWorkers(workers);
        await Responses.WriteResultAsync(request.Http, 200, O(new C8Object.Builder().Set("created", N(workers.Count)).Set("errors", N(0)))).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        var name = request.Route("name");
        if (request.Cluster.Catalog.FindWorker(request.Principal.OwnerId, fabric.Name, name) is null)
        {
            throw new C8Exception(400, C8Errors.HttpNotFound, "query not found.");
        }
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var worker = Define(request, fabric, body["query"], fixedName: name, C8Errors.HttpBadRequest);
        request.Cluster.Catalog.PutWorkers([worker]);
        // GDN answers an update with the key and the texts only (pyC8's test_restql_methods cassette); a C8QL worker
        // has no SQL form to show, which GDN marks the same way.
        await Responses.WriteResultAsync(request.Http, 200, O(new C8Object.Builder()
            .Set("_key", S(Key(request, worker)))
            .Set("value", S(worker.Value))
            .Set("sqlValue", S(worker.Type == "sql" ? worker.Value : "(non-representable type)")))).ConfigureAwait(false);
    }

    private static Task DeleteAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadWrite).Fabric;
        if (!request.Cluster.Catalog.RemoveWorker(request.Principal.OwnerId, fabric.Name, request.Route("name")))
        {
            throw new C8Exception(404, C8Errors.DatabaseNotFoundNum, $"query worker '{request.Route("name")}' not found");
        }
        return Responses.WriteResultAsync(request.Http, 200, C8Value.EmptyArray);
    }

    private static async Task ExecuteAsync(IncomingRequest request)
    {
        var fabric = RequestTarget.Resolve(request, AccessLevel.ReadOnly).Fabric;
        var worker = request.Cluster.Catalog.FindWorker(request.Principal.OwnerId, fabric.Name, request.Route("name"))
            ?? throw new C8Exception(400, C8Errors.QueryEmpty, "query is empty");
        var body = await request.ReadObjectAsync().ConfigureAwait(false);
        var defaults = Parse(worker.ParameterJson);
        var bindVars = new C8Object.Builder();
        if (defaults.IsObject)
        {
            bindVars.AddRange(defaults.AsObject);
        }
        if (body["bindVars"].IsObject)
        {
            bindVars.AddRange(body["bindVars"].AsObject);
        }
        var merged = new C8Object.Builder().AddRange(body).Set("bindVars", C8Value.From(bindVars.Build())).Build();
        var query = CursorEndpoints.ReadQuery(merged, defaultQuery: worker.Value) with
        {
            Query = worker.Value,
            SavedBy = StoredQueryRights.SavedByAnother(request, worker),
        };
        if (worker.Type == "sql")
        {
            query = CursorEndpoints.FromSql(query);
        }
        var opening = await QueryService.OpenAsync(request, query).ConfigureAwait(false);
        // A write that returns nothing answers a bare {"result":[]} (pyC8's recorded test_restql_methods); a read
        // with no rows answers the whole cursor shape, as it does with rows.
        if (opening.IsModification && opening.Batch.Count == 0 && !opening.HasMore)
        {
            await Responses.WriteValueAsync(request.Http, 201, O(new C8Object.Builder().Set("result", C8Value.EmptyArray))).ConfigureAwait(false);
            return;
        }
        await CursorEndpoints.WriteBatchAsync(request, 201, opening.Cursor, opening.Batch, opening.HasMore).ConfigureAwait(false);
    }

    private static async Task FetchAsync(IncomingRequest request)
    {
        var (cursor, batch, hasMore) = await QueryService.NextAsync(request, request.Route("id")).ConfigureAwait(false);
        await CursorEndpoints.WriteBatchAsync(request, 200, cursor, batch, hasMore).ConfigureAwait(false);
    }
}
