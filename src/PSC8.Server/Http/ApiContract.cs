using Microsoft.AspNetCore.Http;

namespace PSC8.Server.Http;

/// <summary>Which path forms reach an operation: GDN's canonical one plus the aliases the official drivers send.</summary>
internal enum PathForms
{
    /// <summary><c>/_fabric/{f}[/_api]/…</c>: a fabric must be named (jsC8 drops <c>_api</c>).</summary>
    FabricScoped,
    /// <summary><c>[/_fabric/{f}]/_api/…</c>, as GDN and jsC8's fabric-scoped aliases send them.</summary>
    Unscoped,
    /// <summary>As <see cref="Unscoped"/>, and also <c>/_admin/…</c> (jsC8's User class).</summary>
    UnscopedOrAdmin,
}

/// <summary>The fields a JSON body may have; <see cref="Nested"/> names objects inside it that are checked as well.</summary>
internal sealed record BodyShape(IReadOnlySet<string> Fields, IReadOnlyDictionary<string, BodyShape> Nested)
{
    public static BodyShape Of(params string[] fields) => new(fields.ToHashSet(StringComparer.Ordinal), new Dictionary<string, BodyShape>());

    public BodyShape With(string field, BodyShape shape) =>
        new(Fields.Append(field).ToHashSet(StringComparer.Ordinal), new Dictionary<string, BodyShape>(Nested) { [field] = shape });

    /// <summary>Every object in <paramref name="value"/> (itself, or each item of an array) against this shape.</summary>
    public void Check(C8Value value, string operation, string where)
    {
        if (value.Type == C8Type.Array)
        {
            foreach (var item in value.AsArray)
            {
                Check(item, operation, where);
            }
            return;
        }
        if (value.Type != C8Type.Object)
        {
            return;
        }
        foreach (var (name, field) in value.AsObject)
        {
            if (!Fields.Contains(name))
            {
                throw ApiContract.Refused($"body field '{where}{name}'", operation, Fields);
            }
            if (Nested.TryGetValue(name, out var nested))
            {
                nested.Check(field, operation, $"{where}{name}.");
            }
        }
    }
}

/// <summary>
/// What GDN's published API defines for one operation (query parameters, body fields, path forms), checked by
/// <c>c8local --strict-api</c> so that a client relying on anything else fails here rather than on a real GDN.
/// A null <see cref="Body"/> means the body is data (documents, keys) rather than named fields.
/// </summary>
internal sealed record ApiContract(string Operation, PathForms Forms, IReadOnlySet<string> Query, BodyShape? Body)
{
    public void CheckRequest(RequestPath path, IQueryCollection query)
    {
        if (Forms == PathForms.FabricScoped && !path.FabricGiven)
        {
            throw C8Errors.BadRequest($"strict API (c8local --strict-api): {Operation} is reached through /_fabric/{{fabric}}/_api/…; GDN's published API has no form without the fabric");
        }
        if (path.Area == "_admin" && Forms != PathForms.UnscopedOrAdmin)
        {
            throw C8Errors.BadRequest($"strict API (c8local --strict-api): {Operation} has no /_admin/… form in GDN's published API");
        }
        foreach (var name in query.Keys)
        {
            if (!Query.Contains(name))
            {
                throw Refused($"query parameter '{name}'", Operation, Query);
            }
        }
    }

    public static C8Exception Refused(string what, string operation, IReadOnlySet<string> allowed) =>
        C8Errors.BadRequest($"strict API (c8local --strict-api): {what} is not defined by GDN's published API for {operation}; "
            + (allowed.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", allowed.Order(StringComparer.Ordinal))));

    public static C8Exception Unpublished(string method, string path) =>
        C8Errors.BadRequest($"strict API (c8local --strict-api): {method} {path} is a C8 Local extension that GDN's published API does not define");
}
