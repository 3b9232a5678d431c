namespace PSC8.Server.Query.Syntax;

/// <summary>The statements of a query: WITH, FOR, LET, FILTER, COLLECT, SORT, LIMIT, RETURN and the writes.</summary>
internal sealed partial class Parser
{
    private List<CollectionRef> ParseWith()
    {
        var collections = new List<CollectionRef>();
        if (!Accept(TokenKind.With))
        {
            return collections;
        }
        do
        {
            collections.Add(ParseCollectionRef(allowValueParameter: true));
            Accept(TokenKind.Comma);
        }
        while (Current.IsName || Current.Kind is TokenKind.BindParameter or TokenKind.CollectionBindParameter);
        return collections;
    }

    private static bool StartsStatement(TokenKind kind) => kind is TokenKind.For or TokenKind.Let or TokenKind.Filter
        or TokenKind.Collect or TokenKind.Sort or TokenKind.Limit or TokenKind.Return or TokenKind.Insert
        or TokenKind.Update or TokenKind.Replace or TokenKind.Remove or TokenKind.Upsert or TokenKind.Window;

    private QueryNode ParseQueryBody(IReadOnlyList<CollectionRef> with, SourcePosition position)
    {
        var operations = new List<Operation>();
        var insideLoop = false;
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.For:
                    operations.Add(ParseFor());
                    insideLoop = true;
                    break;
                case TokenKind.Let:
                    ParseLet(operations);
                    break;
                case TokenKind.Filter:
                {
                    var start = Advance().Position;
                    operations.Add(new FilterOperation(ParseExpression(), start));
                    break;
                }
                case TokenKind.Collect:
                    operations.Add(ParseCollect());
                    break;
                case TokenKind.Sort:
                    operations.Add(ParseSort());
                    break;
                case TokenKind.Window:
                    operations.Add(ParseWindow());
                    break;
                case TokenKind.Limit:
                    operations.Add(ParseLimit());
                    break;
                case TokenKind.Insert:
                case TokenKind.Update:
                case TokenKind.Replace:
                case TokenKind.Remove:
                case TokenKind.Upsert:
                    operations.Add(ParseModification());
                    break;
                case TokenKind.Return:
                    operations.Add(ParseReturn(insideLoop));
                    return new QueryNode(with, operations, position);
                default:
                    if (operations.Count > 0 && operations[^1] is ModificationOperation)
                    {
                        return new QueryNode(with, operations, position);
                    }
                    throw Unexpected();
            }
        }
    }

    private ForOperation ParseFor()
    {
        var start = Advance().Position;
        var variable = ExpectName();
        var extraVariables = false;
        while (Accept(TokenKind.Comma))
        {
            ExpectName();
            extraVariables = true;
        }
        Expect(TokenKind.In);
        if (IsGraphDirection(Current.Kind))
        {
            throw QueryErrors.NotSupported("graph traversal");
        }
        var source = ParseExpression();
        if (IsGraphDirection(Current.Kind) || Current.Kind is TokenKind.ShortestPath or TokenKind.KShortestPaths or TokenKind.KPaths)
        {
            throw QueryErrors.NotSupported("graph traversal");
        }
        if (extraVariables)
        {
            throw SyntaxError.Invalid(_text, start, "Collections and views FOR loops only allow a single return variable");
        }
        Expr? options = null;
        if (Current.IsWord("SEARCH"))
        {
            throw QueryErrors.NotSupported("SEARCH on views");
        }
        if (Current.IsWord("OPTIONS"))
        {
            Advance();
            options = ParseExpression();
        }
        return new ForOperation(variable, source, options, start);
    }

    private static bool IsGraphDirection(TokenKind kind) => kind is TokenKind.Outbound or TokenKind.Inbound or TokenKind.Any;

    private void ParseLet(List<Operation> operations)
    {
        Advance();
        do
        {
            var position = Current.Position;
            var variable = ExpectName();
            Expect(TokenKind.Assign);
            operations.Add(new LetOperation(variable, ParseExpression(), position));
        }
        while (Accept(TokenKind.Comma));
    }

    private CollectOperation ParseCollect()
    {
        var start = Advance().Position;
        var groups = new List<Assignment>();
        var aggregates = new List<AggregateAssignment>();
        if (Current.IsName && PeekToken().Kind == TokenKind.Assign)
        {
            do
            {
                var position = Current.Position;
                var variable = ExpectName();
                Expect(TokenKind.Assign);
                groups.Add(new Assignment(variable, ParseExpression(), position));
            }
            while (Accept(TokenKind.Comma));
        }
        if (Accept(TokenKind.Aggregate))
        {
            do
            {
                aggregates.Add(ParseAggregate());
            }
            while (Accept(TokenKind.Comma));
        }
        string? into = null;
        Expr? intoExpression = null;
        var keep = new List<KeepVariable>();
        string? countInto = null;
        if (Accept(TokenKind.Into))
        {
            into = ExpectName();
            if (Accept(TokenKind.Assign))
            {
                intoExpression = ParseExpression();
            }
        }
        if (Current.IsWord("KEEP"))
        {
            if (into is null)
            {
                throw SyntaxError.Invalid(_text, Current.Position, "use of 'KEEP' without 'INTO'");
            }
            Advance();
            do
            {
                var position = Current.Position;
                keep.Add(new KeepVariable(ExpectName(), position));
            }
            while (Accept(TokenKind.Comma));
        }
        if (into is null && aggregates.Count == 0 && Current.Kind == TokenKind.With)
        {
            Advance();
            if (!Current.IsWord("COUNT"))
            {
                throw SyntaxError.Invalid(_text, Current.Position, $"unexpected qualifier '{Current.Text}', expecting 'COUNT'");
            }
            Advance();
            Expect(TokenKind.Into);
            countInto = ExpectName();
        }
        if (groups.Count == 0 && aggregates.Count == 0 && countInto is null)
        {
            throw Unexpected();
        }
        return new CollectOperation(groups, aggregates, into, intoExpression, keep, countInto, ParseOptions(), start);
    }

    private AggregateAssignment ParseAggregate()
    {
        var position = Current.Position;
        var variable = ExpectName();
        Expect(TokenKind.Assign);
        if (Current.Kind != TokenKind.Identifier || PeekToken().Kind != TokenKind.OpenParen)
        {
            throw new C8Exception(400, QueryErrors.InvalidAggregateExpression, "aggregate expression must be a function call");
        }
        var call = ParseFunctionCall();
        if (!AggregateFunctions.IsAggregate(call.Name))
        {
            throw new C8Exception(400, QueryErrors.InvalidAggregateExpression, "unknown aggregate function used");
        }
        return new AggregateAssignment(variable, call.Name, call.Arguments, position);
    }

    /// <summary><c>WINDOW { bounds } AGGREGATE …</c> or <c>WINDOW value WITH { bounds } AGGREGATE …</c>.</summary>
    private WindowOperation ParseWindow()
    {
        var start = Advance().Position;
        Expr? rangeValue = null;
        var bounds = ParseExpression();
        if (Accept(TokenKind.With))
        {
            rangeValue = bounds;
            bounds = ParseExpression();
        }
        Expect(TokenKind.Aggregate);
        var aggregates = new List<AggregateAssignment>();
        do
        {
            aggregates.Add(ParseAggregate());
        }
        while (Accept(TokenKind.Comma));
        return new WindowOperation(rangeValue, bounds, aggregates, start);
    }

    private Expr? ParseOptions()
    {
        if (!Current.IsWord("OPTIONS"))
        {
            return null;
        }
        Advance();
        if (Current.Kind != TokenKind.OpenBrace)
        {
            throw SyntaxError.Invalid(_text, Current.Position, "'OPTIONS' have to be an object");
        }
        return ParseExpression();
    }

    private SortOperation ParseSort()
    {
        var start = Advance().Position;
        var keys = new List<SortKey>();
        do
        {
            var value = ParseExpression();
            Expr? direction = null;
            switch (Current.Kind)
            {
                case TokenKind.Asc:
                    direction = new LiteralExpr(C8Value.True, Advance().Position);
                    break;
                case TokenKind.Desc:
                    direction = new LiteralExpr(C8Value.False, Advance().Position);
                    break;
                case TokenKind.String or TokenKind.Integer or TokenKind.Double or TokenKind.True or TokenKind.False
                    or TokenKind.Null or TokenKind.BindParameter:
                    direction = ParsePrimary();
                    break;
            }
            keys.Add(new SortKey(value, direction));
        }
        while (Accept(TokenKind.Comma));
        return new SortOperation(keys, start);
    }

    private LimitOperation ParseLimit()
    {
        var start = Advance().Position;
        var first = ParseExpression();
        if (Accept(TokenKind.Comma))
        {
            return new LimitOperation(first, ParseExpression(), start);
        }
        return new LimitOperation(null, first, start);
    }

    private ReturnOperation ParseReturn(bool insideLoop)
    {
        var start = Advance().Position;
        var distinct = false;
        if (Current.Kind == TokenKind.Distinct)
        {
            if (!insideLoop)
            {
                throw SyntaxError.Invalid(_text, Current.Position, "cannot use DISTINCT modifier on top-level query element");
            }
            Advance();
            distinct = true;
        }
        return new ReturnOperation(ParseExpression(), distinct, start);
    }

    private ModificationOperation ParseModification()
    {
        var keyword = Advance();
        var start = keyword.Position;
        switch (keyword.Kind)
        {
            case TokenKind.Insert:
            {
                var document = ParseWriteOperand();
                var collection = ParseTarget();
                return new ModificationOperation(ModificationKind.Insert, null, document, null, null, false, collection, ParseOptions(), start);
            }
            case TokenKind.Remove:
            {
                var key = ParseWriteOperand();
                var collection = ParseTarget();
                return new ModificationOperation(ModificationKind.Remove, key, null, null, null, false, collection, ParseOptions(), start);
            }
            case TokenKind.Update:
            case TokenKind.Replace:
            {
                var kind = keyword.Kind == TokenKind.Update ? ModificationKind.Update : ModificationKind.Replace;
                Expr? key = null;
                var document = ParseWriteOperand();
                if (Accept(TokenKind.With))
                {
                    key = document;
                    document = ParseWriteOperand();
                }
                var collection = ParseTarget();
                return new ModificationOperation(kind, key, document, null, null, false, collection, ParseOptions(), start);
            }
            default:
                return ParseUpsert(start);
        }
    }

    private ModificationOperation ParseUpsert(SourcePosition start)
    {
        if (Current.Kind == TokenKind.Filter)
        {
            throw QueryErrors.NotSupported("UPSERT FILTER");
        }
        if (Current.Kind is not (TokenKind.OpenBrace or TokenKind.BindParameter))
        {
            throw Unexpected();
        }
        var search = ParsePrimary();
        Expect(TokenKind.Insert);
        var insert = ParseWriteOperand();
        if (Current.Kind is not (TokenKind.Update or TokenKind.Replace))
        {
            throw Unexpected();
        }
        var replaces = Advance().Kind == TokenKind.Replace;
        var update = ParseWriteOperand();
        var collection = ParseTarget();
        return new ModificationOperation(ModificationKind.Upsert, null, insert, search, update, replaces, collection, ParseOptions(), start);
    }

    private CollectionRef ParseTarget()
    {
        if (!Accept(TokenKind.In) && !Accept(TokenKind.Into))
        {
            throw Unexpected();
        }
        return ParseCollectionRef(allowValueParameter: false);
    }

    private CollectionRef ParseCollectionRef(bool allowValueParameter)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
            case TokenKind.QuotedName:
            case TokenKind.String:
                Advance();
                return new CollectionRef(token.Text, false, token.Position);
            case TokenKind.CollectionBindParameter:
                Advance();
                AddParameter(_collectionParameters, token.Text);
                return new CollectionRef(token.Text, true, token.Position);
            case TokenKind.BindParameter when allowValueParameter:
                Advance();
                AddParameter(_valueParameters, token.Text);
                return new CollectionRef(token.Text, true, token.Position) { IsValueParameter = true };
            default:
                throw Unexpected();
        }
    }

    /// <summary>An operand of INSERT/UPDATE/REPLACE/REMOVE/UPSERT: a top-level IN ends it.</summary>
    private Expr ParseWriteOperand() => WithInOperator(false, ParseExpression);
}
