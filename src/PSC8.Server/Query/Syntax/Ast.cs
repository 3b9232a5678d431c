namespace PSC8.Server.Query.Syntax;

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

internal abstract record Expr(SourcePosition Position);

internal sealed record LiteralExpr(C8Value Value, SourcePosition Position) : Expr(Position);

/// <summary>A value bind parameter <c>@name</c>.</summary>
internal sealed record BindParameterExpr(string Name, SourcePosition Position) : Expr(Position);

/// <summary>A collection bind parameter <c>@@name</c> used where a value is expected.</summary>
internal sealed record CollectionParameterExpr(string Name, SourcePosition Position) : Expr(Position);

/// <summary>A bare name: a variable if one is in scope, otherwise a collection.</summary>
internal sealed record NameExpr(string Name, SourcePosition Position) : Expr(Position)
{
    /// <summary>Set for the object shorthand <c>{ name }</c>, which must name a variable.</summary>
    public bool MustBeVariable { get; init; }
}

internal sealed record AttributeExpr(Expr Subject, string Name, SourcePosition Position) : Expr(Position);

/// <summary><c>subject.@param</c>: the parameter names the attribute, or an array of names a path.</summary>
internal sealed record BoundAttributeExpr(Expr Subject, string Parameter, SourcePosition Position) : Expr(Position);

internal sealed record IndexExpr(Expr Subject, Expr Index, SourcePosition Position) : Expr(Position);

internal enum UnaryOperator
{
    Not,
    Minus,
    Plus,
}

internal sealed record UnaryExpr(UnaryOperator Operator, Expr Operand, SourcePosition Position) : Expr(Position);

internal enum BinaryOperator
{
    And,
    Or,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
}

internal sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, SourcePosition Position) : Expr(Position);

internal enum Quantifier
{
    All,
    Any,
    None,

    /// <summary><c>AT LEAST (n)</c>: n or more elements.</summary>
    AtLeast,

    /// <summary>A number in <c>[? n …]</c>: exactly n elements.</summary>
    Exactly,

    /// <summary>A range in <c>[? a..b …]</c>: from a to b elements, both included.</summary>
    Between,
}

/// <summary>
/// How many of an array's elements a test must hold for: a quantifier with the number it needs (for AT LEAST, an
/// exact number, or the low end of a range) and the high end of a range.
/// </summary>
internal sealed record QuantityExpr(Quantifier Quantifier, Expr? Count, Expr? Maximum);

/// <summary><c>left ALL|ANY|NONE|AT LEAST (n) op right</c>: compares each element of the left array with the right value.</summary>
internal sealed record ArrayComparisonExpr(QuantityExpr Quantity, BinaryOperator Operator, Expr Left, Expr Right, SourcePosition Position)
    : Expr(Position);

/// <summary>
/// The question mark operator <c>source[? quantity FILTER condition]</c>: whether the quantity of elements (any,
/// when left out) passes the condition (every element, when left out). <see cref="Id"/> binds CURRENT in the filter.
/// </summary>
internal sealed record QuestionMarkExpr(int Id, Expr Source, QuantityExpr Quantity, Expr? Filter, SourcePosition Position) : Expr(Position);

/// <summary><c>c ? a : b</c>, or the short form <c>c ?: b</c> when <see cref="WhenTrue"/> is null.</summary>
internal sealed record TernaryExpr(Expr Condition, Expr? WhenTrue, Expr WhenFalse, SourcePosition Position) : Expr(Position);

internal sealed record RangeExpr(Expr From, Expr To, SourcePosition Position) : Expr(Position);

/// <summary>A call of a built-in function; <see cref="Name"/> is upper case.</summary>
internal sealed record FunctionCallExpr(string Name, IReadOnlyList<Expr> Arguments, SourcePosition Position) : Expr(Position);

internal sealed record ArrayExpr(IReadOnlyList<Expr> Items, SourcePosition Position) : Expr(Position);

internal enum ObjectKeyKind
{
    Name,
    Computed,
    Parameter,
}

/// <summary>
/// An object literal member: a plain name (<c>{ a: 1 }</c>, <c>{ "a": 1 }</c>, shorthand <c>{ a }</c>),
/// a computed name (<c>{ [expr]: 1 }</c>) or a bind parameter name (<c>{ @p: 1 }</c>).
/// </summary>
internal sealed record ObjectMember(ObjectKeyKind KeyKind, string Name, Expr? KeyExpression, Expr Value);

internal sealed record ObjectExpr(IReadOnlyList<ObjectMember> Members, SourcePosition Position) : Expr(Position);

internal sealed record SubqueryExpr(QueryNode Query, SourcePosition Position) : Expr(Position);

/// <summary>
/// <c>source[* FILTER … LIMIT … RETURN …]</c> and its flattening forms (<see cref="Levels"/> &gt; 1 for
/// <c>[**]</c>). <see cref="Projection"/> is applied to each element (written as
/// <see cref="ExpansionItemExpr"/> with the same <see cref="Id"/>); attribute and index accesses written
/// after the brackets extend it.
/// </summary>
internal sealed record ExpansionExpr(
    int Id,
    int Levels,
    Expr Source,
    Expr? Filter,
    Expr? LimitOffset,
    Expr? LimitCount,
    Expr? Return,
    Expr Projection,
    SourcePosition Position) : Expr(Position);

/// <summary>The element an expansion is currently looking at (CURRENT).</summary>
internal sealed record ExpansionItemExpr(int Id, SourcePosition Position) : Expr(Position);

/// <summary>A parenthesised expansion: later accesses apply to its result, not to each element.</summary>
internal sealed record PassthruExpr(Expr Inner, SourcePosition Position) : Expr(Position);

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/// <summary>A collection named in a write target or WITH clause: a literal name or an <c>@@param</c>.</summary>
internal sealed record CollectionRef(string Name, bool IsParameter, SourcePosition Position)
{
    /// <summary>A value parameter <c>@name</c> naming a collection (allowed in WITH).</summary>
    public bool IsValueParameter { get; init; }
}

internal abstract record Operation(SourcePosition Position);

internal sealed record ForOperation(string Variable, Expr Source, Expr? Options, SourcePosition Position) : Operation(Position);

internal sealed record LetOperation(string Variable, Expr Value, SourcePosition Position) : Operation(Position);

internal sealed record FilterOperation(Expr Condition, SourcePosition Position) : Operation(Position);

/// <summary>A sort key; <see cref="Direction"/> is null for ascending, or an expression (ASC/DESC literal, bind parameter).</summary>
internal sealed record SortKey(Expr Value, Expr? Direction);

internal sealed record SortOperation(IReadOnlyList<SortKey> Keys, SourcePosition Position) : Operation(Position);

internal sealed record LimitOperation(Expr? Offset, Expr Count, SourcePosition Position) : Operation(Position);

internal sealed record Assignment(string Variable, Expr Value, SourcePosition Position);

internal sealed record AggregateAssignment(string Variable, string Function, IReadOnlyList<Expr> Arguments, SourcePosition Position);

internal sealed record KeepVariable(string Name, SourcePosition Position);

internal sealed record CollectOperation(
    IReadOnlyList<Assignment> Groups,
    IReadOnlyList<AggregateAssignment> Aggregates,
    string? Into,
    Expr? IntoExpression,
    IReadOnlyList<KeepVariable> Keep,
    string? CountInto,
    Expr? Options,
    SourcePosition Position) : Operation(Position);

/// <summary>
/// WINDOW: aggregates over neighbouring rows for every row. Row-based with <see cref="RangeValue"/> null (the bounds
/// count rows), range-based otherwise (the bounds are offsets from each row's value, numbers or ISO durations).
/// </summary>
internal sealed record WindowOperation(Expr? RangeValue, Expr Bounds, IReadOnlyList<AggregateAssignment> Aggregates, SourcePosition Position)
    : Operation(Position);

internal sealed record ReturnOperation(Expr Value, bool Distinct, SourcePosition Position) : Operation(Position);

internal enum ModificationKind
{
    Insert,
    Update,
    Replace,
    Remove,
    Upsert,
}

/// <summary>
/// INSERT doc / UPDATE|REPLACE [key WITH] doc / REMOVE key / UPSERT search INSERT doc UPDATE|REPLACE doc,
/// into one collection. <see cref="Document"/> is the inserted document for UPSERT; <see cref="UpsertUpdate"/>
/// its update or replacement expression.
/// </summary>
internal sealed record ModificationOperation(
    ModificationKind Kind,
    Expr? Key,
    Expr? Document,
    Expr? UpsertSearch,
    Expr? UpsertUpdate,
    bool UpsertReplaces,
    CollectionRef Collection,
    Expr? Options,
    SourcePosition Position) : Operation(Position);

/// <summary>A query or subquery: statements ending with RETURN or a data modification.</summary>
internal sealed record QueryNode(IReadOnlyList<CollectionRef> With, IReadOnlyList<Operation> Operations, SourcePosition Position);

/// <summary>The cached result of parsing a query text, independent of bind parameter values.</summary>
internal sealed record ParsedQuery(
    string Text,
    QueryNode Root,
    IReadOnlyList<string> ValueParameters,
    IReadOnlyList<string> CollectionParameters);
