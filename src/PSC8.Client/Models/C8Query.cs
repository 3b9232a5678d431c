namespace PSC8.Client.Models;

/// <summary>A C8QL query to run through a server cursor.</summary>
public sealed class C8Query
{
    /// <summary>Creates a query.</summary>
    public C8Query(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("The query text is empty.", nameof(query));
        }

        Query = query;
    }

    /// <summary>The C8QL text.</summary>
    public string Query { get; }

    /// <summary>Bind parameters (<c>@name</c> → value; <c>@@coll</c> as key <c>@coll</c>).</summary>
    public IDictionary<string, object?> BindVars { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Results per page (server default 100, max 1000).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Ask the server for the total <c>count</c>.</summary>
    public bool Count { get; set; }

    /// <summary>Idle lifetime of the server cursor in seconds.</summary>
    public int? Ttl { get; set; }

    /// <summary>Report <c>fullCount</c> (rows before the last LIMIT) in the stats.</summary>
    public bool? FullCount { get; set; }

    /// <summary>Stream results instead of materialising them on the server.</summary>
    public bool? Stream { get; set; }

    /// <summary>Further <c>options</c> members passed through as is (e.g. <c>profile</c>).</summary>
    public IDictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Query;

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("query", Query);
        if (BindVars.Count > 0)
        {
            w.WritePropertyName("bindVars");
            C8JsonWriters.WriteValue(w, BindVars);
        }

        if (BatchSize is int batch)
        {
            w.WriteNumber("batchSize", batch);
        }

        if (Count)
        {
            w.WriteBoolean("count", true);
        }

        if (Ttl is int ttl)
        {
            w.WriteNumber("ttl", ttl);
        }

        if (FullCount is not null || Stream is not null || Options.Count > 0)
        {
            w.WriteStartObject("options");
            if (FullCount is bool full)
            {
                w.WriteBoolean("fullCount", full);
            }

            if (Stream is bool stream)
            {
                w.WriteBoolean("stream", stream);
            }

            foreach (var pair in Options)
            {
                w.WritePropertyName(pair.Key);
                C8JsonWriters.WriteValue(w, pair.Value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}

/// <summary>One page (batch) of cursor results.</summary>
/// <param name="number">1 for the first page.</param>
/// <param name="items">The rows of the page.</param>
/// <param name="hasMore">Whether more pages follow.</param>
/// <param name="count">Total result count, when asked for.</param>
/// <param name="extra">The <c>extra</c> object, when sent.</param>
/// <param name="cached">Whether the result came from the query cache.</param>
public sealed class C8CursorPage(int number, IReadOnlyList<JsonElement> items, bool hasMore, long? count, JsonElement? extra, bool cached)
{
    /// <summary>1 for the first page.</summary>
    public int Number { get; } = number;

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<JsonElement> Items { get; } = items;

    /// <summary>Whether more pages follow.</summary>
    public bool HasMore { get; } = hasMore;

    /// <summary>Total result count, when asked for.</summary>
    public long? Count { get; } = count;

    /// <summary>The <c>extra</c> object (stats, warnings), when sent.</summary>
    public JsonElement? Extra { get; } = extra;

    /// <summary>Whether the result came from the query cache.</summary>
    public bool Cached { get; } = cached;

    /// <summary><c>extra.stats.fullCount</c>, when asked for.</summary>
    public long? FullCount
    {
        get
        {
            if (Extra is JsonElement e && JsonRead.Object(e, "stats") is JsonElement stats)
            {
                return JsonRead.Long(stats, "fullCount");
            }

            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => "page " + Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows" + (HasMore ? ", more" : string.Empty);
}
