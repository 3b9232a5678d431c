namespace PSC8.Server.Query;

/// <summary>
/// The C8QL error and warning numbers (ArangoDB's) that <see cref="C8Errors"/> does not define,
/// and factories for the query errors the engine raises.
/// </summary>
internal static class QueryErrors
{
    public const int NumberOutOfRange = 1504;
    public const int VariableNameInvalid = 1510;
    public const int VariableRedeclared = 1511;
    public const int VariableNameUnknown = 1512;
    public const int FunctionArgumentTypeMismatch = 1542;
    public const int InvalidRegex = 1543;
    public const int InvalidArithmeticValue = 1561;
    public const int ArrayExpected = 1563;
    public const int FailCalled = 1569;
    public const int InvalidDateValue = 1572;
    public const int InvalidAggregateExpression = 1574;
    public const int CompileTimeOptions = 1575;
    public const int CollectionUsedInExpression = 1577;
    public const int UserAssert = 1593;
    public const int UserWarn = 1594;
    public const int DocumentKeyMissing = 1226;

    /// <summary>OPTIONS { indexHint, forceIndexHint: true } named no index that can serve the loop.</summary>
    public const int ForcedIndexHintUnusable = 1577;

    public static C8Exception Syntax(string message) => new(400, C8Errors.QueryParse, message);

    public static C8Exception Empty() => new(400, C8Errors.QueryEmpty, "query is empty");

    public static C8Exception UnknownFunction(string name) =>
        new(400, C8Errors.QueryFunctionNameUnknown, $"usage of unknown function '{name}()'");

    public static C8Exception ArgumentCount(string name, int min, int max) =>
        new(400, C8Errors.QueryFunctionArgumentCount,
            $"invalid number of arguments for function '{name}()', expected number of arguments: minimum: {min}, maximum: {max}");

    public static C8Exception BindParameterMissing(string name) =>
        new(400, C8Errors.QueryBindParameterMissing, $"no value specified for declared bind parameter '{name}'");

    public static C8Exception BindParameterUndeclared(string name) =>
        new(400, C8Errors.QueryBindParameterUndeclared, $"bind parameter '{name}' was not declared in the query");

    public static C8Exception BindParameterType(string name) =>
        new(400, C8Errors.QueryBindParameterType, $"bind parameter '{name}' has an invalid value or type");

    public static C8Exception VariableInvalid(string name) =>
        new(400, VariableNameInvalid, $"variable name '{name}' has an invalid format");

    public static C8Exception Redeclared(string name) =>
        new(400, VariableRedeclared, $"variable '{name}' is assigned multiple times");

    public static C8Exception UnknownVariable(string message) => new(400, VariableNameUnknown, message);

    public static C8Exception MultiModify(string collection) =>
        new(400, C8Errors.QueryMultiModify, $"multi-modify query: collection '{collection}' is modified more than once");

    public static C8Exception AccessAfterModification(string collection) =>
        new(400, C8Errors.QueryAccessAfterModification, $"access after data-modification by collection '{collection}'");

    public static C8Exception CollectionAsOperand(string collection) =>
        new(400, CollectionUsedInExpression, $"collection '{collection}' used as expression operand");

    public static C8Exception ArrayExpectedInFor(C8Value value) =>
        new(400, ArrayExpected,
            $"collection or array expected as operand to FOR loop; you provided a value of type '{Values.C8Conversions.TypeName(value)}'");

    public static C8Exception OptionsNotConstant() =>
        new(400, CompileTimeOptions, "'OPTIONS' have to be known at query compile time");

    /// <summary>The query was killed, by DELETE /query/{id} or by reaching its maxRuntime (as ArangoDB does, 410/1500).</summary>
    public static C8Exception Killed() => new(410, C8Errors.QueryKilled, "C8QL: query killed (while executing)");

    /// <summary>ArangoDB's TRI_ERROR_RESOURCE_LIMIT, for a query that would hold more memory than its memoryLimit.</summary>
    public static C8Exception MemoryLimitExceeded(long limit) =>
        new(400, C8Errors.ResourceLimit, $"resource limit exceeded: query would use more memory than its memoryLimit of {limit} bytes");

    public static C8Exception NotSupported(string feature) =>
        new(400, C8Errors.NotImplemented, $"{feature} is not supported by C8 Local");

    public static C8Exception InvalidLimit() =>
        new(400, NumberOutOfRange, "LIMIT value is not a number or out of range");

    public static C8Exception InvalidArgument(string function) =>
        new(400, FunctionArgumentTypeMismatch, InvalidArgumentMessage(function));

    public static string InvalidArgumentMessage(string function) =>
        $"invalid argument type in call to function '{function}()'";
}
