namespace PSC8.Server.Query.Sql;

/// <summary>
/// A SQL query as C8QL text with its literals already bound; <see cref="Bind"/> adds the request's positional
/// parameters, which GDN's drivers send as bindVars keyed "1", "2", … (a leading '$' is accepted too).
/// </summary>
internal sealed record SqlTranslation(string C8ql, C8Object Literals, IReadOnlyList<int> Parameters)
{
    public static string ParameterName(int number) => "p" + number.ToString(CultureInfo.InvariantCulture);

    public C8Object Bind(C8Object bindVars)
    {
        var bound = new C8Object.Builder().AddRange(Literals);
        foreach (var number in Parameters)
        {
            var key = number.ToString(CultureInfo.InvariantCulture);
            var value = bindVars.TryGetValue(key, out var plain) ? plain
                : bindVars.TryGetValue("$" + key, out var dollared) ? dollared
                : throw C8Errors.BadRequest($"SQL error: no value for parameter ${key} in bindVars");
            bound.Set(ParameterName(number), value);
        }
        return bound.Build();
    }
}
