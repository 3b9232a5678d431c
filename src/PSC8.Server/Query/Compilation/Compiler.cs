using PSC8.Server.Query.Syntax;

namespace PSC8.Server.Query.Compilation;

/// <summary>
/// Turns a parsed query plus bind parameter values into operators and expression closures: resolves
/// names to variable slots or collections, checks scoping rules (1510/1511/1512), collection access
/// order (1573/1579) and bind parameters (1551–1553), folds constants, and applies the primary-key
/// lookup optimisation to <c>FOR d IN c FILTER d._key == …</c>.
/// </summary>
internal sealed partial class Compiler
{
    private readonly C8Object _bindVariables;
    private readonly bool _validateOnly;
    private readonly List<string> _collections = new();
    private readonly List<string> _written = new();
    private readonly List<Variable> _variables = new();
    private readonly List<ExpansionFrame> _expansions = new();
    private readonly List<(SubqueryCache Cache, QueryScope Scope)> _subqueries = new();
    private QueryScope _scope = new(null, 0);
    private int _nextSlot;
    private int _nextArgumentSite;
    private int _nextCacheSlot;
    private bool _hasFullCountLimit;

    /// <summary>SORTs an index scan delivers the order of: they compile to nothing.</summary>
    private readonly HashSet<SortOperation> _servedSorts = new(ReferenceEqualityComparer.Instance);
    private bool _readsCollectionsByValue;

    private readonly Func<string, IReadOnlyList<IndexInfo>>? _indexes;

    private Compiler(C8Object bindVariables, bool validateOnly, Func<string, IReadOnlyList<IndexInfo>>? indexes = null)
    {
        _bindVariables = bindVariables;
        _validateOnly = validateOnly;
        _indexes = indexes;
    }

    /// <param name="indexes">The secondary indexes of a collection, by name, for the loops that can use one.</param>
    public static CompiledQuery Compile(ParsedQuery parsed, C8Object bindVariables, Func<string, IReadOnlyList<IndexInfo>>? indexes = null)
    {
        CheckBindParameters(parsed, bindVariables);
        return new Compiler(bindVariables, validateOnly: false, indexes).Run(parsed);
    }

    /// <summary>Checks names and scopes without bind parameter values (for parse-only requests).</summary>
    public static CompiledQuery Validate(ParsedQuery parsed) => new Compiler(C8Object.Empty, validateOnly: true).Run(parsed);

    private CompiledQuery Run(ParsedQuery parsed)
    {
        Pipeline root;
        try
        {
            root = CompileQuery(parsed.Root, topLevel: true);
        }
        catch (InsufficientExecutionStackException)
        {
            throw QueryErrors.Syntax("query is too deeply nested");
        }
        foreach (var (cache, scope) in _subqueries)
        {
            cache.Memoize = scope.OuterDepth <= 0 && !scope.Volatile && !scope.Reads.Overlaps(_written);
        }
        var layout = new QueryLayout(_nextSlot, _nextArgumentSite, _nextCacheSlot);
        return new CompiledQuery(root, layout, _collections, _written, _hasFullCountLimit, _readsCollectionsByValue, _variables);
    }

    private static void CheckBindParameters(ParsedQuery parsed, C8Object bindVariables)
    {
        foreach (var name in parsed.ValueParameters)
        {
            if (!bindVariables.ContainsKey(name))
            {
                throw QueryErrors.BindParameterMissing(name);
            }
        }
        foreach (var name in parsed.CollectionParameters)
        {
            if (!bindVariables.TryGetValue("@" + name, out var value))
            {
                throw QueryErrors.BindParameterMissing("@" + name);
            }
            if (!value.IsString || value.AsString.Length == 0)
            {
                throw QueryErrors.BindParameterType("@" + name);
            }
        }
        foreach (var key in bindVariables.Keys)
        {
            var declared = key.StartsWith('@')
                ? parsed.CollectionParameters.Contains(key[1..])
                : parsed.ValueParameters.Contains(key);
            if (!declared)
            {
                throw QueryErrors.BindParameterUndeclared(key);
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Variables and collections
    // -----------------------------------------------------------------------------------------

    private Variable Declare(string name, bool userDefined = true)
    {
        if (userDefined)
        {
            if (name.StartsWith('_'))
            {
                throw QueryErrors.VariableInvalid(name);
            }
            for (var scope = _scope; scope is not null; scope = scope.Parent)
            {
                if (scope.Find(name) is not null)
                {
                    throw QueryErrors.Redeclared(name);
                }
            }
        }
        else
        {
            _scope.Visible.RemoveAll(v => v.Name == name);
        }
        var variable = NewVariable(name, _scope.Depth, userDefined);
        _scope.Visible.Add(variable);
        return variable;
    }

    private Variable NewVariable(string name, int depth, bool userDefined)
    {
        var variable = new Variable(name, _variables.Count + 1, _nextSlot++, depth, userDefined);
        _variables.Add(variable);
        return variable;
    }

    /// <summary>A variable in scope, noting that enclosing levels' values are read from inside this one.</summary>
    private Variable? Resolve(string name)
    {
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            var variable = scope.Find(name);
            if (variable is not null)
            {
                NoteOuterRead(scope, variable.LoopDepth);
                return variable;
            }
        }
        return null;
    }

    private void NoteOuterRead(QueryScope owner, int depth)
    {
        for (var scope = _scope; scope != owner && scope is not null; scope = scope.Parent)
        {
            scope.OuterDepth = Math.Max(scope.OuterDepth, depth);
        }
    }

    private string? CollectionName(CollectionRef reference) =>
        reference.IsParameter ? BoundCollectionName(reference.IsValueParameter ? reference.Name : "@" + reference.Name) : reference.Name;

    /// <summary>The collection name a bind parameter holds; null while only validating.</summary>
    private string? BoundCollectionName(string key)
    {
        if (_validateOnly)
        {
            return null;
        }
        var value = _bindVariables[key];
        return value.IsString && value.AsString.Length > 0 ? value.AsString : throw QueryErrors.BindParameterType(key);
    }

    private void AddCollection(string name)
    {
        if (!_collections.Contains(name))
        {
            _collections.Add(name);
        }
    }

    private void RecordRead(string? collection)
    {
        if (collection is null)
        {
            return;
        }
        AddCollection(collection);
        if (_written.Contains(collection))
        {
            throw QueryErrors.AccessAfterModification(collection);
        }
        _scope.Reads.Add(collection);
    }

    private void RecordWrite(string? collection)
    {
        _scope.Volatile = true;
        if (collection is null)
        {
            return;
        }
        AddCollection(collection);
        if (_written.Contains(collection))
        {
            throw QueryErrors.MultiModify(collection);
        }
        _written.Add(collection);
    }

    // -----------------------------------------------------------------------------------------
    // Queries and operations
    // -----------------------------------------------------------------------------------------

    private Pipeline CompileQuery(QueryNode query, bool topLevel)
    {
        foreach (var reference in query.With)
        {
            if (CollectionName(reference) is { } name)
            {
                AddCollection(name);
            }
        }
        var operations = new List<Operation>(query.Operations);
        var lastLimit = topLevel ? operations.FindLastIndex(o => o is LimitOperation) : -1;
        var nodes = new List<PlanNode>();
        Evaluator? result = null;
        var distinct = false;
        for (var i = 0; i < operations.Count; i++)
        {
            switch (operations[i])
            {
                case ForOperation loop:
                    nodes.Add(CompileFor(loop, operations, i));
                    break;
                case LetOperation let:
                {
                    var value = Compile(let.Value);
                    nodes.Add(new CalculationNode(Declare(let.Variable), value.Evaluate));
                    break;
                }
                case FilterOperation filter:
                    nodes.Add(new FilterNode(Compile(filter.Condition).Evaluate));
                    break;
                case SortOperation sort when _servedSorts.Contains(sort):
                    break;
                case SortOperation sort:
                    nodes.Add(CompileSort(sort, FollowingLimit(operations, i, lastLimit)));
                    break;
                case LimitOperation limit:
                    nodes.Add(CompileLimit(limit, i == lastLimit));
                    _hasFullCountLimit |= i == lastLimit;
                    break;
                case CollectOperation collect:
                    nodes.Add(CompileCollect(collect));
                    break;
                case WindowOperation window:
                    nodes.Add(CompileWindow(window));
                    break;
                case ModificationOperation modification:
                    nodes.Add(CompileModification(modification));
                    break;
                case ReturnOperation ret:
                    result = Compile(ret.Value).Evaluate;
                    distinct = ret.Distinct;
                    break;
            }
        }
        return new Pipeline(nodes, result, distinct);
    }

    private PlanNode CompileFor(ForOperation loop, List<Operation> operations, int index)
    {
        var options = loop.Options is null ? null : ConstantOptions(loop.Options);
        var iteratesCollection = IsCollectionSource(loop.Source, out var collection);
        BoundExpr? source = null;
        Evaluator? from = null;
        Evaluator? to = null;
        if (iteratesCollection)
        {
            RecordRead(collection);
        }
        else if (loop.Source is RangeExpr range)
        {
            from = Compile(range.From).Evaluate;
            to = Compile(range.To).Evaluate;
        }
        else
        {
            source = Compile(loop.Source);
        }
        _scope.Depth++;
        var variable = Declare(loop.Variable);
        if (_scope.LoopStart < 0)
        {
            _scope.LoopStart = _scope.Visible.Count - 1;
        }
        if (from is not null)
        {
            return new EnumerateRangeNode(variable, from, to!);
        }
        if (source is not null)
        {
            return new EnumerateListNode(variable, source.Evaluate);
        }
        // Collection names are unknown only while validating without bind parameters.
        var name = collection ?? string.Empty;
        return (PlanNode?)TryIndexLookup(name, variable, loop.Variable, operations, index)
            ?? (PlanNode?)TryIndexScan(name, variable, loop.Variable, operations, index, options)
            ?? new EnumerateCollectionNode(name, variable, AttributeUsage.Of(loop.Variable, operations.Skip(index + 1)));
    }

    /// <summary>
    /// Whether a FOR iterates a collection: a name that is no variable, an @@parameter, or an @parameter
    /// holding a string. The name is null while validating without bind parameter values.
    /// </summary>
    private bool IsCollectionSource(Expr source, out string? collection)
    {
        collection = null;
        switch (source)
        {
            case NameExpr name when Resolve(name.Name) is null && !IsCurrentReference(name.Name):
                collection = name.Name;
                return true;
            case CollectionParameterExpr parameter:
                collection = BoundCollectionName("@" + parameter.Name);
                return true;
            case BindParameterExpr parameter when !_validateOnly && _bindVariables[parameter.Name].IsString:
                collection = _bindVariables[parameter.Name].AsString;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Rewrites <c>FOR d IN c FILTER d._key == expr</c> (also <c>d._id == expr</c> and <c>d._key IN expr</c>,
    /// in either operand order, as one conjunct of the FILTER right after the FOR) into primary-key lookups
    /// when <c>expr</c> does not depend on <c>d</c>. The rest of the condition stays a FILTER.
    /// </summary>
    private IndexLookupNode? TryIndexLookup(string collection, Variable variable, string name, List<Operation> operations, int index)
    {
        if (index + 1 >= operations.Count || operations[index + 1] is not FilterOperation filter)
        {
            return null;
        }
        var conjuncts = new List<Expr>();
        SplitConjunction(filter.Condition, conjuncts);
        for (var i = 0; i < conjuncts.Count; i++)
        {
            if (!MatchLookup(conjuncts[i], name, out var kind, out var keyExpression))
            {
                continue;
            }
            var key = Compile(keyExpression);
            if (key.MaxDepth >= variable.LoopDepth || !key.Deterministic)
            {
                return null;
            }
            conjuncts.RemoveAt(i);
            if (conjuncts.Count == 0)
            {
                operations.RemoveAt(index + 1);
            }
            else
            {
                var rest = conjuncts[0];
                for (var j = 1; j < conjuncts.Count; j++)
                {
                    rest = new BinaryExpr(BinaryOperator.And, rest, conjuncts[j], conjuncts[j].Position);
                }
                operations[index + 1] = new FilterOperation(rest, filter.Position);
            }
            return new IndexLookupNode(collection, variable, kind, key.Evaluate);
        }
        return null;
    }

    private static void SplitConjunction(Expr condition, List<Expr> conjuncts)
    {
        if (condition is BinaryExpr { Operator: BinaryOperator.And } and)
        {
            SplitConjunction(and.Left, conjuncts);
            SplitConjunction(and.Right, conjuncts);
        }
        else
        {
            conjuncts.Add(condition);
        }
    }

    private static bool MatchLookup(Expr condition, string variable, out LookupKind kind, out Expr key)
    {
        kind = LookupKind.Key;
        key = condition;
        if (condition is not BinaryExpr { Operator: BinaryOperator.Equal or BinaryOperator.In } binary)
        {
            return false;
        }
        var attribute = SystemAttribute(binary.Left, variable);
        key = binary.Right;
        if (attribute is null && binary.Operator == BinaryOperator.Equal)
        {
            attribute = SystemAttribute(binary.Right, variable);
            key = binary.Left;
        }
        switch (attribute)
        {
            case "_key":
                kind = binary.Operator == BinaryOperator.In ? LookupKind.KeyList : LookupKind.Key;
                return true;
            case "_id" when binary.Operator == BinaryOperator.Equal:
                kind = LookupKind.Id;
                return true;
            default:
                return false;
        }
    }

    private static string? SystemAttribute(Expr expr, string variable) =>
        expr is AttributeExpr { Subject: NameExpr subject, Name: "_key" or "_id" } attribute && subject.Name == variable
            ? attribute.Name
            : null;

    /// <summary>The rows a SORT must keep when a LIMIT with constant bounds comes right after it.</summary>
    private SortRowLimit? FollowingLimit(List<Operation> operations, int sortIndex, int lastLimit)
    {
        if (sortIndex + 1 >= operations.Count || operations[sortIndex + 1] is not LimitOperation limit)
        {
            return null;
        }
        var offset = limit.Offset is null ? BoundExpr.Constant(C8Value.From(0L)) : Compile(limit.Offset);
        var count = Compile(limit.Count);
        if (!offset.IsConstant || !count.IsConstant || !offset.Value.IsNumber || !count.Value.IsNumber
            || offset.Value.AsNumber < 0 || count.Value.AsNumber < 0)
        {
            return null;
        }
        var rows = (double)C8Conversions.ToInteger(offset.Value) + C8Conversions.ToInteger(count.Value);
        return rows > long.MaxValue ? null : new SortRowLimit((long)rows, sortIndex + 1 == lastLimit);
    }

    private SortNode CompileSort(SortOperation sort, SortRowLimit? rowLimit)
    {
        var keys = new List<SortKeySpec>();
        foreach (var key in sort.Keys)
        {
            keys.Add(new SortKeySpec(Compile(key.Value).Evaluate, SortAscending(key.Direction)));
        }
        var saved = _scope.Visible.Select(v => v.Slot).ToList();
        return new SortNode(keys, saved, rowLimit);
    }

    private bool SortAscending(Expr? direction)
    {
        if (direction is null)
        {
            return true;
        }
        var value = Compile(direction);
        if (!value.IsConstant)
        {
            throw QueryErrors.Syntax("SORT direction must be ASC, DESC or a constant");
        }
        if (value.Value.TryGetString(out var text))
        {
            return !string.Equals(text, "DESC", StringComparison.OrdinalIgnoreCase);
        }
        return C8Conversions.ToBool(value.Value);
    }

    private LimitNode CompileLimit(LimitOperation limit, bool last)
    {
        var offset = limit.Offset is null ? null : CheckedLimitValue(Compile(limit.Offset));
        var count = CheckedLimitValue(Compile(limit.Count));
        return new LimitNode(offset, count, last);
    }

    /// <summary>Constant LIMIT values are checked now; others when the LIMIT starts.</summary>
    private static Evaluator CheckedLimitValue(BoundExpr value)
    {
        if (value.IsConstant && (!value.Value.IsNumber || value.Value.AsNumber < 0))
        {
            throw QueryErrors.InvalidLimit();
        }
        return value.Evaluate;
    }

    private CollectNode CompileCollect(CollectOperation collect)
    {
        if (collect.Options is not null)
        {
            ConstantOptions(collect.Options);
        }
        var groupValues = collect.Groups.Select(g => Compile(g.Value)).ToList();
        var aggregateArguments = collect.Aggregates.Select(a => Compile(a.Arguments[0])).ToList();
        var intoValue = collect.IntoExpression is null ? null : Compile(collect.IntoExpression);
        var keep = collect.Into is null || collect.IntoExpression is not null ? [] : KeptVariables(collect.Keep);

        // COLLECT ends the loop's scope: only the variables it introduces remain visible.
        var insideLoop = _scope.InsideLoop;
        if (insideLoop)
        {
            _scope.Visible.RemoveRange(_scope.LoopStart, _scope.Visible.Count - _scope.LoopStart);
            _scope.LoopStart = _scope.Visible.Count;
        }
        var groups = collect.Groups.Select((g, i) => new GroupSpec(Declare(g.Variable), groupValues[i].Evaluate)).ToList();
        var aggregates = collect.Aggregates
            .Select((a, i) => new AggregateSpec(Declare(a.Variable), a.Function, aggregateArguments[i].Evaluate))
            .ToList();
        var into = collect.Into is null ? null : Declare(collect.Into);
        var count = collect.CountInto is null ? null : Declare(collect.CountInto);
        return new CollectNode(groups, aggregates, into, intoValue?.Evaluate, keep, count);
    }

    /// <summary>WINDOW's bounds must be a constant object: "preceding" and "following" rows, offsets or durations.</summary>
    private WindowNode CompileWindow(WindowOperation window)
    {
        var bounds = Compile(window.Bounds);
        if (!bounds.IsConstant)
        {
            throw new C8Exception(400, QueryErrors.CompileTimeOptions, "WINDOW bounds have to be known at query compile time");
        }
        if (!bounds.Value.TryGetObject(out var frame))
        {
            throw new C8Exception(400, C8Errors.BadParameter, "WINDOW bounds have to be an object");
        }
        var rowBased = window.RangeValue is null;
        var preceding = WindowBound.Parse(frame["preceding"], rowBased);
        var following = WindowBound.Parse(frame["following"], rowBased);
        if (preceding is null || following is null)
        {
            throw new C8Exception(400, C8Errors.BadParameter,
                "WINDOW bounds have to be \"unbounded\", a number that is not negative or, for a range, an ISO 8601 duration");
        }
        var range = window.RangeValue is null ? null : Compile(window.RangeValue).Evaluate;
        var arguments = window.Aggregates.Select(a => Compile(a.Arguments[0])).ToList();
        var saved = _scope.Visible.Select(v => v.Slot).ToList();
        var aggregates = window.Aggregates.Select((a, i) => new AggregateSpec(Declare(a.Variable), a.Function, arguments[i].Evaluate)).ToList();
        return new WindowNode(preceding, following, range, aggregates, saved);
    }

    /// <summary>The variables copied into COLLECT … INTO groups: KEEP's, or all user variables of the loop.</summary>
    private List<Variable> KeptVariables(IReadOnlyList<KeepVariable> keep)
    {
        if (keep.Count > 0)
        {
            return keep.Select(k => Resolve(k.Name)
                ?? throw QueryErrors.Syntax($"use of unknown variable '{k.Name}' for KEEP")).ToList();
        }
        var start = _scope.InsideLoop ? _scope.LoopStart : 0;
        return _scope.Visible.Skip(start).Where(v => v.IsUserDefined).ToList();
    }

    private PlanNode CompileModification(ModificationOperation operation)
    {
        var collection = CollectionName(operation.Collection);
        var options = WriteOptionsOf(operation.Options);
        switch (operation.Kind)
        {
            case ModificationKind.Insert:
            {
                var document = Compile(operation.Document!).Evaluate;
                RecordWrite(collection);
                var old = Declare("OLD", userDefined: false);
                return new InsertNode(collection ?? string.Empty, options, document, old, Declare("NEW", userDefined: false));
            }
            case ModificationKind.Update:
            case ModificationKind.Replace:
            {
                var key = operation.Key is null ? null : Compile(operation.Key).Evaluate;
                var document = Compile(operation.Document!).Evaluate;
                RecordWrite(collection);
                var old = Declare("OLD", userDefined: false);
                var replace = operation.Kind == ModificationKind.Replace;
                return new UpdateNode(collection ?? string.Empty, options, replace, key, document, old, Declare("NEW", userDefined: false));
            }
            case ModificationKind.Remove:
            {
                var key = Compile(operation.Key!).Evaluate;
                RecordWrite(collection);
                return new RemoveNode(collection ?? string.Empty, options, key, Declare("OLD", userDefined: false));
            }
            default:
            {
                RecordRead(collection);
                RecordWrite(collection);
                var old = Declare("OLD", userDefined: false);
                var search = Compile(operation.UpsertSearch!).Evaluate;
                var insert = Compile(operation.Document!).Evaluate;
                var update = Compile(operation.UpsertUpdate!).Evaluate;
                return new UpsertNode(collection ?? string.Empty, options, operation.UpsertReplaces, search, insert, update, old,
                    Declare("NEW", userDefined: false));
            }
        }
    }

    /// <summary>OPTIONS must be an object known when the query is compiled.</summary>
    private C8Object ConstantOptions(Expr options)
    {
        var value = Compile(options);
        if (!value.IsConstant)
        {
            throw QueryErrors.OptionsNotConstant();
        }
        return value.Value.TryGetObject(out var obj) ? obj : throw QueryErrors.Syntax("'OPTIONS' have to be an object");
    }

    private ModificationOptions WriteOptionsOf(Expr? optionsExpression)
    {
        var write = WriteOptions.Default;
        var ignoreErrors = false;
        if (optionsExpression is null)
        {
            return new ModificationOptions(write, ignoreErrors);
        }
        foreach (var (name, value) in ConstantOptions(optionsExpression))
        {
            switch (name)
            {
                case "ignoreErrors":
                    ignoreErrors = C8Conversions.ToBool(value);
                    break;
                case "keepNull":
                    write = write with { KeepNull = C8Conversions.ToBool(value) };
                    break;
                case "mergeObjects":
                    write = write with { MergeObjects = C8Conversions.ToBool(value) };
                    break;
                case "ignoreRevs":
                    write = write with { IgnoreRevs = C8Conversions.ToBool(value) };
                    break;
                case "waitForSync":
                    write = write with { WaitForSync = C8Conversions.ToBool(value) };
                    break;
                case "overwrite" when C8Conversions.ToBool(value):
                    write = write with { Overwrite = OverwriteMode.Replace };
                    break;
                case "overwriteMode" when value.IsString:
                    write = write with { Overwrite = ParseOverwriteMode(value.AsString) };
                    break;
            }
        }
        return new ModificationOptions(write, ignoreErrors);
    }

    private static OverwriteMode ParseOverwriteMode(string mode) => mode.ToLowerInvariant() switch
    {
        "ignore" => OverwriteMode.Ignore,
        "replace" => OverwriteMode.Replace,
        "update" => OverwriteMode.Update,
        "conflict" => OverwriteMode.Conflict,
        _ => throw new C8Exception(400, C8Errors.BadParameter, $"invalid overwriteMode '{mode}'"),
    };
}
