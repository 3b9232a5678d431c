using PSC8.Server.Model;

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

/// <summary><c>d.attribute OP value</c>, with the value known when the loop starts.</summary>
internal sealed record IndexCondition(IndexOperator Operator, C8Value Value);
