namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string SchemaPage = "concepts/data-structure/documents/schema-validation.md";

    /// <summary>The manual's example schema: an array of numbers up to 6 in "nums", every other attribute a string.</summary>
    private const string NumsSchema =
        "LET schema = { rule: { type: 'object', properties: { nums: { type: 'array', items: { type: 'number', maximum: 6 } } }, " +
        "additionalProperties: { type: 'string' }, required: ['nums'] }, level: 'moderate', message: 'nums or strings' } ";

    /// <summary>SCHEMA_GET and SCHEMA_VALIDATE, SHARD_ID, CURRENT_DATABASE, V8, and the index-only functions.</summary>
    private static IEnumerable<ConformanceCase> SchemaAndIntrospection() =>
    [
        Q("schema.validate-valid", NumsSchema + "RETURN SCHEMA_VALIDATE({ nums: [1, 6], name: 'x' }, schema)", """[{"valid":true}]""")
            .Cites(SchemaPage + "#enable-schema-validation-for-a-collection"),
        Q("schema.validate-item-too-big", NumsSchema + "RETURN SCHEMA_VALIDATE({ nums: [7] }, schema)", """[{"valid":false,"errorMessage":"nums or strings"}]""")
            .Cites(SchemaPage + "#enable-schema-validation-for-a-collection"),
        Q("schema.validate-required", NumsSchema + "RETURN SCHEMA_VALIDATE({ name: 'x' }, schema).valid", "[false]")
            .Cites(SchemaPage + "#enable-schema-validation-for-a-collection"),
        Q("schema.validate-additional", NumsSchema + "RETURN SCHEMA_VALIDATE({ nums: [], size: 3 }, schema).valid", "[false]")
            .Cites(SchemaPage + "#enable-schema-validation-for-a-collection"),
        Q("schema.validate-ignores-system-attributes",
            "RETURN SCHEMA_VALIDATE({ _key: 'k', _id: 'c/k', _rev: 'r', a: 1 }, { rule: { properties: { a: { type: 'number' } }, additionalProperties: false } })",
            """[{"valid":true}]""").Cites(SchemaPage),
        Q("schema.validate-no-message", "RETURN SCHEMA_VALIDATE({ a: 1 }, { rule: { required: ['b'] } })", """[{"valid":false,"errorMessage":""}]""")
            .Cites(SchemaPage + "#schema-validation-properties"),
        Q("schema.validate-null-and-empty-schema", "RETURN [SCHEMA_VALIDATE({ a: 1 }, null), SCHEMA_VALIDATE({ a: 1 }, {})]",
            """[[{"valid":true},{"valid":true}]]""").Cites("aql/functions/miscellaneous.md#schema_validate"),
        Q("schema.validate-not-a-document", "RETURN SCHEMA_VALIDATE([1], { rule: {} })", "[null]").Warns(1542)
            .Cites("aql/functions/miscellaneous.md#schema_validate"),
        Q("schema.validate-schema-not-an-object", "RETURN SCHEMA_VALIDATE({ a: 1 }, 'string')", "!10").Cites("aql/functions/miscellaneous.md#schema_validate"),
        Q("schema.validate-without-rule", "RETURN SCHEMA_VALIDATE({ a: 1 }, { message: 'm' })", "!1621").Cites(SchemaPage + "#schema-validation-properties"),
        Q("schema.validate-bad-level", "RETURN SCHEMA_VALIDATE({ a: 1 }, { rule: {}, level: 'sometimes' })", "!1621").Cites(SchemaPage + "#schema-validation-properties"),
        Q("schema.validate-keywords",
            "LET s = { rule: { properties: { kind: { enum: ['a', 'b'] }, code: { type: 'string', pattern: '^[A-Z]{2}\\\\d$', maxLength: 3 }, " +
            "n: { type: 'integer', minimum: 1, exclusiveMaximum: true, maximum: 10, multipleOf: 3 }, " +
            "tags: { type: 'array', uniqueItems: true, minItems: 1 }, v: { anyOf: [{ type: 'string' }, { type: 'null' }] }, " +
            "w: { oneOf: [{ type: 'number' }, { type: 'integer' }] }, x: { not: { type: 'boolean' } } } } } " +
            "RETURN [SCHEMA_VALIDATE({ kind: 'a', code: 'AB1', n: 9, tags: ['x'], v: null, w: 1.5, x: 1 }, s).valid, " +
            "SCHEMA_VALIDATE({ kind: 'c' }, s).valid, SCHEMA_VALIDATE({ code: 'ab1' }, s).valid, SCHEMA_VALIDATE({ n: 10 }, s).valid, " +
            "SCHEMA_VALIDATE({ n: 4 }, s).valid, SCHEMA_VALIDATE({ tags: ['x', 'x'] }, s).valid, SCHEMA_VALIDATE({ v: 1 }, s).valid, " +
            "SCHEMA_VALIDATE({ w: 2 }, s).valid, SCHEMA_VALIDATE({ x: true }, s).valid]",
            "[[true,false,false,false,false,false,false,false,false]]").Cites(SchemaPage + " (JSON Schema draft-4)"),
        Q("schema.validate-ref-and-dependencies",
            "LET s = { rule: { definitions: { pos: { type: 'number', minimum: 0 } }, properties: { a: { $ref: '#/definitions/pos' } }, dependencies: { b: ['c'] } } } " +
            "RETURN [SCHEMA_VALIDATE({ a: 1 }, s).valid, SCHEMA_VALIDATE({ a: -1 }, s).valid, SCHEMA_VALIDATE({ b: 1 }, s).valid, SCHEMA_VALIDATE({ b: 1, c: 2 }, s).valid]",
            "[[true,false,false,true]]").Cites(SchemaPage + " (JSON Schema draft-4)"),
        Q("schema.validate-self-reference-is-bounded",
            "RETURN SCHEMA_VALIDATE({ a: 1 }, { rule: { allOf: [{ $ref: '#' }, { $ref: '#' }, { $ref: '#' }] } })", "!10")
            .Cites(SchemaPage + " (C8 Local bounds the work of one check)"),
        Q("schema.validate-argument-count", "RETURN SCHEMA_VALIDATE({})", "!1541").Cites("aql/functions/miscellaneous.md#schema_validate"),
        Q("schema.get-without-schema", "RETURN SCHEMA_GET('users')", "[null]").On("users").Cites("aql/functions/miscellaneous.md#schema_get"),
        Q("schema.get-unknown-collection", "RETURN SCHEMA_GET('no_such_collection')", "!1203").Cites("aql/functions/miscellaneous.md#schema_get"),
        Q("schema.get-argument-count", "RETURN SCHEMA_GET()", "!1541").Cites("aql/functions/miscellaneous.md#schema_get"),
        Q("shard-id.collection-name", "RETURN SHARD_ID('users', { name: 'John' })", """["users"]""").On("users")
            .Cites("aql/functions/miscellaneous.md#shard_id (on deployments other than clusters, the collection name)"),
        Q("shard-id.unknown-collection", "RETURN SHARD_ID('no_such_collection', {})", "!1203").Cites("aql/functions/miscellaneous.md#shard_id"),
        Q("shard-id.name-not-a-string", "RETURN SHARD_ID(1, {})", "!10").Cites("aql/functions/miscellaneous.md#shard_id"),
        Q("shard-id.keys-not-an-object", "RETURN SHARD_ID('users', [])", "!10").On("users").Cites("aql/functions/miscellaneous.md#shard_id"),
        Q("shard-id.argument-count", "RETURN SHARD_ID('users')", "!1541").Cites("aql/functions/miscellaneous.md#shard_id"),
        Q("current-database.is-a-name", "RETURN TYPENAME(CURRENT_DATABASE())", """["string"]""").Cites("aql/functions/miscellaneous.md#current_database"),
        Q("current-database.argument-count", "RETURN CURRENT_DATABASE(1)", "!1541").Cites("aql/functions/miscellaneous.md#current_database"),
        Q("index.near-without-geo-index", "RETURN NEAR(users, 52.5, 13.4, 3)", "!1570").On("users")
            .Cites("aql/functions/geo.md#near (needs a geo index; error 1570 in site/data/3.11/errors.yaml)"),
        Q("index.within-without-geo-index", "FOR u IN WITHIN(users, 52.5, 13.4, 1000) RETURN u", "!1570").On("users").Cites("aql/functions/geo.md#within"),
        Q("index.within-rectangle-without-geo-index", "RETURN WITHIN_RECTANGLE(users, 0, 0, 10, 10)", "!1570").On("users")
            .Cites("aql/functions/geo.md#within_rectangle"),
        Q("index.fulltext-without-fulltext-index", "RETURN FULLTEXT(users, 'name', 'john')", "!1571").On("users")
            .Cites("aql/functions/fulltext.md#fulltext (error 1571 in site/data/3.11/errors.yaml)"),
        Q("index.unknown-collection", "RETURN NEAR(no_such_collection, 0, 0)", "!1203").Cites("aql/functions/geo.md#near"),
        Q("index.argument-counts", "RETURN [NEAR(users, 0), WITHIN_RECTANGLE(users, 0, 0, 1)]", "!1541").Cites("aql/functions/geo.md#near"),
        Q("check-document.objects-only", "RETURN [CHECK_DOCUMENT({ a: 1, b: [{ c: 2 }] }), CHECK_DOCUMENT([1]), CHECK_DOCUMENT('x'), CHECK_DOCUMENT(null)]",
            "[[true,false,false,false]]").Cites("aql/functions/miscellaneous.md#check_document"),
        Q("version.is-a-string", "RETURN IS_STRING(VERSION())", "[true]").Cites("aql/functions/miscellaneous.md#version"),
        Q("v8.passes-its-argument", "FOR i IN 1..3 RETURN V8(1 + 1)", "[2,2,2]").Cites("aql/functions/miscellaneous.md#v8"),
        Q("v8.argument-count", "RETURN V8()", "!1541").Cites("aql/functions/miscellaneous.md#v8"),
    ];
}
