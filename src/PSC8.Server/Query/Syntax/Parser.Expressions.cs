namespace PSC8.Server.Query.Syntax;

/// <summary>Expressions, from the ternary operator down to literals, calls and postfix access.</summary>
internal sealed partial class Parser
{
    private Expr ParseExpression() => ParseTernary();

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
        var position = Current.Position;
        QuantityExpr quantity;
        if (Current.Kind is TokenKind.All or TokenKind.Any or TokenKind.None)
        {
            quantity = new QuantityExpr(KeywordQuantifier(Advance().Kind), null, null);
        }
        else if (AtLeastFollows())
        {
            quantity = ParseAtLeast();
        }
        else
        {
            return left;
        }
        BinaryOperator op;
        if (Current.Kind == TokenKind.Not && PeekToken().Kind == TokenKind.In)
        {
            _position += 2;
            op = BinaryOperator.NotIn;
        }
        else if (ComparisonOperator(Current.Kind) is { } comparison)
        {
            Advance();
            op = comparison;
        }
        else
        {
            throw Unexpected();
        }
        return new ArrayComparisonExpr(quantity, op, left, ParseEquality(), position);
    }

    private static Quantifier KeywordQuantifier(TokenKind kind) => kind switch
    {
        TokenKind.All => Quantifier.All,
        TokenKind.Any => Quantifier.Any,
        _ => Quantifier.None,
    };

    /// <summary>AT and LEAST are words only together, so both stay usable as names.</summary>
    private bool AtLeastFollows() => Current.IsWord("AT") && PeekToken().IsWord("LEAST");

    /// <summary><c>AT LEAST (expression)</c>.</summary>
    private QuantityExpr ParseAtLeast()
    {
        _position += 2;
        Expect(TokenKind.OpenParen);
        var count = WithInOperator(true, ParseExpression);
        Expect(TokenKind.CloseParen);
        return new QuantityExpr(Quantifier.AtLeast, count, null);
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
                        ? new LiteralExpr(C8Operators.Negate(literal.Value), token.Position)
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
                return new LiteralExpr(token.Number, token.Position);
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
        if (Current.Kind != TokenKind.Star && Current.Kind != TokenKind.Question)
        {
            var index = ParseExpression();
            Expect(TokenKind.CloseBracket);
            return Chain(expr, subject => new IndexExpr(subject, index, open.Position));
        }
        if (_nextExpansionId >= MaxExpansions)
        {
            throw SyntaxError.At(_text, open.Position, "too many array expansions");
        }
        if (Accept(TokenKind.Question))
        {
            return ParseQuestionMark(expr, open.Position);
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
    /// The rest of <c>source[? quantity FILTER condition]</c>: the quantity is ANY, ALL, NONE, AT LEAST (n), a number
    /// or a range, and defaults to ANY. The operator applies to the whole source, an expansion's result included.
    /// </summary>
    private Expr ParseQuestionMark(Expr source, SourcePosition position)
    {
        var quantity = new QuantityExpr(Quantifier.Any, null, null);
        if (Current.Kind is TokenKind.All or TokenKind.Any or TokenKind.None)
        {
            quantity = new QuantityExpr(KeywordQuantifier(Advance().Kind), null, null);
        }
        else if (AtLeastFollows())
        {
            quantity = ParseAtLeast();
        }
        else if (Current.Kind is not (TokenKind.Filter or TokenKind.CloseBracket))
        {
            var count = ParseExpression();
            quantity = count is RangeExpr range
                ? new QuantityExpr(Quantifier.Between, range.From, range.To)
                : new QuantityExpr(Quantifier.Exactly, count, null);
        }
        var filter = Accept(TokenKind.Filter) ? ParseExpression() : null;
        Expect(TokenKind.CloseBracket);
        var subject = source is ExpansionExpr ? new PassthruExpr(source, source.Position) : source;
        return new QuestionMarkExpr(_nextExpansionId++, subject, quantity, filter, position);
    }

    /// <summary>
    /// Applies a member access to an expression; on an expansion it applies to each element instead,
    /// i.e. to the innermost expansion's projection (which also makes <c>a[*].b[*]</c> nest).
    /// </summary>
    private static Expr Chain(Expr expr, Func<Expr, Expr> apply) =>
        expr is ExpansionExpr expansion ? expansion with { Projection = Chain(expansion.Projection, apply) } : apply(expr);
}
