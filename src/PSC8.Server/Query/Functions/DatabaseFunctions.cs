using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Functions that read the store: DOCUMENT, COLLECTIONS, COLLECTION_COUNT, CURRENT_USER, CURRENT_DATABASE, SHARD_ID; and DECODE_REV.</summary>
internal static class DatabaseFunctions
{
    private const string RevisionAlphabet = "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int RevisionCounterBits = 20;

    private const FunctionTraits ReadsStore = FunctionTraits.NeedsStore | FunctionTraits.NonDeterministic;

    public static void Register(FunctionTable table)
    {
        table.Add("DOCUMENT", 1, 2, Document, ReadsStore | FunctionTraits.CollectionArgument | FunctionTraits.ReadsCollectionByValue);
        table.Add("COLLECTIONS", 0, 0, Collections, ReadsStore);
        table.Add("COLLECTION_COUNT", 1, 1, CollectionCount, ReadsStore | FunctionTraits.CollectionArgument | FunctionTraits.ReadsCollectionByValue);
        table.Add("CURRENT_USER", 0, 0, (c, _) => string.IsNullOrEmpty(c.Store.CurrentUser) ? C8Value.Null : C8Value.From(c.Store.CurrentUser), ReadsStore);
        table.Add("CURRENT_DATABASE", 0, 0, (c, _) => C8Value.From(c.Store.CurrentDatabase), ReadsStore);
        table.Add("SHARD_ID", 2, 2, ShardId, ReadsStore);
        table.Add("DECODE_REV", 1, 1, DecodeRevision);
    }

    private static C8Value Document(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        string? collection = null;
        var handles = arguments[^1];
        if (arguments.Length == 2)
        {
            if (!arguments[0].TryGetString(out var name))
            {
                return InvalidArgument(context, "DOCUMENT");
            }
            collection = name;
        }
        if (handles.TryGetString(out var handle))
        {
            return Lookup(context.Store, collection, handle) is { } found ? C8Value.From(found) : C8Value.Null;
        }
        if (!handles.IsArray)
        {
            return C8Value.Null;
        }
        var documents = new List<C8Value>();
        foreach (var item in handles.AsArray)
        {
            if (item.TryGetString(out var itemHandle) && Lookup(context.Store, collection, itemHandle) is { } document)
            {
                documents.Add(C8Value.From(document));
            }
        }
        return ArrayOf(documents);
    }

    /// <summary>A document by "collection/key", or by key within <paramref name="collection"/>; null when absent.</summary>
    private static C8Object? Lookup(IQueryStore store, string? collection, string handle)
    {
        var slash = handle.IndexOf('/');
        string key;
        if (slash < 0)
        {
            if (collection is null)
            {
                return null;
            }
            key = handle;
        }
        else
        {
            var prefix = handle[..slash];
            if (collection is not null && collection != prefix)
            {
                return null;
            }
            collection = prefix;
            key = handle[(slash + 1)..];
        }
        try
        {
            return store.Get(collection, key);
        }
        catch (C8Exception e) when (e.ErrorNum is C8Errors.CollectionNotFoundNum or C8Errors.DocumentNotFoundNum or C8Errors.IllegalDocumentKey)
        {
            return null;
        }
    }

    private static C8Value Collections(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var names = context.Store.CollectionNames().ToList();
        names.Sort((a, b) => string.CompareOrdinal(a.ToLowerInvariant(), b.ToLowerInvariant()));
        var result = new List<C8Value>(names.Count);
        foreach (var name in names)
        {
            var builder = new C8Object.Builder(2);
            builder.Add("_id", C8Value.From(name));
            builder.Add("name", C8Value.From(name));
            result.Add(C8Value.From(builder.Build()));
        }
        return ArrayOf(result);
    }

    private static C8Value CollectionCount(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var name))
        {
            throw QueryErrors.InvalidArgument("COLLECTION_COUNT");
        }
        return C8Value.From(context.Store.Count(name));
    }

    /// <summary>C8 Local keeps each collection whole, so like a single ArangoDB server it names the collection itself.</summary>
    private static C8Value ShardId(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var name))
        {
            throw C8Errors.BadRequest("first parameter to SHARD_ID must be a string");
        }
        if (!arguments[1].IsObject)
        {
            throw C8Errors.BadRequest("second parameter to SHARD_ID must be an object");
        }
        if (!context.Store.CollectionExists(name))
        {
            throw new C8Exception(404, C8Errors.CollectionNotFoundNum, $"could not find collection: {name} in database {context.Store.CurrentDatabase}");
        }
        return arguments[0];
    }

    /// <summary>A revision is a hybrid logical clock value: milliseconds in the high bits, a counter in the low 20.</summary>
    private static C8Value DecodeRevision(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var revision) || revision.Length is 0 or > 11)
        {
            return InvalidArgument(context, "DECODE_REV");
        }
        ulong value = 0;
        foreach (var c in revision)
        {
            var digit = RevisionAlphabet.IndexOf(c);
            if (digit < 0)
            {
                return InvalidArgument(context, "DECODE_REV");
            }
            value = (value << 6) | (uint)digit;
        }
        var milliseconds = (long)(value >> RevisionCounterBits);
        var date = DateMath.FormatIso(milliseconds);
        if (date is null)
        {
            return InvalidArgument(context, "DECODE_REV");
        }
        var builder = new C8Object.Builder(2);
        builder.Add("date", C8Value.From(date));
        builder.Add("count", C8Value.From((long)(value & ((1UL << RevisionCounterBits) - 1))));
        return C8Value.From(builder.Build());
    }
}
