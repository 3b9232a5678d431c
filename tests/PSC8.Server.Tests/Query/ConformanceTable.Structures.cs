namespace PSC8.Server.Tests.Query;

public static partial class ConformanceTable
{
    private const string DocumentPage = "aql/functions/document-object.md";

    /// <summary>The example document of the KEEP / UNSET pages, as a LET prefix.</summary>
    private const string NestedDoc = "LET doc = { foo: { bar: { foo: 1, baz: 2 }, baz: 3 }, baz: 4 } ";

    /// <summary>Array, document and miscellaneous functions added for 3.11.</summary>
    private static IEnumerable<ConformanceCase> StructureFunctions() =>
    [
        Q("structure.interleave", "RETURN [INTERLEAVE( [1, 1, 1], [2, 2, 2], [3, 3, 3] ), INTERLEAVE( [ 1 ], [2, 2], [3, 3, 3] )]",
            "[[[1,2,3,1,2,3,1,2,3],[1,2,3,2,3,3]]]").Cites("aql/functions/array.md#interleave (aqlArrayInterleave_1, _2)"),
        Q("structure.interleave-non-array", "RETURN INTERLEAVE([1], 2)", "[null]").Warns(1542).Cites("aql/functions/array.md#interleave"),
        Q("structure.interleave-arguments", "RETURN INTERLEAVE([1])", "!1541").Cites("aql/functions/array.md#interleave"),
        Q("structure.keep-recursive-foo", NestedDoc + "RETURN KEEP_RECURSIVE(doc, \"foo\")", """[{"foo":{}}]""")
            .Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_1)"),
        Q("structure.keep-recursive-bar", NestedDoc + "RETURN KEEP_RECURSIVE(doc, \"bar\")", "[{}]").Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_2)"),
        Q("structure.keep-recursive-baz", NestedDoc + "RETURN KEEP_RECURSIVE(doc, \"baz\")", """[{"baz":4}]""")
            .Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_3)"),
        Q("structure.keep-recursive-two", NestedDoc + "RETURN [KEEP_RECURSIVE(doc, \"foo\", \"bar\"), KEEP_RECURSIVE(doc, \"foo\", \"baz\")]",
            """[[{"foo":{"bar":{"foo":1}}},{"baz":4,"foo":{"baz":3}}]]""").Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_4, _5)"),
        Q("structure.keep-recursive-all", NestedDoc + "RETURN KEEP_RECURSIVE(doc, \"foo\", \"bar\", \"baz\")",
            """[{"baz":4,"foo":{"bar":{"baz":2,"foo":1},"baz":3}}]""").Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_6)"),
        Q("structure.keep-recursive-array", NestedDoc + "RETURN KEEP_RECURSIVE(doc, [\"foo\", \"baz\"])", """[{"baz":4,"foo":{"baz":3}}]""")
            .Cites(DocumentPage + "#keep_recursive (aqlKeepRecursive_7)"),
        Q("structure.keep-recursive-non-object", "RETURN KEEP_RECURSIVE('x', 'a')", "[null]").Warns(1542).Cites(DocumentPage + "#keep_recursive"),
        Q("structure.unset-recursive-doc", NestedDoc + "RETURN [UNSET_RECURSIVE(doc, \"bar\"), UNSET_RECURSIVE(doc, \"baz\"), UNSET_RECURSIVE(doc, \"foo\", \"baz\")]",
            """[[{"baz":4,"foo":{"baz":3}},{"foo":{"bar":{"foo":1}}},{}]]""").Cites(DocumentPage + "#unset_recursive (aqlUnsetRecursive_2, _3, _5)"),
        Q("structure.value", "LET obj = { foo: { bar: \"baz\" } } RETURN VALUE(obj, [\"foo\", \"bar\"])", """["baz"]""")
            .Cites(DocumentPage + "#value (aqlValue_1)"),
        Q("structure.value-array-step", "LET obj = { foo: [ { bar: \"baz\" }, { bar: { inner: true } } ] } RETURN VALUE(obj, [\"foo\", 1, \"bar\"])",
            """[{"inner":true}]""").Cites(DocumentPage + "#value (aqlValue_2)"),
        Q("structure.value-missing", "RETURN [VALUE({a: 1}, []), VALUE({a: 1}, ['b']), VALUE({a: [1]}, ['a', 3]), VALUE({a: 1}, ['a', 'b'])]", "[[null,null,null,null]]")
            .Cites(DocumentPage + "#value"),
        Q("structure.value-invalid", "RETURN [VALUE(1, ['a']), VALUE({a: 1}, 'a')]", "[[null,null]]").Warns(1542).Cites(DocumentPage + "#value"),
        Q("structure.keys", "RETURN KEYS({ b: 1, a: 2, _c: 3 }, true)", """[["a","b"]]""").Cites(DocumentPage + "#keys"),
        Q("structure.min-match", "LET members = [ { name: \"Carol\", age: 41, active: true }, { name: \"Doug\", age: 56, active: true } ] " +
            "FOR doc IN members FILTER MIN_MATCH(LENGTH(doc.name) == 5, doc.age >= 50, doc.active, 2) RETURN doc.name",
            """["Carol","Doug"]""").Cites(MiscPage + "#min_match"),
        Q("structure.min-match-edges", "RETURN [MIN_MATCH(false, false, 1), MIN_MATCH(true, 0), MIN_MATCH(true, -1)]", "[[false,true,false]]")
            .Cites(MiscPage + "#min_match"),
        Q("structure.min-match-invalid", "RETURN MIN_MATCH(true, 'x')", "[null]").Warns(1542).Cites(MiscPage + "#min_match"),
        Q("structure.noeval", "RETURN [NOEVAL(123), NOEVAL(CONCAT('a', 'b'))]", """[[123,"ab"]]""").Cites(MiscPage + "#noopt--noeval"),
    ];
}
