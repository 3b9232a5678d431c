namespace PSC8.Server.Query.Functions;

/// <summary>
/// SCHEMA_GET and SCHEMA_VALIDATE. C8 collections carry no schema, so SCHEMA_GET answers null for any collection that
/// exists; SCHEMA_VALIDATE checks a document against a schema object given in the query (<c>rule</c>, <c>level</c>,
/// <c>message</c>), always as the strict level would.
/// </summary>
internal static class SchemaFunctions
{
    private const int ValidationBadParameter = 1621;

    private static readonly string[] Levels = ["none", "new", "moderate", "strict"];

    /// <summary>The system attributes a schema does not constrain.</summary>
    private static readonly string[] SystemAttributes = ["_key", "_id", "_rev", "_from", "_to"];

    public static void Register(FunctionTable table)
    {
        table.Add("SCHEMA_GET", 1, 1, SchemaGet, FunctionTraits.NeedsStore | FunctionTraits.NonDeterministic);
        table.Add("SCHEMA_VALIDATE", 2, 2, SchemaValidate);
    }

    private static C8Value SchemaGet(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetString(out var name) || name.Length == 0)
        {
            throw C8Errors.BadRequest("could not extract collection name from parameters");
        }
        if (!context.Store.CollectionExists(name))
        {
            throw new C8Exception(404, C8Errors.CollectionNotFoundNum, $"could not find collection: {name}");
        }
        return C8Value.Null;
    }

    private static C8Value SchemaValidate(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].TryGetObject(out var document))
        {
            context.Warn(QueryErrors.FunctionArgumentTypeMismatch, "in function 'SCHEMA_VALIDATE()': expecting document object");
            return C8Value.Null;
        }
        var schema = arguments[1];
        if (schema.IsNull || (schema.IsObject && schema.AsObject.Count == 0))
        {
            return Verdict(valid: true, message: null);
        }
        if (!schema.IsObject)
        {
            throw C8Errors.BadRequest($"second parameter is not a schema object: {C8Json.Serialize(schema)}");
        }
        var rule = schema["rule"];
        if (!rule.IsObject)
        {
            throw new C8Exception(400, ValidationBadParameter,
                $"No valid schema in rule attribute given (no object): {C8Json.Serialize(schema)}");
        }
        if (schema["level"] is { IsString: true } level && !Levels.Contains(level.AsString))
        {
            throw new C8Exception(400, ValidationBadParameter, $"Valid validation levels are: {string.Join(", ", Levels)}");
        }
        foreach (var attribute in SystemAttributes)
        {
            document = document.Without(attribute);
        }
        var valid = new JsonSchemaRule(rule).Accepts(C8Value.From(document));
        return Verdict(valid, valid ? null : schema["message"] is { IsString: true } message ? message.AsString : string.Empty);
    }

    private static C8Value Verdict(bool valid, string? message)
    {
        var result = new C8Object.Builder(2).Set("valid", C8Value.From(valid));
        if (message is not null)
        {
            result.Set("errorMessage", C8Value.From(message));
        }
        return C8Value.From(result.Build());
    }
}
