namespace PSC8.Server.KeyValue;

/// <summary>
/// A key-value pair as GDN stores it: a document <c>{_key, value, expireAt}</c> in a collection whose model is KV.
/// <c>expireAt</c> is a Unix time in seconds and counts only in a collection created with expiration; -1 (any
/// negative number) means never. Pairs are documents, so they replicate and survive restarts as documents do.
/// </summary>
internal static class KeyValueRules
{
    public const string ValueAttribute = "value";
    public const string ExpireAtAttribute = "expireAt";
    public const long Never = -1;

    public static long NowSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Whether a stored pair has expired: such a pair is never returned, and the sweeper removes it.</summary>
    public static bool IsExpired(CollectionInfo collection, C8Object pair, long nowSeconds) =>
        collection.Expiration && pair[ExpireAtAttribute].TryGetInteger(out var at) && at >= 0 && at <= nowSeconds;

    /// <summary>
    /// The document to store for one item of a put: a missing or null value is refused as GDN refuses it (403 with
    /// errorNum 400, "Missing value." — pyC8's recorded test_keyvalue_exceptions); the key, when given, must be valid.
    /// </summary>
    public static C8Object ToDocument(CollectionInfo collection, C8Value item)
    {
        if (!item.TryGetObject(out var given))
        {
            throw C8Errors.BadRequest("each key-value pair must be an object {\"_key\", \"value\", \"expireAt\"}");
        }
        if (given[ValueAttribute].IsNull)
        {
            throw new C8Exception(403, C8Errors.HttpBadRequest, "Missing value.");
        }
        var builder = new C8Object.Builder(3);
        if (given.TryGetValue("_key", out var key))
        {
            if (!key.TryGetString(out var text))
            {
                throw C8Errors.IllegalKey("illegal key: _key must be a string");
            }
            DocumentKeyRules.Validate(text);
            builder.Set("_key", key);
        }
        builder.Set(ValueAttribute, given[ValueAttribute]);
        var expireAt = given[ExpireAtAttribute];
        if (!expireAt.IsNull && !expireAt.IsInteger)
        {
            throw C8Errors.BadRequest("'expireAt' must be a Unix time in seconds (an integer), or -1 for never");
        }
        if (collection.Expiration)
        {
            builder.Set(ExpireAtAttribute, expireAt.IsNull ? C8Value.From(Never) : expireAt);
        }
        return builder.Build();
    }

    /// <summary>The key a delete names: a string, or a pair object with its _key (pyC8 sends the pairs it put).</summary>
    public static string KeyOf(C8Value item)
    {
        if (item.TryGetString(out var key) || (item.TryGetObject(out var pair) && pair["_key"].TryGetString(out key)))
        {
            return key;
        }
        throw C8Errors.BadRequest("each key to remove must be a string, or an object with a string _key");
    }

    /// <summary>A pair as the listing answers it: <c>{_key, value, expireAt}</c>, expireAt null without expiration.</summary>
    public static C8Object Listed(CollectionInfo collection, C8Object pair) => new C8Object.Builder(3)
        .Set("_key", pair["_key"])
        .Set(ValueAttribute, pair[ValueAttribute])
        .Set(ExpireAtAttribute, collection.Expiration ? pair[ExpireAtAttribute] : C8Value.Null)
        .Build();

    /// <summary>A pair as GET value/{key} answers it: <c>{_id, _key, _rev, value}</c>, with expireAt when the collection expires pairs.</summary>
    public static C8Object Single(CollectionInfo collection, C8Object pair)
    {
        var builder = new C8Object.Builder(5).Set("_id", pair["_id"]).Set("_key", pair["_key"]).Set("_rev", pair["_rev"])
            .Set(ValueAttribute, pair[ValueAttribute]);
        if (collection.Expiration)
        {
            builder.Set(ExpireAtAttribute, pair[ExpireAtAttribute]);
        }
        return builder.Build();
    }
}
