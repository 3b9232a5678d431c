using static PSC8.Server.Query.Functions.FunctionHelpers;

namespace PSC8.Server.Query.Functions;

/// <summary>Control flow (NOT_NULL, FIRST_LIST, FIRST_DOCUMENT), dynamic calls, assertions and internals.</summary>
internal static class MiscFunctions
{
    private const string ServerVersion = "3.5.5";

    /// <summary>CALL and APPLY may call any function, DOCUMENT on some collection included.</summary>
    private const FunctionTraits CallsByName = FunctionTraits.NeedsStore | FunctionTraits.NonDeterministic | FunctionTraits.ReadsCollectionByValue;

    public static void Register(FunctionTable table)
    {
        table.Add("NOT_NULL", 1, FunctionRegistry.Unbounded, (_, a) => FirstOf(a, v => !v.IsNull));
        table.Add("FIRST_LIST", 1, FunctionRegistry.Unbounded, (_, a) => FirstOf(a, v => v.IsArray));
        table.Add("FIRST_DOCUMENT", 1, FunctionRegistry.Unbounded, (_, a) => FirstOf(a, v => v.IsObject));
        table.Add("PASSTHRU", 1, 1, (_, a) => a[0]);
        // V8 only chose ArangoDB's JavaScript engine for its argument; C8QL has one engine.
        table.Alias("V8", "PASSTHRU");
        table.Add("NOOPT", 1, 1, (_, a) => a[0], FunctionTraits.NonDeterministic);
        // NOEVAL is deterministic in C8QL but, like NOOPT, is never computed at compile time.
        table.Alias("NOEVAL", "NOOPT");
        table.Add("MIN_MATCH", 2, FunctionRegistry.Unbounded, MinMatch);
        table.Add("CHECK_DOCUMENT", 1, 1, (_, a) => C8Value.From(a[0].IsObject));
        table.Add("VERSION", 0, 0, (_, _) => C8Value.From(ServerVersion));
        table.Add("IN_RANGE", 5, 5, InRange);
        table.Add("FAIL", 0, 1, Fail, FunctionTraits.NonDeterministic);
        table.Add("ASSERT", 2, 2, (c, a) => Check(c, a, "ASSERT", fail: true), FunctionTraits.NonDeterministic);
        table.Add("WARN", 2, 2, (c, a) => Check(c, a, "WARN", fail: false), FunctionTraits.NonDeterministic);
        table.Add("SLEEP", 1, 1, Sleep, FunctionTraits.NonDeterministic);
        table.Add("CALL", 1, FunctionRegistry.Unbounded, (c, a) => Invoke(c, "CALL", a[0], a[1..]), CallsByName);
        table.Add("APPLY", 1, 2, Apply, CallsByName);
    }

    private static C8Value FirstOf(ReadOnlySpan<C8Value> arguments, Func<C8Value, bool> accept)
    {
        foreach (var argument in arguments)
        {
            if (accept(argument))
            {
                return argument;
            }
        }
        return C8Value.Null;
    }

    /// <summary>MIN_MATCH(condition1, … conditionN, count): whether at least count of the conditions hold.</summary>
    private static C8Value MinMatch(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[^1].IsNumber)
        {
            return InvalidArgument(context, "MIN_MATCH");
        }
        // C8QL counts down and stops at zero, so a negative count is never met.
        var remaining = C8Conversions.ToInteger(arguments[^1]);
        foreach (var condition in arguments[..^1])
        {
            if (remaining <= 0)
            {
                break;
            }
            remaining -= C8Conversions.ToBool(condition) ? 1 : 0;
        }
        return C8Value.From(remaining == 0);
    }

    private static C8Value InRange(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[3].IsBool || !arguments[4].IsBool)
        {
            return InvalidArgument(context, "IN_RANGE");
        }
        var lower = C8ValueComparer.Compare(arguments[1], arguments[0]);
        var upper = C8ValueComparer.Compare(arguments[0], arguments[2]);
        var aboveLower = arguments[3].AsBool ? lower <= 0 : lower < 0;
        var belowUpper = arguments[4].AsBool ? upper <= 0 : upper < 0;
        return C8Value.From(aboveLower && belowUpper);
    }

    private static C8Value Fail(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        var message = arguments.Length > 0 && arguments[0].TryGetString(out var text) ? text : "FAIL() called";
        throw new C8Exception(400, QueryErrors.FailCalled, message);
    }

    private static C8Value Check(QueryContext context, ReadOnlySpan<C8Value> arguments, string function, bool fail)
    {
        if (!arguments[1].TryGetString(out var message))
        {
            return InvalidArgument(context, function);
        }
        if (C8Conversions.ToBool(arguments[0]))
        {
            return C8Value.True;
        }
        if (fail)
        {
            throw new C8Exception(400, QueryErrors.UserAssert, message);
        }
        context.Warn(QueryErrors.UserWarn, message);
        return C8Value.False;
    }

    private static C8Value Sleep(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (!arguments[0].IsNumber || arguments[0].AsNumber < 0)
        {
            return InvalidArgument(context, "SLEEP");
        }
        // Queries run on threads of their own (Application/QueryThreads), never the thread pool's; the wait ends at
        // once when the query is killed or reaches its maxRuntime.
        var duration = TimeSpan.FromSeconds(Math.Min(arguments[0].AsNumber, int.MaxValue / 1000.0));
        context.Cancellation.WaitHandle.WaitOne(duration);
        context.ThrowIfCancelled();
        return C8Value.Null;
    }

    private static C8Value Apply(QueryContext context, ReadOnlySpan<C8Value> arguments)
    {
        if (arguments.Length < 2 || arguments[1].IsNull)
        {
            return Invoke(context, "APPLY", arguments[0], ReadOnlySpan<C8Value>.Empty);
        }
        if (!arguments[1].IsArray)
        {
            return InvalidArgument(context, "APPLY");
        }
        var parameters = arguments[1].AsArray.ToArray();
        return Invoke(context, "APPLY", arguments[0], parameters);
    }

    /// <summary>CALL / APPLY: a built-in function chosen at run time, with the usual argument count check.</summary>
    private static C8Value Invoke(QueryContext context, string caller, C8Value name, ReadOnlySpan<C8Value> parameters)
    {
        if (!name.TryGetString(out var functionName))
        {
            throw QueryErrors.InvalidArgument(caller);
        }
        var upper = functionName.ToUpperInvariant();
        var definition = FunctionRegistry.Find(upper);
        if (definition is null || upper is "CALL" or "APPLY")
        {
            throw QueryErrors.UnknownFunction(upper);
        }
        if (parameters.Length < definition.MinArguments || parameters.Length > definition.MaxArguments)
        {
            throw QueryErrors.ArgumentCount(upper, definition.MinArguments, definition.MaxArguments);
        }
        return definition.Body(context, parameters);
    }
}
