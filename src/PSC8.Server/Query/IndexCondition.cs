namespace PSC8.Server.Query;

/// <summary>How a FILTER conjunct compares an indexed attribute with a value.</summary>
internal enum IndexOperator
{
    Equal,
    In,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>d.attribute OP value</c> on the index's <paramref name="Field"/>-th attribute, with the value known when the loop starts.</summary>
internal sealed record IndexCondition(int Field, IndexOperator Operator, C8Value Value)
{
    /// <summary>
    /// Whether the condition is one index key that only equal values have (so the next attribute's keys come in
    /// order): an equality with anything but an array or an object, whose keys are their JSON text.
    /// </summary>
    public bool IsExactPoint => Operator == IndexOperator.Equal && !Value.IsArray && !Value.IsObject;
}
