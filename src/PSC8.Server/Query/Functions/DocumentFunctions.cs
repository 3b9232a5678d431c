using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Object (document) functions.</summary>
internal static class DocumentFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add("ATTRIBUTES", 1, 3, Attributes);
        table.Alias("KEYS", "ATTRIBUTES");
        table.Add("VALUES", 1, 2, ValuesOf);
        table.Add("VALUE", 2, 2, ValueAt);
        table.Add("HAS", 2, 2, (_, a) => C8Value.From(a[0].TryGetObject(out var obj) && obj.ContainsKey(C8Conversions.ToStringValue(a[1]))));
        table.Add("KEEP", 2, FunctionRegistry.Unbounded, (c, a) => Filter(c, a, "KEEP", keep: true, recursive: false));
        table.Add("KEEP_RECURSIVE", 2, FunctionRegistry.Unbounded, (c, a) => Filter(c, a, "KEEP_RECURSIVE", keep: true, recursive: true));
        table.Add("UNSET", 2, FunctionRegistry.Unbounded, (c, a) => Filter(c, a, "UNSET", keep: false, recursive: false));
        table.Add("UNSET_RECURSIVE", 2, FunctionRegistry.Unbounded, (c, a) => Filter(c, a, "UNSET_RECURSIVE", keep: false, recursive: true));
        table.Add("MERGE", 1, FunctionRegistry.Unbounded, (c, a) => Merge(c, a, "MERGE", recursive: false));
        table.Add("MERGE_RECURSIVE", 1, FunctionRegistry.Unbounded, (c, a) => Merge(c, a, "MERGE_RECURSIVE", recursive: true));
        table.Add("MATCHES", 2, 3, Matches);
        table.Add("PARSE_IDENTIFIER", 1, 1, ParseIdentifier);
        table.Add("IS_SAME_COLLECTION", 2, 2, IsSameCollection);
        table.Add("TRANSLATE", 2, 3, Translate);
        table.Add("ZIP", 2, 2, Zip);
    }

    private static C8Value Attributes(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetObject(out var obj))
        {
            return InvalidArgument(context, "ATTRIBUTES");
        }
        var removeInternal = BoolArg(arguments, 1);
        var names = new List<string>();
        foreach (var key in obj.Keys)
        {
            if (!removeInternal || !key.StartsWith('_'))
            {
                names.Add(key);
            }
        }
        // Sorted whether or not the third argument asks for it: C8QL lists attribute names from its objects' sorted
        // index, by the code points of the names.
        names.Sort(C8ValueComparer.CompareCodePoints);
        return ArrayOf(names.ConvertAll(name => C8Value.From(name)));
    }

    private static C8Value ValuesOf(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetObject(out var obj))
        {
            return InvalidArgument(context, "VALUES");
        }
        var removeInternal = BoolArg(arguments, 1);
        var values = new List<C8Value>();
        foreach (var pair in obj)
        {
            if (!removeInternal || !pair.Key.StartsWith('_'))
            {
                values.Add(pair.Value);
            }
        }
        return ArrayOf(values);
    }

    /// <summary>VALUE(document, path): attribute names and array positions walked in turn; a step that leads nowhere gives null.</summary>
    private static C8Value ValueAt(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsObject || !arguments[1].IsArray)
        {
            return InvalidArgument(context, "VALUE");
        }
        var path = arguments[1].AsArray;
        if (path.Count == 0)
        {
            return C8Value.Null;
        }
        var current = arguments[0];
        foreach (var step in path)
        {
            if (step.TryGetString(out var name) && current.TryGetObject(out var obj) && obj.TryGetValue(name, out var member))
            {
                current = member;
            }
            else if (step.IsNumber && step.AsNumber >= 0 && current.IsArray && step.AsNumber < current.AsArray.Count)
            {
                current = current.AsArray[(int)step.AsNumber];
            }
            else
            {
                return C8Value.Null;
            }
        }
        return current;
    }

    /// <summary>Attribute names given as strings, numbers or arrays of strings (KEEP, UNSET …).</summary>
    private static HashSet<string> AttributeNames(QueryContext context, ReadOnlySpan<C8Value> arguments, string function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            switch (argument.Type)
            {
                case C8Type.String:
                    names.Add(argument.AsString);
                    break;
                case C8Type.Number:
                    names.Add(C8NumberFormat.Format(argument));
                    break;
                case C8Type.Array:
                    foreach (var item in argument.AsArray)
                    {
                        if (item.TryGetString(out var name))
                        {
                            names.Add(name);
                        }
                        else
                        {
                            InvalidArgument(context, function);
                        }
                    }
                    break;
            }
        }
        return names;
    }

    private static C8Value Filter(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool keep, bool recursive)
    {
        if (!arguments[0].TryGetObject(out var obj))
        {
            return InvalidArgument(context, function);
        }
        return C8Value.From(FilterObject(obj, AttributeNames(context, arguments[1..], function), keep, recursive));
    }

    private static C8Object FilterObject(C8Object obj, HashSet<string> names, bool keep, bool recursive)
    {
        var builder = new C8Object.Builder(obj.Count);
        foreach (var pair in obj)
        {
            if (names.Contains(pair.Key) != keep)
            {
                continue;
            }
            var value = recursive && pair.Value.TryGetObject(out var inner)
                ? C8Value.From(FilterObject(inner, names, keep, recursive))
                : pair.Value;
            builder.Add(pair.Key, value);
        }
        return builder.Build();
    }

    private static C8Value Merge(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool recursive)
    {
        if (arguments.Length == 1 && arguments[0].IsArray)
        {
            var merged = C8Object.Empty;
            foreach (var item in arguments[0].AsArray)
            {
                if (!item.TryGetObject(out var obj))
                {
                    return InvalidArgument(context, function);
                }
                merged = MergeObjects(merged, obj, recursive);
            }
            return C8Value.From(merged);
        }
        if (!arguments[0].TryGetObject(out var result))
        {
            return InvalidArgument(context, function);
        }
        foreach (var argument in arguments[1..])
        {
            if (!argument.TryGetObject(out var obj))
            {
                return InvalidArgument(context, function);
            }
            result = MergeObjects(result, obj, recursive);
        }
        return C8Value.From(result);
    }

    /// <summary>Right wins; attributes keep the left object's order, new ones are appended.</summary>
    public static C8Object MergeObjects(C8Object left, C8Object right, bool recursive)
    {
        var builder = new C8Object.Builder(left.Count + right.Count);
        builder.AddRange(left);
        foreach (var pair in right)
        {
            if (recursive && pair.Value.TryGetObject(out var rightInner) &&
                builder.TryGetValue(pair.Key, out var existing) && existing.TryGetObject(out var leftInner))
            {
                builder.Set(pair.Key, C8Value.From(MergeObjects(leftInner, rightInner, recursive)));
            }
            else
            {
                builder.Set(pair.Key, pair.Value);
            }
        }
        return builder.Build();
    }

    private static C8Value Matches(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var returnIndex = BoolArg(arguments, 2);
        if (!arguments[0].TryGetObject(out var document))
        {
            return C8Value.From(false);
        }
        var examples = arguments[1].IsArray ? arguments[1].AsArray : [arguments[1]];
        for (var i = 0; i < examples.Count; i++)
        {
            if (!examples[i].TryGetObject(out var example))
            {
                InvalidArgument(context, "MATCHES");
                continue;
            }
            if (MatchesExample(document, example))
            {
                return returnIndex ? C8Value.From(i) : C8Value.True;
            }
        }
        return returnIndex ? C8Value.From(-1) : C8Value.False;
    }

    /// <summary>Every attribute of the example equals the document's (a null example value also matches a missing one).</summary>
    public static bool MatchesExample(C8Object document, C8Object example)
    {
        foreach (var pair in example)
        {
            if (!document.TryGetValue(pair.Key, out var actual))
            {
                if (pair.Value.IsNull)
                {
                    continue;
                }
                return false;
            }
            if (!C8ValueEquality.AreEqual(actual, pair.Value))
            {
                return false;
            }
        }
        return true;
    }

    private static C8Value ParseIdentifier(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var handle = IdOf(arguments[0]);
        var slash = handle?.IndexOf('/') ?? -1;
        if (handle is null || slash < 0 || handle.IndexOf('/', slash + 1) >= 0)
        {
            return InvalidArgument(context, "PARSE_IDENTIFIER");
        }
        var builder = new C8Object.Builder(2);
        builder.Add("collection", C8Value.From(handle[..slash]));
        builder.Add("key", C8Value.From(handle[(slash + 1)..]));
        return C8Value.From(builder.Build());
    }

    /// <summary>A document handle: the string itself, or the _id of an object.</summary>
    private static string? IdOf(C8Value value)
    {
        if (value.TryGetString(out var text))
        {
            return text.Length == 0 ? null : text;
        }
        return value.TryGetObject(out var obj) && obj["_id"].TryGetString(out var id) && id.Length > 0 ? id : null;
    }

    private static C8Value IsSameCollection(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var first = IdOf(arguments[0]);
        var second = IdOf(arguments[1]);
        if (first is null || second is null)
        {
            return InvalidArgument(context, "IS_SAME_COLLECTION");
        }
        return C8Value.From(CollectionPart(first) == CollectionPart(second));
    }

    private static string CollectionPart(string handle)
    {
        var slash = handle.IndexOf('/');
        return slash >= 0 ? handle[..slash] : handle;
    }

    private static C8Value Translate(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[1].TryGetObject(out var lookup))
        {
            return InvalidArgument(context, "TRANSLATE");
        }
        if (lookup.TryGetValue(C8Conversions.ToStringValue(arguments[0]), out var mapped))
        {
            return mapped;
        }
        return arguments.Length > 2 ? arguments[2] : arguments[0];
    }

    private static C8Value Zip(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsArray || !arguments[1].IsArray || arguments[0].AsArray.Count != arguments[1].AsArray.Count)
        {
            return InvalidArgument(context, "ZIP");
        }
        var keys = arguments[0].AsArray;
        var values = arguments[1].AsArray;
        var builder = new C8Object.Builder(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = C8Conversions.ToStringValue(keys[i]);
            if (!builder.TryGetValue(key, out _))
            {
                builder.Add(key, values[i]);
            }
        }
        return C8Value.From(builder.Build());
    }
}
