namespace PSC8.Server.Query.Sql;

/// <summary>A parsed SELECT of the supported subset; <see cref="Columns"/> is null for <c>SELECT *</c>.</summary>
internal sealed record SqlSelect(
    IReadOnlyList<SqlColumn>? Columns,
    string Collection,
    SqlExpression? Where,
    IReadOnlyList<SqlField> GroupBy,
    IReadOnlyList<SqlOrder> OrderBy,
    long? Limit,
    long Offset);

internal sealed record SqlColumn(SqlExpression Value, string Name);

internal sealed record SqlOrder(SqlField Field, bool Descending);

internal abstract record SqlExpression;

/// <summary>A document attribute, possibly nested (<c>address.city</c>).</summary>
internal sealed record SqlField(IReadOnlyList<string> Path) : SqlExpression
{
    public string Text => string.Join('.', Path);
}

internal sealed record SqlLiteral(C8Value Value) : SqlExpression;

internal sealed record SqlParameter(int Number) : SqlExpression;

internal sealed record SqlComparison(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record SqlLogical(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record SqlNot(SqlExpression Operand) : SqlExpression;

/// <summary>COUNT/SUM/AVG/MIN/MAX; <see cref="Argument"/> is null for <c>COUNT(*)</c>.</summary>
internal sealed record SqlAggregate(string Function, SqlField? Argument) : SqlExpression
{
    public string Text => $"{Function}({Argument?.Text ?? "*"})";
}
