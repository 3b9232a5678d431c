using static PSC8.Server.Api.Json;

namespace PSC8.Server.Api;

/// <summary>
/// Free-form attributes of a user or an API key, under <c>{prefix}/attributes</c>. As GDN answers (pyC8's
/// test_apikeys/test_attributes and test_permission/test_attributes_user cassettes): PUT merges the given members
/// and answers them, GET answers all, DELETE of one name (or of "truncate", all of them) answers 202.
/// The owner may read its own; changing them needs an administrator.
/// </summary>
internal static class AttributeEndpoints
{
    /// <summary>Clears every attribute when given as the name to delete.</summary>
    private const string Truncate = "truncate";

    /// <param name="find">The user or key of the route; with selfAllowed false only an administrator gets it (404 before 403).</param>
    public static void Map(Router router, string prefix, Func<IncomingRequest, bool, UserInfo> find)
    {
        router.Map("GET", $"{prefix}/attributes", r => Responses.WriteResultAsync(r.Http, 200, Parse(find(r, true).AttributesJson)));
        router.Map("PUT", $"{prefix}/attributes", r => SetAsync(r, find(r, false)));
        router.Map("DELETE", $"{prefix}/attributes/{{name}}", r => RemoveAsync(r, find(r, false)));
    }

    private static async Task SetAsync(IncomingRequest request, UserInfo owner)
    {
        var given = await request.ReadObjectAsync().ConfigureAwait(false);
        var merged = new C8Object.Builder().AddRange(Parse(owner.AttributesJson).AsObject);
        foreach (var (name, value) in given)
        {
            merged.Set(name, value);
        }
        request.Cluster.Catalog.UpdateUser(owner with { AttributesJson = C8Json.Serialize(O(merged)) });
        await Responses.WriteResultAsync(request.Http, 200, C8Value.From(given)).ConfigureAwait(false);
    }

    private static Task RemoveAsync(IncomingRequest request, UserInfo owner)
    {
        var name = request.Route("name");
        var kept = new C8Object.Builder();
        if (name != Truncate)
        {
            foreach (var (attribute, value) in Parse(owner.AttributesJson).AsObject)
            {
                if (attribute != name)
                {
                    kept.Set(attribute, value);
                }
            }
        }
        request.Cluster.Catalog.UpdateUser(owner with { AttributesJson = C8Json.Serialize(O(kept)) });
        return Responses.WriteEnvelopeAsync(request.Http, 202, _ => { });
    }
}
