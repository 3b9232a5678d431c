namespace PSC8.Server.Model;

/// <summary>JSON value kinds, declared in C8QL's type order (null &lt; bool &lt; number &lt; string &lt; array &lt; object).</summary>
public enum C8Type : byte
{
    Null = 0,
    Bool = 1,
    Number = 2,
    String = 3,
    Array = 4,
    Object = 5,
}

/// <summary>
/// An immutable JSON value: the one document and query value model of C8 Local.
/// A struct so that numbers, booleans and null cost no allocation in query pipelines. A number is held either as a
/// 64-bit integer, kept exact (as GDN keeps integers), or as a double; both are of type <see cref="C8Type.Number"/>
/// and compare, hash and print alike where their values are equal.
/// </summary>
public readonly struct C8Value
{
    private readonly object? _ref;

    /// <summary>An integer, a double's bits, or 1 / 0 for a boolean.</summary>
    private readonly long _bits;

    private readonly bool _integer;

    private C8Value(C8Type type, long bits, bool integer, object? reference)
    {
        Type = type;
        _bits = bits;
        _integer = integer;
        _ref = reference;
    }

    public C8Type Type { get; }

    public static C8Value Null => default;
    public static C8Value True { get; } = new(C8Type.Bool, 1, false, null);
    public static C8Value False { get; } = new(C8Type.Bool, 0, false, null);
    public static C8Value EmptyString { get; } = new(C8Type.String, 0, false, string.Empty);
    public static C8Value EmptyArray { get; } = new(C8Type.Array, 0, false, Array.Empty<C8Value>());

    public static C8Value From(bool value) => value ? True : False;

    /// <summary>NaN and infinities have no JSON form; C8QL turns them into null.</summary>
    public static C8Value From(double value) =>
        double.IsFinite(value) ? new C8Value(C8Type.Number, BitConverter.DoubleToInt64Bits(value), false, null) : Null;

    public static C8Value From(long value) => new(C8Type.Number, value, true, null);

    public static C8Value From(string? value) => value is null ? Null : new C8Value(C8Type.String, 0, false, value);

    public static C8Value From(IReadOnlyList<C8Value> items) => new(C8Type.Array, 0, false, items);

    public static C8Value From(C8Object obj) => new(C8Type.Object, 0, false, obj);

    public bool IsNull => Type == C8Type.Null;
    public bool IsBool => Type == C8Type.Bool;
    public bool IsNumber => Type == C8Type.Number;
    public bool IsString => Type == C8Type.String;
    public bool IsArray => Type == C8Type.Array;
    public bool IsObject => Type == C8Type.Object;

    /// <summary>A number held as an exact 64-bit integer.</summary>
    public bool IsInteger => Type == C8Type.Number && _integer;

    public bool AsBool => Type == C8Type.Bool ? _bits != 0 : throw WrongType(C8Type.Bool);

    /// <summary>Any number as a double (integers beyond 2^53 round to the nearest double).</summary>
    public double AsNumber => Type == C8Type.Number ? (_integer ? _bits : BitConverter.Int64BitsToDouble(_bits)) : throw WrongType(C8Type.Number);
    public string AsString => Type == C8Type.String ? (string)_ref! : throw WrongType(C8Type.String);
    public IReadOnlyList<C8Value> AsArray => Type == C8Type.Array ? (IReadOnlyList<C8Value>)_ref! : throw WrongType(C8Type.Array);
    public C8Object AsObject => Type == C8Type.Object ? (C8Object)_ref! : throw WrongType(C8Type.Object);

    public bool TryGetInteger(out long value)
    {
        value = _integer && Type == C8Type.Number ? _bits : 0;
        return _integer && Type == C8Type.Number;
    }

    public bool TryGetString(out string value)
    {
        value = Type == C8Type.String ? (string)_ref! : string.Empty;
        return Type == C8Type.String;
    }

    public bool TryGetObject(out C8Object value)
    {
        value = Type == C8Type.Object ? (C8Object)_ref! : C8Object.Empty;
        return Type == C8Type.Object;
    }

    /// <summary>Attribute of an object value; null for missing attributes and for non-objects.</summary>
    public C8Value this[string attribute] => Type == C8Type.Object ? ((C8Object)_ref!)[attribute] : Null;

    public override string ToString() => C8Json.Serialize(this);

    private InvalidOperationException WrongType(C8Type wanted) =>
        new($"Value is {Type}, not {wanted}.");
}
