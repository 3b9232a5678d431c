using PSC8.Server.Query.Sql;

namespace PSC8.Server.Application;

/// <summary>
/// Whose rights a RestQL worker runs with, and who may see what it stores. A user and its API keys share their
/// workers, so one of them may change a worker that another runs later: the worker then runs with no more than the
/// rights of both, and its text and stored parameters are shown only to a caller whose own levels let it run.
/// </summary>
internal static class StoredQueryRights
{
    /// <summary>
    /// The principal that saved the worker last, when that is not the caller (null when it is); a 403 when it no
    /// longer exists or is inactive, since nobody's rights would then stand behind what it wrote.
    /// </summary>
    public static Principal? SavedByAnother(IncomingRequest request, QueryWorkerInfo worker)
    {
        if (worker.Author == request.Principal.UserId)
        {
            return null;
        }
        var author = request.Cluster.Catalog.FindUser(worker.Author);
        if (author is not { Active: true })
        {
            throw new C8Exception(403, C8Errors.Forbidden,
                $"forbidden: query worker '{worker.Name}' was last saved by '{worker.Author}', which no longer exists or is inactive; save it again to run it");
        }
        return new Principal(author.Id, request.Cluster.Options.Tenant, author.IsApiKey, author.ApiKeyParent);
    }

    /// <summary>
    /// Whether the caller's levels cover what the worker names: read access to the collections it reads, write
    /// access to those it writes. A worker that reads collections it only learns at run time, or that cannot be
    /// compiled without the caller's bind values, needs the level it could need anywhere in the fabric.
    /// </summary>
    public static bool MayRun(IncomingRequest request, QueryWorkerInfo worker)
    {
        var cluster = request.Cluster;
        var fabric = worker.Fabric;
        bool Allowed(string collection, AccessLevel needed) =>
            cluster.Access.CollectionLevel(request.Principal, fabric, collection) >= needed;
        bool AllowedEverywhere(AccessLevel needed) => cluster.Catalog.Collections(fabric).All(c => Allowed(c.Name, needed));
        Query.PreparedQuery prepared;
        try
        {
            var parameters = C8Json.Parse(worker.ParameterJson).AsObject;
            var (text, bindVars) = worker.Type == "sql" ? FromSql(worker.Value, parameters) : (worker.Value, parameters);
            prepared = cluster.Engine.Prepare(text, bindVars);
        }
        catch (C8Exception)
        {
            return AllowedEverywhere(AccessLevel.ReadWrite);
        }
        var written = prepared.WrittenCollections;
        return prepared.Collections.All(c => Allowed(c, written.Contains(c) ? AccessLevel.ReadWrite : AccessLevel.ReadOnly)) &&
            written.All(c => Allowed(c, AccessLevel.ReadWrite)) &&
            (!prepared.ReadsCollectionsByValue || AllowedEverywhere(AccessLevel.ReadOnly));
    }

    private static (string Text, C8Object BindVars) FromSql(string sql, C8Object parameters)
    {
        var translation = SqlTranslator.Translate(sql);
        return (translation.C8ql, translation.Bind(parameters));
    }
}
