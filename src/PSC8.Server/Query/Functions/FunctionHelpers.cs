namespace PSC8.Server.Query.Functions;

/// <summary>Argument access and the warnings functions raise when they return null for bad input.</summary>
internal static class FunctionHelpers
{
    public static C8Value Arg(ReadOnlySpan<C8Value> arguments, int index) =>
        index < arguments.Length ? arguments[index] : C8Value.Null;

    public static bool BoolArg(ReadOnlySpan<C8Value> arguments, int index, bool defaultValue = false) =>
        index < arguments.Length ? C8Conversions.ToBool(arguments[index]) : defaultValue;

    /// <summary>Warning 1542 "invalid argument type in call to function 'X()'", then null.</summary>
    public static C8Value InvalidArgument(QueryContext context, string function)
    {
        context.Warn(QueryErrors.FunctionArgumentTypeMismatch, QueryErrors.InvalidArgumentMessage(function));
        return C8Value.Null;
    }

    /// <summary>A warning "in function 'X()': …" with one of the query error numbers, then null.</summary>
    public static C8Value Warning(QueryContext context, string function, int code)
    {
        context.Warn(code, $"in function '{function}()': {Describe(code)}");
        return C8Value.Null;
    }

    private static string Describe(int code) => code switch
    {
        QueryErrors.ArrayExpected => "array expected",
        QueryErrors.InvalidDateValue => "invalid date value",
        QueryErrors.InvalidRegex => "invalid regex value",
        QueryErrors.InvalidArithmeticValue => "invalid arithmetic value",
        C8Errors.QueryDivisionByZero => "division by zero",
        _ => "invalid argument",
    };

    /// <summary>A number from 0 to 2^32 - 1 (bit operands, IPv4 addresses), its fraction cut off.</summary>
    public static bool TryUInt32(C8Value argument, out uint value)
    {
        value = 0;
        if (!argument.IsNumber || !(argument.AsNumber >= 0) || argument.AsNumber >= uint.MaxValue + 1.0)
        {
            return false;
        }
        value = (uint)argument.AsNumber;
        return true;
    }

    /// <summary>Wraps a list the caller owns and no longer changes.</summary>
    public static C8Value ArrayOf(List<C8Value> items) => items.Count == 0 ? C8Value.EmptyArray : C8Value.From(items);
}
