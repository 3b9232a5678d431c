namespace PSC8.Client.Models;

/// <summary>A saved, named query (RestQL "query worker").</summary>
public sealed class C8QueryWorker
{
    /// <summary>The fabric it belongs to (as asked for).</summary>
    public string Fabric { get; internal set; } = string.Empty;

    /// <summary>Worker name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The query text (<c>value</c>).</summary>
    public string? Query { get; private set; }

    /// <summary><c>c8ql</c> or <c>sql</c>.</summary>
    public string? Type { get; private set; }

    /// <summary>Default bind values stored with the worker (<c>parameter</c>), as plain values; null when it has none.</summary>
    public IReadOnlyDictionary<string, object?>? Parameter { get; private set; }

    /// <summary>Owner (<c>userid</c>).</summary>
    public string? UserId { get; private set; }

    /// <summary>Tenant.</summary>
    public string? Tenant { get; private set; }

    /// <summary>Server key.</summary>
    public string? Key { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Fills in what an update's answer leaves out: GDN answers a PUT with only <c>_key</c>, <c>value</c> and
    /// <c>sqlValue</c>, so the name, type and parameters are the ones just sent.
    /// </summary>
    internal void CompleteFrom(C8QueryWorkerDefinition definition)
    {
        Name = definition.Name;
        Query ??= definition.Query;
        Type ??= definition.Type ?? "c8ql";
        Parameter ??= definition.Parameter is null ? null : new Dictionary<string, object?>(definition.Parameter);
    }

    internal static C8QueryWorker FromJson(JsonElement e, string fabric)
    {
        var name = JsonRead.String(e, "name");
        var key = JsonRead.String(e, "_key");
        if (string.IsNullOrEmpty(name) && key is not null)
        {
            var dot = key.LastIndexOf('.');
            name = dot < 0 ? key : key.Substring(dot + 1);
        }

        return new C8QueryWorker
        {
            Fabric = fabric,
            Name = name ?? string.Empty,
            Query = JsonRead.String(e, "value"),
            Type = JsonRead.String(e, "type"),
            Parameter = JsonRead.Object(e, "parameter") is JsonElement parameter ? (IReadOnlyDictionary<string, object?>?)JsonPlainValues.From(parameter) : null,
            UserId = JsonRead.String(e, "userid"),
            Tenant = JsonRead.String(e, "tenant"),
            Key = key,
        };
    }
}

/// <summary>A query worker to save or import.</summary>
public sealed class C8QueryWorkerDefinition
{
    /// <summary>Creates a definition.</summary>
    public C8QueryWorkerDefinition(string name, string query)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A name is required.", nameof(name));
        }

        Name = name;
        Query = query ?? throw new ArgumentNullException(nameof(query));
    }

    /// <summary>Worker name (no spaces).</summary>
    public string Name { get; }

    /// <summary>The query text.</summary>
    public string Query { get; }

    /// <summary><c>c8ql</c> (default) or <c>sql</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Default bind values.</summary>
    public IDictionary<string, object?>? Parameter { get; set; }

    internal void WriteBody(Utf8JsonWriter w, bool includeName)
    {
        w.WriteStartObject();
        if (includeName)
        {
            w.WriteString("name", Name);
        }

        w.WriteString("value", Query);
        if (Type is not null)
        {
            w.WriteString("type", Type);
        }

        if (Parameter is not null)
        {
            w.WritePropertyName("parameter");
            Json.C8JsonWriters.WriteValue(w, Parameter);
        }

        w.WriteEndObject();
    }
}

/// <summary>The result of importing query workers; a failure is described by its message.</summary>
public sealed class C8QueryWorkerImportResult : C8ImportOutcome<string>
{
    private C8QueryWorkerImportResult(JsonElement result)
        : base(result, failure => JsonRead.String(failure, "errorMessage") ?? failure.GetRawText())
    {
    }

    internal static C8QueryWorkerImportResult FromJson(JsonElement body) => new(JsonRead.Result(body));
}
