using PSC8.Server.Model;
using PSC8.Server.Query.Functions;

namespace PSC8.Server.Query.Syntax;

/// <summary>
/// Recursive-descent parser for C8QL. Operator precedence, lowest first: ternary, OR, AND,
/// array comparison (ALL/ANY/NONE), equality and LIKE/regex, IN, relational, range, additive,
/// multiplicative, unary, then postfix member access, indexing and expansion.
/// Function names and argument counts are checked here, as C8QL reports them at parse time.
/// </summary>
internal sealed class Parser
{
    /// <summary>Bounds recursion so that hostile nesting fails with 1501 instead of exhausting the stack.</summary>
    private const int MaxNesting = 120;

    /// <summary>Bounds array expansions, which nest into one another when chained (<c>a[*][*]…</c>).</summary>
    private const int MaxExpansions = 256;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<string> _valueParameters = new();
    private readonly List<string> _collectionParameters = new();
    private int _position;
    private int _nesting;
    private int _nextExpansionId;

    /// <summary>
    /// False while parsing the top level of a write operation's expression, where IN introduces the
    /// target collection (<c>REMOVE x IN c</c>) rather than the IN operator. Brackets re-allow it.
    /// </summary>
    private bool _inOperatorAllowed = true;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static ParsedQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw QueryErrors.Empty();
        }
        var tokens = Lexer.Tokenize(text);
        if (tokens.Count == 1)
        {
            throw QueryErrors.Empty();
        }
        var parser = new Parser(text, tokens);
        var with = parser.ParseWith();
        var root = parser.ParseQueryBody(with, tokens[0].Position);
        parser.Expect(TokenKind.End);
        return new ParsedQuery(text, root, parser._valueParameters, parser._collectionParameters);
    }

    private Token Current => _tokens[_position];

    private Token PeekToken(int ahead = 1) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_position];
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }
        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw SyntaxError.Unexpected(_text, Current);
        }
        return Advance();
    }

    private C8Exception Unexpected() => SyntaxError.Unexpected(_text, Current);

    private string ExpectName()
    {
        if (!Current.IsName)
        {
            throw Unexpected();
        }
        return Advance().Text;
    }

    // -----------------------------------------------------------------------------------------
    // Statements
    // -----------------------------------------------------------------------------------------

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
        or TokenKind.Update or TokenKind.Replace or TokenKind.Remove or TokenKind.Upsert;

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

    private static void AddParameter(List<string> parameters, string name)
    {
        if (!parameters.Contains(name))
        {
            parameters.Add(name);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Expressions
    // -----------------------------------------------------------------------------------------

    private Expr ParseExpression() => ParseTernary();

    /// <summary>An operand of INSERT/UPDATE/REPLACE/REMOVE/UPSERT: a top-level IN ends it.</summary>
    private Expr ParseWriteOperand() => WithInOperator(false, ParseExpression);

    private T WithInOperator<T>(bool allowed, Func<T> parse)
    {
        var saved = _inOperatorAllowed;
        _inOperatorAllowed = allowed;
        try
        {
            return parse();
        }
        finally
        {
            _inOperatorAllowed = saved;
        }
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw SyntaxError.At(_text, Current.Position, "query is too deeply nested");
        }
    }

    private Expr ParseTernary()
    {
        Enter();
        try
        {
            var condition = ParseOr();
            if (Current.Kind != TokenKind.Question)
            {
                return condition;
            }
            var position = Advance().Position;
            if (Accept(TokenKind.Colon))
            {
                return new TernaryExpr(condition, null, ParseTernary(), position);
            }
            var whenTrue = ParseExpression();
            Expect(TokenKind.Colon);
            return new TernaryExpr(condition, whenTrue, ParseTernary(), position);
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var position = Advance().Position;
            left = new BinaryExpr(BinaryOperator.Or, left, ParseAnd(), position);
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseArrayComparison();
        while (Current.Kind == TokenKind.And)
        {
            var position = Advance().Position;
            left = new BinaryExpr(BinaryOperator.And, left, ParseArrayComparison(), position);
        }
        return left;
    }

    private Expr ParseArrayComparison()
    {
        var left = ParseEquality();
        if (Current.Kind is not (TokenKind.All or TokenKind.Any or TokenKind.None))
        {
            return left;
        }
        var quantifier = Current.Kind switch
        {
            TokenKind.All => Quantifier.All,
            TokenKind.Any => Quantifier.Any,
            _ => Quantifier.None,
        };
        var position = Current.Position;
        BinaryOperator op;
        var next = PeekToken();
        if (next.Kind == TokenKind.Not && PeekToken(2).Kind == TokenKind.In)
        {
            _position += 3;
            op = BinaryOperator.NotIn;
        }
        else if (ComparisonOperator(next.Kind) is { } comparison)
        {
            _position += 2;
            op = comparison;
        }
        else
        {
            Advance();
            throw Unexpected();
        }
        return new ArrayComparisonExpr(quantifier, op, left, ParseEquality(), position);
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.In => BinaryOperator.In,
        _ => null,
    };

    private Expr ParseEquality()
    {
        var left = ParseIn();
        while (true)
        {
            var position = Current.Position;
            var negated = false;
            if (Current.Kind == TokenKind.Not && PeekToken().Kind is TokenKind.Like or TokenKind.RegexMatch or TokenKind.RegexNonMatch)
            {
                Advance();
                negated = true;
            }
            switch (Current.Kind)
            {
                case TokenKind.Equal:
                case TokenKind.NotEqual:
                {
                    var op = Advance().Kind == TokenKind.Equal ? BinaryOperator.Equal : BinaryOperator.NotEqual;
                    left = new BinaryExpr(op, left, ParseIn(), position);
                    continue;
                }
                case TokenKind.Like:
                    Advance();
                    left = Negate(Call("LIKE", left, ParseIn(), position), negated);
                    continue;
                case TokenKind.RegexMatch:
                    Advance();
                    left = Negate(Call("REGEX_TEST", left, ParseIn(), position), negated);
                    continue;
                case TokenKind.RegexNonMatch:
                    Advance();
                    left = Negate(Call("REGEX_TEST", left, ParseIn(), position), !negated);
                    continue;
                default:
                    return left;
            }
        }
    }

    private static Expr Call(string function, Expr left, Expr right, SourcePosition position) =>
        new FunctionCallExpr(function, [left, right], position);

    private static Expr Negate(Expr expr, bool negate) =>
        negate ? new UnaryExpr(UnaryOperator.Not, expr, expr.Position) : expr;

    private Expr ParseIn()
    {
        var left = ParseRelational();
        while (true)
        {
            var position = Current.Position;
            if (Current.Kind == TokenKind.In && _inOperatorAllowed)
            {
                Advance();
                left = new BinaryExpr(BinaryOperator.In, left, ParseRelational(), position);
            }
            else if (Current.Kind == TokenKind.Not && PeekToken().Kind == TokenKind.In)
            {
                _position += 2;
                left = new BinaryExpr(BinaryOperator.NotIn, left, ParseRelational(), position);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseRelational()
    {
        var left = ParseRange();
        while (Current.Kind is TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual)
        {
            var token = Advance();
            left = new BinaryExpr(ComparisonOperator(token.Kind)!.Value, left, ParseRange(), token.Position);
        }
        return left;
    }

    private Expr ParseRange()
    {
        var left = ParseAdditive();
        while (Current.Kind == TokenKind.Range)
        {
            var position = Advance().Position;
            left = new RangeExpr(left, ParseAdditive(), position);
        }
        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            var op = token.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpr(op, left, ParseMultiplicative(), token.Position);
        }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var token = Advance();
            var op = token.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinaryExpr(op, left, ParseUnary(), token.Position);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        Enter();
        try
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Not:
                case TokenKind.Bang:
                    Advance();
                    return new UnaryExpr(UnaryOperator.Not, ParseUnary(), token.Position);
                case TokenKind.Minus:
                {
                    Advance();
                    var operand = ParseUnary();
                    // A negative number literal is a literal, as C8QL folds it at parse time.
                    return operand is LiteralExpr { Value.IsNumber: true } literal
                        ? new LiteralExpr(C8Value.From(-literal.Value.AsNumber), token.Position)
                        : new UnaryExpr(UnaryOperator.Minus, operand, token.Position);
                }
                case TokenKind.Plus:
                    Advance();
                    return new UnaryExpr(UnaryOperator.Plus, ParseUnary(), token.Position);
                default:
                    return ParsePostfix(ParsePrimary());
            }
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Double:
                Advance();
                return new LiteralExpr(C8Value.From(token.Number), token.Position);
            case TokenKind.String:
                Advance();
                return new LiteralExpr(C8Value.From(token.Text), token.Position);
            case TokenKind.Null:
                Advance();
                return new LiteralExpr(C8Value.Null, token.Position);
            case TokenKind.True:
                Advance();
                return new LiteralExpr(C8Value.True, token.Position);
            case TokenKind.False:
                Advance();
                return new LiteralExpr(C8Value.False, token.Position);
            case TokenKind.BindParameter:
                Advance();
                AddParameter(_valueParameters, token.Text);
                return new BindParameterExpr(token.Text, token.Position);
            case TokenKind.CollectionBindParameter:
                Advance();
                AddParameter(_collectionParameters, token.Text);
                return new CollectionParameterExpr(token.Text, token.Position);
            case TokenKind.OpenParen:
                return ParseParenthesized();
            case TokenKind.OpenBracket:
                return ParseArrayLiteral();
            case TokenKind.OpenBrace:
                return ParseObjectLiteral();
            case TokenKind.Identifier when PeekToken().Kind is TokenKind.OpenParen or TokenKind.Scope:
            case TokenKind.Like when PeekToken().Kind == TokenKind.OpenParen:
                return ParseFunctionCall();
            case TokenKind.Identifier:
            case TokenKind.QuotedName:
                Advance();
                return new NameExpr(token.Text, token.Position);
            default:
                throw Unexpected();
        }
    }

    private Expr ParseParenthesized() => WithInOperator(true, ParseParenthesizedInner);

    private Expr ParseParenthesizedInner()
    {
        var open = Advance();
        if (StartsStatement(Current.Kind))
        {
            var query = ParseSubquery(open.Position);
            Expect(TokenKind.CloseParen);
            return query;
        }
        var inner = ParseExpression();
        Expect(TokenKind.CloseParen);
        return inner is ExpansionExpr ? new PassthruExpr(inner, open.Position) : inner;
    }

    private SubqueryExpr ParseSubquery(SourcePosition position)
    {
        Enter();
        try
        {
            return new SubqueryExpr(ParseQueryBody([], position), position);
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParseArrayLiteral() => WithInOperator(true, ParseArrayLiteralInner);

    private Expr ParseArrayLiteralInner()
    {
        var open = Advance();
        var items = new List<Expr>();
        while (Current.Kind != TokenKind.CloseBracket)
        {
            items.Add(ParseExpression());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        Expect(TokenKind.CloseBracket);
        return new ArrayExpr(items, open.Position);
    }

    private Expr ParseObjectLiteral() => WithInOperator(true, ParseObjectLiteralInner);

    private Expr ParseObjectLiteralInner()
    {
        var open = Advance();
        var members = new List<ObjectMember>();
        while (Current.Kind != TokenKind.CloseBrace)
        {
            members.Add(ParseObjectMember());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        Expect(TokenKind.CloseBrace);
        return new ObjectExpr(members, open.Position);
    }

    private ObjectMember ParseObjectMember()
    {
        var token = Current;
        if (token.Kind == TokenKind.OpenBracket)
        {
            Advance();
            var key = ParseExpression();
            Expect(TokenKind.CloseBracket);
            Expect(TokenKind.Colon);
            return new ObjectMember(ObjectKeyKind.Computed, string.Empty, key, ParseExpression());
        }
        if (token.Kind == TokenKind.BindParameter && PeekToken().Kind == TokenKind.Colon)
        {
            _position += 2;
            AddParameter(_valueParameters, token.Text);
            return new ObjectMember(ObjectKeyKind.Parameter, token.Text, null, ParseExpression());
        }
        var isKey = token.IsName || token.Kind == TokenKind.String || token.IsKeyword;
        if (isKey && PeekToken().Kind == TokenKind.Colon)
        {
            _position += 2;
            return new ObjectMember(ObjectKeyKind.Name, token.Text, null, ParseExpression());
        }
        if (token.Kind == TokenKind.Identifier)
        {
            // Shorthand { name } stands for { name: name }.
            Advance();
            return new ObjectMember(ObjectKeyKind.Name, token.Text, null, new NameExpr(token.Text, token.Position) { MustBeVariable = true });
        }
        throw Unexpected();
    }

    private FunctionCallExpr ParseFunctionCall() => WithInOperator(true, ParseFunctionCallInner);

    private FunctionCallExpr ParseFunctionCallInner()
    {
        var start = Current.Position;
        var name = Advance().Text;
        while (Accept(TokenKind.Scope))
        {
            name += "::" + ExpectName();
        }
        Expect(TokenKind.OpenParen);
        var arguments = new List<Expr>();
        while (Current.Kind != TokenKind.CloseParen)
        {
            arguments.Add(StartsStatement(Current.Kind) ? ParseSubquery(Current.Position) : ParseExpression());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        Expect(TokenKind.CloseParen);
        var upper = name.ToUpperInvariant();
        var definition = FunctionRegistry.Find(upper) ?? throw QueryErrors.UnknownFunction(upper);
        if (arguments.Count < definition.MinArguments || arguments.Count > definition.MaxArguments)
        {
            throw QueryErrors.ArgumentCount(upper, definition.MinArguments, definition.MaxArguments);
        }
        return new FunctionCallExpr(upper, arguments, start);
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Current;
                if (name.Kind == TokenKind.BindParameter)
                {
                    Advance();
                    AddParameter(_valueParameters, name.Text);
                    expr = Chain(expr, subject => new BoundAttributeExpr(subject, name.Text, token.Position));
                }
                else if (name.IsName || name.IsKeyword)
                {
                    Advance();
                    expr = Chain(expr, subject => new AttributeExpr(subject, name.Text, token.Position));
                }
                else
                {
                    throw Unexpected();
                }
            }
            else if (token.Kind == TokenKind.OpenBracket)
            {
                expr = ParseBracketSuffix(expr);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParseBracketSuffix(Expr expr) => WithInOperator(true, () => ParseBracketSuffixInner(expr));

    private Expr ParseBracketSuffixInner(Expr expr)
    {
        var open = Advance();
        if (Current.Kind == TokenKind.Question)
        {
            throw QueryErrors.NotSupported("the [? …] array operator");
        }
        if (Current.Kind != TokenKind.Star)
        {
            var index = ParseExpression();
            Expect(TokenKind.CloseBracket);
            return Chain(expr, subject => new IndexExpr(subject, index, open.Position));
        }
        if (_nextExpansionId >= MaxExpansions)
        {
            throw SyntaxError.At(_text, open.Position, "too many array expansions");
        }
        var levels = 0;
        while (Accept(TokenKind.Star))
        {
            levels++;
        }
        Expr? filter = null;
        Expr? offset = null;
        Expr? count = null;
        Expr? projection = null;
        if (Accept(TokenKind.Filter))
        {
            filter = ParseExpression();
        }
        if (Accept(TokenKind.Limit))
        {
            count = ParseExpression();
            if (Accept(TokenKind.Comma))
            {
                offset = count;
                count = ParseExpression();
            }
        }
        if (Accept(TokenKind.Return))
        {
            projection = ParseExpression();
        }
        Expect(TokenKind.CloseBracket);
        var id = _nextExpansionId++;
        var item = new ExpansionItemExpr(id, open.Position);
        if (expr is ExpansionExpr && levels == 1)
        {
            // a[*].b[*] nests: the inner expansion runs over each element's projection.
            return Chain(expr, source => new ExpansionExpr(id, levels, source, filter, offset, count, projection, item, open.Position));
        }
        var source = expr is ExpansionExpr ? new PassthruExpr(expr, expr.Position) : expr;
        return new ExpansionExpr(id, levels, source, filter, offset, count, projection, item, open.Position);
    }

    /// <summary>
    /// Applies a member access to an expression; on an expansion it applies to each element instead,
    /// i.e. to the innermost expansion's projection (which also makes <c>a[*].b[*]</c> nest).
    /// </summary>
    private static Expr Chain(Expr expr, Func<Expr, Expr> apply) =>
        expr is ExpansionExpr expansion ? expansion with { Projection = Chain(expansion.Projection, apply) } : apply(expr);
}
