namespace PSC8.Server.Query.Functions;

/// <summary>
/// Checks a value against a JSON Schema rule (the <c>rule</c> of a collection schema, as SCHEMA_VALIDATE takes it):
/// the draft-4 keywords and the later ones ArangoDB's validator also knows (const, contains, propertyNames,
/// if/then/else, numeric exclusive bounds), with <c>$ref</c> to the rule's own definitions. Only the verdict matters:
/// a failing document reports the schema's message, not which keyword failed.
/// </summary>
internal sealed class JsonSchemaRule(C8Value root)
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Keeps a self-referencing rule from recursing without end.</summary>
    private const int MaxDepth = 256;

    /// <summary>Rules that refer to themselves several times can branch exponentially; this bounds one check's work.</summary>
    private const int MaxSteps = 1_000_000;

    private int _steps;

    public bool Accepts(C8Value value) => Matches(root, value, 0);

    private bool Matches(C8Value schema, C8Value value, int depth)
    {
        if (++_steps > MaxSteps)
        {
            throw C8Errors.BadRequest("schema validation needs too many steps: the rule refers to itself too often");
        }
        if (schema.IsBool)
        {
            return schema.AsBool;
        }
        if (!schema.IsObject || depth > MaxDepth)
        {
            return true;
        }
        var rule = schema.AsObject;
        if (rule.TryGetValue("$ref", out var reference) && reference.IsString)
        {
            return Matches(Resolve(reference.AsString), value, depth + 1);
        }
        return MatchesType(rule, value)
            && MatchesValue(rule, value)
            && MatchesNumber(rule, value)
            && MatchesString(rule, value)
            && MatchesArray(rule, value, depth)
            && MatchesObject(rule, value, depth)
            && MatchesCombinations(rule, value, depth);
    }

    /// <summary>A JSON pointer into the rule itself ("#/definitions/name"); anything else constrains nothing.</summary>
    private C8Value Resolve(string reference)
    {
        if (reference == "#")
        {
            return root;
        }
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return C8Value.True;
        }
        var target = root;
        foreach (var token in reference[2..].Split('/'))
        {
            var name = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            target = target.IsArray && int.TryParse(name, out var index) && index >= 0 && index < target.AsArray.Count
                ? target.AsArray[index]
                : target[name];
        }
        return target.IsNull ? C8Value.True : target;
    }

    private static bool MatchesType(C8Object rule, C8Value value)
    {
        if (!rule.TryGetValue("type", out var type))
        {
            return true;
        }
        return type.IsArray ? type.AsArray.Any(t => IsOfType(t, value)) : IsOfType(type, value);
    }

    private static bool IsOfType(C8Value type, C8Value value) => type.IsString && type.AsString switch
    {
        "null" => value.IsNull,
        "boolean" => value.IsBool,
        "number" => value.IsNumber,
        "integer" => value.IsNumber && double.IsFinite(value.AsNumber) && Math.Floor(value.AsNumber) == value.AsNumber,
        "string" => value.IsString,
        "array" => value.IsArray,
        "object" => value.IsObject,
        _ => false,
    };

    private static bool MatchesValue(C8Object rule, C8Value value) =>
        (!rule.TryGetValue("enum", out var options) || !options.IsArray || options.AsArray.Any(o => C8ValueEquality.AreEqual(o, value)))
        && (!rule.TryGetValue("const", out var constant) || C8ValueEquality.AreEqual(constant, value));

    private static bool MatchesNumber(C8Object rule, C8Value value)
    {
        if (!value.IsNumber)
        {
            return true;
        }
        var number = value.AsNumber;
        return Bound(rule, "minimum", "exclusiveMinimum", number, below: false)
            && Bound(rule, "maximum", "exclusiveMaximum", number, below: true)
            && (!rule.TryGetValue("multipleOf", out var divisor) || !divisor.IsNumber || divisor.AsNumber <= 0 || IsMultiple(number, divisor.AsNumber));
    }

    /// <summary>Draft 4 writes an exclusive bound as a flag next to the bound, later drafts as a number of its own.</summary>
    private static bool Bound(C8Object rule, string inclusiveName, string exclusiveName, double number, bool below)
    {
        var exclusive = rule[exclusiveName];
        if (rule.TryGetValue(inclusiveName, out var bound) && bound.IsNumber)
        {
            var strict = exclusive.IsBool && exclusive.AsBool;
            if (!Within(number, bound.AsNumber, below, strict))
            {
                return false;
            }
        }
        return !exclusive.IsNumber || Within(number, exclusive.AsNumber, below, strict: true);
    }

    private static bool Within(double number, double bound, bool below, bool strict) =>
        below ? (strict ? number < bound : number <= bound) : (strict ? number > bound : number >= bound);

    private static bool IsMultiple(double number, double divisor)
    {
        var quotient = number / divisor;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private static bool MatchesString(C8Object rule, C8Value value)
    {
        if (!value.IsString)
        {
            return true;
        }
        var text = value.AsString;
        var length = CodePoints.Count(text);
        return (!rule.TryGetValue("minLength", out var min) || !min.IsNumber || length >= min.AsNumber)
            && (!rule.TryGetValue("maxLength", out var max) || !max.IsNumber || length <= max.AsNumber)
            && (!rule.TryGetValue("pattern", out var pattern) || !pattern.IsString || Search(pattern.AsString, text));
    }

    private static bool Search(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            throw C8Errors.BadRequest($"pattern in schema takes too long to match: {pattern}");
        }
        catch (ArgumentException)
        {
            throw C8Errors.BadRequest($"invalid pattern in schema: {pattern}");
        }
    }

    private bool MatchesArray(C8Object rule, C8Value value, int depth)
    {
        if (!value.IsArray)
        {
            return true;
        }
        var items = value.AsArray;
        if ((rule.TryGetValue("minItems", out var min) && min.IsNumber && items.Count < min.AsNumber)
            || (rule.TryGetValue("maxItems", out var max) && max.IsNumber && items.Count > max.AsNumber))
        {
            return false;
        }
        if (rule["uniqueItems"] is { IsBool: true, AsBool: true } && items.Distinct(C8ValueEquality.Instance).Count() != items.Count)
        {
            return false;
        }
        if (rule.TryGetValue("contains", out var contains) && !items.Any(item => Matches(contains, item, depth + 1)))
        {
            return false;
        }
        var itemRule = rule["items"];
        if (!itemRule.IsArray)
        {
            return itemRule.IsNull || items.All(item => Matches(itemRule, item, depth + 1));
        }
        var positional = itemRule.AsArray;
        var rest = rule["additionalItems"];
        for (var i = 0; i < items.Count; i++)
        {
            var applies = i < positional.Count ? positional[i] : rest;
            if (!applies.IsNull && !Matches(applies, items[i], depth + 1))
            {
                return false;
            }
        }
        return true;
    }

    private bool MatchesObject(C8Object rule, C8Value value, int depth)
    {
        if (!value.IsObject)
        {
            return true;
        }
        var obj = value.AsObject;
        if ((rule.TryGetValue("minProperties", out var min) && min.IsNumber && obj.Count < min.AsNumber)
            || (rule.TryGetValue("maxProperties", out var max) && max.IsNumber && obj.Count > max.AsNumber)
            || (rule.TryGetValue("required", out var required) && required.IsArray
                && !required.AsArray.All(name => name.IsString && obj.ContainsKey(name.AsString))))
        {
            return false;
        }
        var properties = rule["properties"];
        var patterns = rule["patternProperties"];
        var additional = rule["additionalProperties"];
        var names = rule["propertyNames"];
        foreach (var (name, item) in obj)
        {
            if (!names.IsNull && !Matches(names, C8Value.From(name), depth + 1))
            {
                return false;
            }
            var declared = properties[name];
            var covered = properties.IsObject && properties.AsObject.ContainsKey(name);
            if (covered && !Matches(declared, item, depth + 1))
            {
                return false;
            }
            if (patterns.IsObject)
            {
                foreach (var (pattern, patternRule) in patterns.AsObject)
                {
                    if (Search(pattern, name))
                    {
                        covered = true;
                        if (!Matches(patternRule, item, depth + 1))
                        {
                            return false;
                        }
                    }
                }
            }
            if (!covered && !additional.IsNull && !Matches(additional, item, depth + 1))
            {
                return false;
            }
        }
        return MatchesDependencies(rule["dependencies"], obj, depth);
    }

    private bool MatchesDependencies(C8Value dependencies, C8Object obj, int depth)
    {
        if (!dependencies.IsObject)
        {
            return true;
        }
        foreach (var (name, dependency) in dependencies.AsObject)
        {
            if (!obj.ContainsKey(name))
            {
                continue;
            }
            var holds = dependency.IsArray
                ? dependency.AsArray.All(other => other.IsString && obj.ContainsKey(other.AsString))
                : Matches(dependency, C8Value.From(obj), depth + 1);
            if (!holds)
            {
                return false;
            }
        }
        return true;
    }

    private bool MatchesCombinations(C8Object rule, C8Value value, int depth)
    {
        if (rule.TryGetValue("allOf", out var all) && all.IsArray && !all.AsArray.All(s => Matches(s, value, depth + 1)))
        {
            return false;
        }
        if (rule.TryGetValue("anyOf", out var any) && any.IsArray && !any.AsArray.Any(s => Matches(s, value, depth + 1)))
        {
            return false;
        }
        if (rule.TryGetValue("oneOf", out var one) && one.IsArray && one.AsArray.Count(s => Matches(s, value, depth + 1)) != 1)
        {
            return false;
        }
        if (rule.TryGetValue("not", out var not) && Matches(not, value, depth + 1))
        {
            return false;
        }
        if (rule.TryGetValue("if", out var condition))
        {
            var branch = Matches(condition, value, depth + 1) ? rule["then"] : rule["else"];
            return branch.IsNull || Matches(branch, value, depth + 1);
        }
        return true;
    }
}
