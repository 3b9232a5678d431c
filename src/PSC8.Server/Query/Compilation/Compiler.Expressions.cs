using System.Runtime.CompilerServices;
using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query.Compilation;

/// <summary>Expressions: each AST node becomes a closure over the execution context.</summary>
internal sealed partial class Compiler
{
    /// <summary>Deeper expressions are rejected, so that compiling and evaluating them cannot exhaust the stack.</summary>
    private const int MaxExpressionDepth = 600;

    /// <summary>Constant IN lists at least this long are turned into hash sets.</summary>
    private const int HashedInListThreshold = 8;

    /// <summary>Constant ranges up to this length are built at compile time.</summary>
    private const int FoldedRangeLimit = 1000;

    private static readonly QueryOptions FoldingOptions = new() { MaxWarningCount = 0 };

    private int _expressionDepth;

    private BoundExpr Compile(Expr expr)
    {
        if (++_expressionDepth > MaxExpressionDepth)
        {
            throw QueryErrors.Syntax("expression is too deeply nested");
        }
        RuntimeHelpers.EnsureSufficientExecutionStack();
        try
        {
            return CompileNode(expr);
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private BoundExpr CompileNode(Expr expr) => expr switch
    {
        LiteralExpr literal => BoundExpr.Constant(literal.Value),
        // Validating without values: a parameter is unknown, not null, so checks on constants (LIMIT bounds) wait for the run.
        BindParameterExpr parameter => _validateOnly
            ? BoundExpr.Dynamic(_ => C8Value.Null, -1, deterministic: true)
            : BoundExpr.Constant(_bindVariables[parameter.Name]),
        NameExpr name => CompileName(name),
        CollectionParameterExpr parameter => throw QueryErrors.CollectionAsOperand(BoundCollectionName("@" + parameter.Name) ?? "@" + parameter.Name),
        AttributeExpr attribute => CompileAttribute(Compile(attribute.Subject), attribute.Name),
        BoundAttributeExpr bound => CompileBoundAttribute(bound),
        IndexExpr index => CompileIndex(index),
        UnaryExpr unary => CompileUnary(unary),
        BinaryExpr binary => CompileBinary(binary),
        ArrayComparisonExpr comparison => CompileArrayComparison(comparison),
        TernaryExpr ternary => CompileTernary(ternary),
        RangeExpr range => CompileRange(range),
        FunctionCallExpr call => CompileCall(call),
        ArrayExpr array => CompileArray(array),
        ObjectExpr obj => CompileObject(obj),
        SubqueryExpr subquery => CompileSubquery(subquery),
        ExpansionExpr expansion => CompileExpansion(expansion),
        QuestionMarkExpr question => CompileQuestionMark(question),
        ExpansionItemExpr item => CompileExpansionItem(_expansions.Last(f => f.Id == item.Id)),
        PassthruExpr passthru => Compile(passthru.Inner),
        _ => throw new InvalidOperationException($"Unexpected expression {expr.GetType().Name}."),
    };

    /// <summary>Evaluates a deterministic expression over constants now; leaves it alone if that warns or fails.</summary>
    private BoundExpr Fold(BoundExpr expression, IReadOnlyList<BoundExpr> parts)
    {
        if (!expression.Deterministic || !BoundExpr.AllConstant(parts))
        {
            return expression;
        }
        var context = new QueryContext(null, FoldingOptions, CancellationToken.None,
            new QueryLayout(_nextSlot, _nextArgumentSite, _nextCacheSlot));
        try
        {
            var value = expression.Evaluate(context);
            return context.WarningsRaised == 0 ? BoundExpr.Constant(value) : expression;
        }
        catch (C8Exception)
        {
            return expression;
        }
    }

    private bool IsCurrentReference(string name) => _expansions.Count > 0 && name is "CURRENT" or "$CURRENT";

    private BoundExpr CompileName(NameExpr name)
    {
        var variable = Resolve(name.Name);
        if (variable is not null)
        {
            return BoundExpr.SlotRead(variable.Slot, variable.LoopDepth);
        }
        if (IsCurrentReference(name.Name))
        {
            return CompileExpansionItem(_expansions[^1]);
        }
        if (name.MustBeVariable)
        {
            throw QueryErrors.UnknownVariable($"use of unknown variable '{name.Name}' in object literal");
        }
        throw QueryErrors.CollectionAsOperand(name.Name);
    }

    /// <summary>The element of an expansion; it only varies inside the expansion, so it adds no outside dependency.</summary>
    private BoundExpr CompileExpansionItem(ExpansionFrame frame)
    {
        NoteOuterRead(frame.Scope, frame.Item.LoopDepth);
        var slot = frame.Item.Slot;
        return BoundExpr.Dynamic(context => context.Slots[slot], -1, true);
    }

    private BoundExpr CompileAttribute(BoundExpr subject, string name)
    {
        if (subject.IsConstant)
        {
            return BoundExpr.Constant(subject.Value[name]);
        }
        if (subject.Slot >= 0)
        {
            var slot = subject.Slot;
            return BoundExpr.From(context => context.Slots[slot][name], [subject]);
        }
        var evaluate = subject.Evaluate;
        return BoundExpr.From(context => evaluate(context)[name], [subject]);
    }

    /// <summary><c>x.@param</c>: a string parameter names one attribute, an array of strings a path.</summary>
    private BoundExpr CompileBoundAttribute(BoundAttributeExpr bound)
    {
        var result = Compile(bound.Subject);
        if (_validateOnly)
        {
            return result;
        }
        var value = _bindVariables[bound.Parameter];
        if (value.TryGetString(out var name))
        {
            return CompileAttribute(result, name);
        }
        if (!value.IsArray || value.AsArray.Count == 0)
        {
            throw QueryErrors.BindParameterType(bound.Parameter);
        }
        foreach (var part in value.AsArray)
        {
            if (!part.TryGetString(out var step))
            {
                throw QueryErrors.BindParameterType(bound.Parameter);
            }
            result = CompileAttribute(result, step);
        }
        return result;
    }

    private BoundExpr CompileIndex(IndexExpr index)
    {
        var subject = Compile(index.Subject);
        var position = Compile(index.Index);
        if (position.IsConstant && position.Value.TryGetString(out var name))
        {
            return CompileAttribute(subject, name);
        }
        var evaluateSubject = subject.Evaluate;
        var evaluatePosition = position.Evaluate;
        return Fold(BoundExpr.From(context => C8Operators.Index(evaluateSubject(context), evaluatePosition(context)), [subject, position]),
            [subject, position]);
    }

    private BoundExpr CompileUnary(UnaryExpr unary)
    {
        var operand = Compile(unary.Operand);
        var evaluate = operand.Evaluate;
        Evaluator result = unary.Operator switch
        {
            UnaryOperator.Not => context => C8Value.From(!C8Conversions.ToBool(evaluate(context))),
            UnaryOperator.Minus => context => C8Operators.Negate(evaluate(context)),
            _ => context => C8Operators.Plus(evaluate(context)),
        };
        return Fold(BoundExpr.From(result, [operand]), [operand]);
    }

    private BoundExpr CompileBinary(BinaryExpr binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        var l = left.Evaluate;
        var r = right.Evaluate;
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                if (left.IsConstant)
                {
                    return C8Conversions.ToBool(left.Value) ? right : left;
                }
                return BoundExpr.From(context =>
                {
                    var value = l(context);
                    return C8Conversions.ToBool(value) ? r(context) : value;
                }, [left, right]);
            case BinaryOperator.Or:
                if (left.IsConstant)
                {
                    return C8Conversions.ToBool(left.Value) ? left : right;
                }
                return BoundExpr.From(context =>
                {
                    var value = l(context);
                    return C8Conversions.ToBool(value) ? value : r(context);
                }, [left, right]);
            case BinaryOperator.In:
            case BinaryOperator.NotIn:
                return Fold(CompileIn(left, right, binary.Operator == BinaryOperator.NotIn), [left, right]);
        }
        Evaluator evaluate = binary.Operator switch
        {
            BinaryOperator.Add => context => C8Operators.Add(l(context), r(context)),
            BinaryOperator.Subtract => context => C8Operators.Subtract(l(context), r(context)),
            BinaryOperator.Multiply => context => C8Operators.Multiply(l(context), r(context)),
            BinaryOperator.Divide => context => WarnOnZero(context, C8Operators.Divide(l(context), r(context), out var zero), zero),
            BinaryOperator.Modulo => context => WarnOnZero(context, C8Operators.Modulo(l(context), r(context), out var zero), zero),
            _ => CompileComparison(binary.Operator, left, right),
        };
        return Fold(BoundExpr.From(evaluate, [left, right]), [left, right]);
    }

    private static C8Value WarnOnZero(QueryContext context, C8Value result, bool divisionByZero)
    {
        if (divisionByZero)
        {
            context.Warn(C8Errors.QueryDivisionByZero, "division by zero");
        }
        return result;
    }

    /// <summary>Comparisons, with fast paths for numbers and for a constant right operand.</summary>
    private static Evaluator CompileComparison(BinaryOperator op, BoundExpr left, BoundExpr right)
    {
        var test = ComparisonTest(op);
        var l = left.Evaluate;
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            var expected = op == BinaryOperator.Equal;
            if (right.IsConstant)
            {
                var constant = right.Value;
                return context => C8Value.From(C8ValueEquality.AreEqual(l(context), constant) == expected);
            }
            var r = right.Evaluate;
            return context => C8Value.From(C8ValueEquality.AreEqual(l(context), r(context)) == expected);
        }
        if (right.IsConstant)
        {
            var constant = right.Value;
            if (constant.IsNumber)
            {
                return context =>
                {
                    var a = l(context);
                    return C8Value.From(test(a.IsNumber ? C8ValueComparer.CompareNumbers(a, constant) : C8ValueComparer.Compare(a, constant)));
                };
            }
            return context => C8Value.From(test(C8ValueComparer.Compare(l(context), constant)));
        }
        var evaluateRight = right.Evaluate;
        return context => C8Value.From(test(C8ValueComparer.Compare(l(context), evaluateRight(context))));
    }

    private static Func<int, bool> ComparisonTest(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => c => c == 0,
        BinaryOperator.NotEqual => c => c != 0,
        BinaryOperator.Less => c => c < 0,
        BinaryOperator.LessOrEqual => c => c <= 0,
        BinaryOperator.Greater => c => c > 0,
        _ => c => c >= 0,
    };

    private static BoundExpr CompileIn(BoundExpr left, BoundExpr right, bool negated)
    {
        var l = left.Evaluate;
        if (right.IsConstant && right.Value.IsArray && right.Value.AsArray.Count >= HashedInListThreshold)
        {
            var set = new HashSet<C8Value>(right.Value.AsArray, C8ValueEquality.Instance);
            return BoundExpr.From(context => C8Value.From(set.Contains(l(context)) != negated), [left, right]);
        }
        var r = right.Evaluate;
        return BoundExpr.From(context => C8Value.From(C8Operators.In(l(context), r(context)) != negated), [left, right]);
    }

    private BoundExpr CompileArrayComparison(ArrayComparisonExpr comparison)
    {
        var left = Compile(comparison.Left);
        var right = Compile(comparison.Right);
        var (quantity, quantityParts) = CompileQuantity(comparison.Quantity);
        var l = left.Evaluate;
        var r = right.Evaluate;
        Func<C8Value, C8Value, bool> matches = comparison.Operator switch
        {
            BinaryOperator.In => C8Operators.In,
            BinaryOperator.NotIn => (item, list) => !C8Operators.In(item, list),
            BinaryOperator.Equal => C8ValueEquality.AreEqual,
            BinaryOperator.NotEqual => (a, b) => !C8ValueEquality.AreEqual(a, b),
            var op => (a, b) => ComparisonTest(op)(C8ValueComparer.Compare(a, b)),
        };
        Evaluator evaluate = context =>
        {
            var items = l(context);
            if (!items.IsArray)
            {
                return C8Value.False;
            }
            var target = r(context);
            var matched = 0;
            foreach (var item in items.AsArray)
            {
                if (matches(item, target))
                {
                    matched++;
                }
            }
            return C8Value.From(quantity(context, matched, items.AsArray.Count));
        };
        List<BoundExpr> parts = [left, right, .. quantityParts];
        return Fold(BoundExpr.From(evaluate, parts), parts);
    }

    /// <summary>Whether <c>matched</c> of <c>total</c> elements satisfy a quantity (ALL, ANY, NONE, AT LEAST, exactly, between).</summary>
    private delegate bool QuantityTest(QueryContext context, long matched, long total);

    private (QuantityTest Test, IReadOnlyList<BoundExpr> Parts) CompileQuantity(QuantityExpr quantity)
    {
        var count = quantity.Count is null ? null : Compile(quantity.Count);
        var maximum = quantity.Maximum is null ? null : Compile(quantity.Maximum);
        var low = count?.Evaluate;
        var high = maximum?.Evaluate;
        QuantityTest test = quantity.Quantifier switch
        {
            Quantifier.All => (_, matched, total) => matched == total,
            Quantifier.Any => (_, matched, _) => matched > 0,
            Quantifier.None => (_, matched, _) => matched == 0,
            Quantifier.AtLeast => (context, matched, _) => matched >= C8Conversions.ToInteger(low!(context)),
            Quantifier.Exactly => (context, matched, _) => matched == C8Conversions.ToInteger(low!(context)),
            _ => (context, matched, _) => matched >= C8Conversions.ToInteger(low!(context)) && matched <= C8Conversions.ToInteger(high!(context)),
        };
        return (test, new[] { count, maximum }.OfType<BoundExpr>().ToList());
    }

    /// <summary><c>source[? quantity FILTER condition]</c>: counts the elements passing the condition, CURRENT bound to each.</summary>
    private BoundExpr CompileQuestionMark(QuestionMarkExpr question)
    {
        var source = Compile(question.Source);
        var (quantity, quantityParts) = CompileQuantity(question.Quantity);
        var item = NewVariable("CURRENT", _scope.Depth + 1, userDefined: false);
        _expansions.Add(new ExpansionFrame(question.Id, item, _scope));
        BoundExpr? filter;
        try
        {
            filter = question.Filter is null ? null : Compile(question.Filter);
        }
        finally
        {
            _expansions.RemoveAt(_expansions.Count - 1);
        }
        var evaluateSource = source.Evaluate;
        var condition = filter?.Evaluate;
        var slot = item.Slot;
        Evaluator evaluate = context =>
        {
            var value = evaluateSource(context);
            if (!value.IsArray)
            {
                return C8Value.False;
            }
            var matched = 0;
            foreach (var element in value.AsArray)
            {
                context.Slots[slot] = element;
                if (condition is null || C8Conversions.ToBool(condition(context)))
                {
                    matched++;
                }
            }
            return C8Value.From(quantity(context, matched, value.AsArray.Count));
        };
        List<BoundExpr> parts = [source, .. quantityParts, .. filter is null ? Array.Empty<BoundExpr>() : [filter]];
        return Fold(BoundExpr.From(evaluate, parts), parts);
    }

    private BoundExpr CompileTernary(TernaryExpr ternary)
    {
        var condition = Compile(ternary.Condition);
        var whenTrue = ternary.WhenTrue is null ? null : Compile(ternary.WhenTrue);
        var whenFalse = Compile(ternary.WhenFalse);
        if (condition.IsConstant)
        {
            return C8Conversions.ToBool(condition.Value) ? whenTrue ?? condition : whenFalse;
        }
        var c = condition.Evaluate;
        var f = whenFalse.Evaluate;
        if (whenTrue is null)
        {
            return BoundExpr.From(context =>
            {
                var value = c(context);
                return C8Conversions.ToBool(value) ? value : f(context);
            }, [condition, whenFalse]);
        }
        var t = whenTrue.Evaluate;
        return BoundExpr.From(context => C8Conversions.ToBool(c(context)) ? t(context) : f(context), [condition, whenTrue, whenFalse]);
    }

    private BoundExpr CompileRange(RangeExpr range)
    {
        var from = Compile(range.From);
        var to = Compile(range.To);
        var f = from.Evaluate;
        var t = to.Evaluate;
        var result = BoundExpr.From(context => Ranges.Materialize(C8Conversions.ToInteger(f(context)), C8Conversions.ToInteger(t(context))), [from, to]);
        var small = from.IsConstant && to.IsConstant
            && Math.Abs(C8Conversions.ToNumber(to.Value) - C8Conversions.ToNumber(from.Value)) <= FoldedRangeLimit;
        return small ? Fold(result, [from, to]) : result;
    }

    private BoundExpr CompileArray(ArrayExpr array)
    {
        var items = array.Items.Select(Compile).ToList();
        if (BoundExpr.AllConstant(items))
        {
            return BoundExpr.Constant(items.Count == 0 ? C8Value.EmptyArray : C8Value.From(items.Select(i => i.Value).ToArray()));
        }
        var evaluators = items.Select(i => i.Evaluate).ToArray();
        return BoundExpr.From(context =>
        {
            var values = new C8Value[evaluators.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = evaluators[i](context);
            }
            return C8Value.From(values);
        }, items);
    }

    private BoundExpr CompileObject(ObjectExpr obj)
    {
        var parts = new List<BoundExpr>();
        var names = new List<string?>();
        var keys = new List<Evaluator?>();
        var values = new List<Evaluator>();
        foreach (var member in obj.Members)
        {
            switch (member.KeyKind)
            {
                case ObjectKeyKind.Name:
                    names.Add(member.Name);
                    keys.Add(null);
                    break;
                case ObjectKeyKind.Parameter:
                    names.Add(ParameterKey(member.Name));
                    keys.Add(null);
                    break;
                default:
                    var key = Compile(member.KeyExpression!);
                    parts.Add(key);
                    names.Add(key.IsConstant ? C8Conversions.ToStringValue(key.Value) : null);
                    keys.Add(key.Evaluate);
                    break;
            }
            var value = Compile(member.Value);
            parts.Add(value);
            values.Add(value.Evaluate);
        }
        var staticNames = names.ToArray();
        var keyEvaluators = keys.ToArray();
        var valueEvaluators = values.ToArray();
        Evaluator evaluate = context =>
        {
            var builder = new C8Object.Builder(valueEvaluators.Length);
            for (var i = 0; i < valueEvaluators.Length; i++)
            {
                var name = staticNames[i] ?? C8Conversions.ToStringValue(keyEvaluators[i]!(context));
                builder.Set(name, valueEvaluators[i](context));
            }
            return C8Value.From(builder.Build());
        };
        return Fold(BoundExpr.From(evaluate, parts), parts);
    }

    /// <summary>The name a <c>{ @param: … }</c> member takes; the parameter must hold a string.</summary>
    private string ParameterKey(string parameter)
    {
        if (_validateOnly)
        {
            return "@" + parameter;
        }
        return _bindVariables[parameter].TryGetString(out var name) ? name : throw QueryErrors.BindParameterType(parameter);
    }

    private BoundExpr CompileSubquery(SubqueryExpr subquery)
    {
        var outer = _scope;
        var inner = new QueryScope(outer, outer.Depth);
        _scope = inner;
        Pipeline pipeline;
        try
        {
            pipeline = CompileQuery(subquery.Query, topLevel: false);
        }
        finally
        {
            _scope = outer;
        }
        outer.Volatile |= inner.Volatile;
        outer.Reads.UnionWith(inner.Reads);
        var cache = new SubqueryCache(_nextCacheSlot++);
        _subqueries.Add((cache, inner));
        var slot = cache.Slot;
        Evaluator evaluate = context =>
        {
            if (!cache.Memoize)
            {
                return pipeline.Collect(context);
            }
            if (context.GetCache(slot) is C8Value cached)
            {
                return cached;
            }
            var value = pipeline.Collect(context);
            context.SetCache(slot, value);
            return value;
        };
        return BoundExpr.Dynamic(evaluate, inner.OuterDepth, !inner.Volatile);
    }

    private BoundExpr CompileExpansion(ExpansionExpr expansion)
    {
        var source = Compile(expansion.Source);
        var item = NewVariable("CURRENT", _scope.Depth + 1, userDefined: false);
        _expansions.Add(new ExpansionFrame(expansion.Id, item, _scope));
        BoundExpr? filter, offset, count, returned, projection;
        try
        {
            filter = expansion.Filter is null ? null : Compile(expansion.Filter);
            offset = expansion.LimitOffset is null ? null : Compile(expansion.LimitOffset);
            count = expansion.LimitCount is null ? null : Compile(expansion.LimitCount);
            returned = expansion.Return is null ? null : Compile(expansion.Return);
            projection = expansion.Projection is ExpansionItemExpr { } own && own.Id == expansion.Id ? null : Compile(expansion.Projection);
        }
        finally
        {
            _expansions.RemoveAt(_expansions.Count - 1);
        }
        var parts = new[] { source, filter, offset, count, returned, projection }.OfType<BoundExpr>().ToList();
        var evaluator = new ExpansionEvaluator(expansion.Levels, item.Slot, source.Evaluate, filter?.Evaluate, offset?.Evaluate,
            count?.Evaluate, returned?.Evaluate, projection?.Evaluate);
        return Fold(BoundExpr.From(evaluator.Evaluate, parts), parts);
    }

    private BoundExpr CompileCall(FunctionCallExpr call)
    {
        var definition = FunctionRegistry.Find(call.Name)!;
        var arguments = new List<BoundExpr>(call.Arguments.Count);
        var readsByValue = (definition.Traits & FunctionTraits.ReadsCollectionByValue) != 0;
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (i == 0 && (definition.Traits & FunctionTraits.CollectionArgument) != 0 && IsCollectionArgument(call.Arguments[0], out var collection))
            {
                // A bare collection name confines the call to that collection, which is now known.
                readsByValue = false;
                RecordRead(collection);
                if (call.Name is "LENGTH" or "COUNT")
                {
                    return CountOf(collection);
                }
                arguments.Add(BoundExpr.Constant(collection is null ? C8Value.Null : C8Value.From(collection)));
                continue;
            }
            arguments.Add(Compile(call.Arguments[i]));
        }
        if (!definition.IsFoldable)
        {
            _scope.Volatile = true;
        }
        _readsCollectionsByValue |= readsByValue;
        var body = definition.Body;
        var evaluators = arguments.Select(a => a.Evaluate).ToArray();
        Evaluator evaluate;
        switch (evaluators.Length)
        {
            case 0:
                evaluate = context => body(context, ReadOnlySpan<C8Value>.Empty);
                break;
            case 1:
                var single = evaluators[0];
                evaluate = context =>
                {
                    var argument = single(context);
                    return body(context, new ReadOnlySpan<C8Value>(in argument));
                };
                break;
            default:
                var site = _nextArgumentSite++;
                evaluate = context =>
                {
                    var buffer = context.ArgumentBuffer(site, evaluators.Length);
                    for (var i = 0; i < evaluators.Length; i++)
                    {
                        buffer[i] = evaluators[i](context);
                    }
                    return body(context, buffer);
                };
                break;
        }
        return Fold(BoundExpr.From(evaluate, arguments, definition.IsFoldable), arguments);
    }

    /// <summary>A bare collection name or @@parameter passed where a function accepts a collection.</summary>
    private bool IsCollectionArgument(Expr argument, out string? collection)
    {
        collection = null;
        switch (argument)
        {
            case NameExpr name when Resolve(name.Name) is null && !IsCurrentReference(name.Name):
                collection = name.Name;
                return true;
            case CollectionParameterExpr parameter:
                collection = BoundCollectionName("@" + parameter.Name);
                return true;
            default:
                return false;
        }
    }

    /// <summary>LENGTH(collection): the store's count, without reading documents.</summary>
    private static BoundExpr CountOf(string? collection) =>
        BoundExpr.Dynamic(context => C8Value.From(context.Store.Count(collection ?? string.Empty)), -1, deterministic: false);
}

/// <summary>Holds whether a subquery's result may be computed once per execution (decided after compiling).</summary>
internal sealed class SubqueryCache(int slot)
{
    public int Slot { get; } = slot;

    public bool Memoize { get; set; }
}
