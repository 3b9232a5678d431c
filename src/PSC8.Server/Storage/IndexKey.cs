using System.Buffers.Binary;
using SQLitePCL;

namespace PSC8.Server.Storage;

/// <summary>
/// The SQL functions an index of C8 Local is built on: SQLite keeps expression indexes over them up to date on every
/// write of a document (replicated ones too) with no bookkeeping of ours. <c>c8_index_key(body, path, sparse)</c> is
/// an attribute's value as bytes whose order (memcmp, SQLite's BLOB order) follows C8QL's type order (null, bool,
/// number, string, array, object) and, within null, booleans and numbers, the value order. Strings compare by their
/// UTF-8 bytes, not by C8QL's collation, so an index finds equal strings exactly but string ranges only by type:
/// the engine always checks its FILTER again on what an index returns.
/// </summary>
internal static class IndexKey
{
    public const string KeyFunction = "c8_index_key";
    public const string TtlFunction = "c8_ttl_key";

    private const byte NullTag = 1;
    private const byte FalseTag = 2;
    private const byte TrueTag = 3;
    private const byte NumberTag = 4;
    private const byte StringTag = 5;
    private const byte ArrayTag = 6;
    private const byte ObjectTag = 7;

    /// <summary>Registers the functions on a connection; every connection to a region's database needs them.</summary>
    public static void Register(SqliteConnection connection)
    {
        // Registered on SQLite itself: Microsoft.Data.Sqlite's wrapper copies the body and the path into new arrays on
        // every call, and every write of an indexed document calls this once per index.
        RawStatement.Check(raw.sqlite3_create_function(connection.Handle!, KeyFunction, 3, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, null, KeyOf), connection.Handle!);
        connection.CreateFunction<byte[], string, double?>(TtlFunction, (body, path) => ExpirySeconds(body, path), isDeterministic: true);
        connection.CreateFunction<byte[], string, string, long, byte[]?>(GeoKey.Function,
            (body, location, longitude, geoJson) => GeoKey.Of(body, location, longitude, geoJson != 0), isDeterministic: true);
        connection.CreateFunction<byte[], string, long, string>(FulltextWords.Function,
            (body, attribute, minLength) => FulltextWords.Of(body, attribute, minLength), isDeterministic: true);
        connection.CreateFunction<byte[], string, string>(ElementKeys.Function, (body, attribute) => ElementKeys.Of(body, attribute), isDeterministic: true);
    }

    /// <summary><c>c8_index_key(body, path, sparse)</c>, reading the arguments where SQLite holds them (a text's bytes are its UTF-8).</summary>
    private static void KeyOf(sqlite3_context context, object userData, sqlite3_value[] arguments)
    {
        var key = Of(raw.sqlite3_value_blob(arguments[0]), raw.sqlite3_value_blob(arguments[1]), raw.sqlite3_value_int64(arguments[2]) != 0);
        if (key is null)
        {
            raw.sqlite3_result_null(context);
        }
        else
        {
            raw.sqlite3_result_blob(context, key);
        }
    }

    /// <summary>The key of the attribute at the UTF-8 <paramref name="path"/> (dotted); null when sparse and the value is null or missing.</summary>
    public static byte[]? Of(ReadOnlySpan<byte> body, ReadOnlySpan<byte> path, bool sparse)
    {
        var reader = new Utf8JsonReader(body);
        if (!MoveTo(ref reader, path))
        {
            return sparse ? null : [NullTag];
        }
        var key = KeyAt(ref reader);
        return sparse && IsNullKey(key) ? null : key;
    }

    /// <summary>
    /// The keys of several attributes (as <see cref="Of"/> gives them, not sparse) into <paramref name="keys"/>, reading
    /// the body once for those at its top level: a document written with several indexes is read once, not per index.
    /// The paths are distinct.
    /// </summary>
    public static void OfAll(ReadOnlySpan<byte> body, byte[][] paths, byte[]?[] keys)
    {
        var wanted = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            var nested = paths[i].AsSpan().IndexOf((byte)'.') >= 0;
            keys[i] = nested ? Of(body, paths[i], sparse: false) : null;
            wanted += nested ? 0 : 1;
        }
        var reader = new Utf8JsonReader(body);
        if (wanted > 0 && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (wanted > 0 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // The first of equal names counts, as for Of; a later one is skipped like any other attribute.
                var found = -1;
                for (var i = 0; i < paths.Length && found < 0; i++)
                {
                    found = keys[i] is null && reader.ValueTextEquals(paths[i]) ? i : -1;
                }
                reader.Read();
                if (found < 0)
                {
                    reader.Skip();
                    continue;
                }
                keys[found] = KeyAt(ref reader);
                wanted--;
            }
        }
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] ??= [NullTag];
        }
    }

    /// <summary>The key of the value whose first token the reader is at.</summary>
    private static byte[] KeyAt(ref Utf8JsonReader reader)
    {
        // The common scalars straight from the token; the rest through a value.
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return Tagged(StringTag, reader.ValueSpan);
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number):
                return Encode(C8Value.From(number));
            case JsonTokenType.True:
                return [TrueTag];
            case JsonTokenType.False:
                return [FalseTag];
            case JsonTokenType.Null:
                return [NullTag];
        }
        return Encode(C8Json.ReadValue(ref reader));
    }

    public static byte[] Encode(C8Value value)
    {
        switch (value.Type)
        {
            case C8Type.Null:
                return [NullTag];
            case C8Type.Bool:
                return [value.AsBool ? TrueTag : FalseTag];
            case C8Type.Number:
                var number = value.AsNumber;
                var bits = BitConverter.DoubleToInt64Bits(number == 0 ? 0.0 : number);
                // Flip negative numbers entirely and the sign of the others: the bytes then sort as the numbers do.
                var ordered = bits < 0 ? (ulong)~bits : (ulong)bits ^ 0x8000_0000_0000_0000UL;
                var key = new byte[9];
                key[0] = NumberTag;
                BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), ordered);
                return key;
            case C8Type.String:
                return Tagged(StringTag, Encoding.UTF8.GetBytes(value.AsString));
            default:
                return Tagged(value.IsArray ? ArrayTag : ObjectTag, C8Json.SerializeToUtf8(value));
        }
    }

    /// <summary>
    /// The value a key was made from, where the key alone tells: booleans, strings, and numbers below 2^53 (beyond,
    /// a double may stand for several integers). Null, arrays and objects are not decoded (a null key may also be a
    /// missing attribute, and array and object keys are only their JSON text).
    /// </summary>
    public static bool TryDecode(byte[] key, out C8Value value)
    {
        value = C8Value.Null;
        switch (key[0])
        {
            case FalseTag or TrueTag:
                value = C8Value.From(key[0] == TrueTag);
                return true;
            case StringTag:
                // A replacement character may stand for a lone surrogate the key could not hold.
                var text = Encoding.UTF8.GetString(key.AsSpan(1));
                value = C8Value.From(text);
                return !text.Contains('\uFFFD', StringComparison.Ordinal);
            case NumberTag:
                var ordered = BinaryPrimitives.ReadUInt64BigEndian(key.AsSpan(1));
                var bits = (ordered & 0x8000_0000_0000_0000UL) != 0 ? (long)(ordered ^ 0x8000_0000_0000_0000UL) : ~(long)ordered;
                var number = BitConverter.Int64BitsToDouble(bits);
                value = C8Value.From(number);
                return Math.Abs(number) < 9007199254740992.0;
            default:
                return false;
        }
    }

    /// <summary>The first key of a type's values; <paramref name="value"/>'s type, or the type after it.</summary>
    public static byte[] TypeStart(C8Value value, bool next = false) => [(byte)(TypeTag(value) + (next ? 1 : 0))];

    /// <summary>Whether the value's key order within its type is its C8QL order (null, bool, number).</summary>
    public static bool OrdersExactly(C8Value value) => value.Type is C8Type.Null or C8Type.Bool or C8Type.Number;

    /// <summary>Whether equal keys mean equal values and the other way round (arrays and objects have equal values of different text).</summary>
    public static bool MatchesExactly(C8Value value) => !value.IsArray && !value.IsObject;

    public static bool IsNullKey(byte[] key) => key.Length == 1 && key[0] == NullTag;

    private static byte TypeTag(C8Value value) => value.Type switch
    {
        C8Type.Null => NullTag,
        C8Type.Bool => FalseTag,
        C8Type.Number => NumberTag,
        C8Type.String => StringTag,
        C8Type.Array => ArrayTag,
        _ => ObjectTag,
    };

    /// <summary>
    /// When a document expires by a TTL index's attribute, in seconds since the epoch: the attribute's number
    /// (seconds) or date string; null when it has neither, so the document never expires.
    /// </summary>
    public static double? ExpirySeconds(ReadOnlySpan<byte> body, string path)
    {
        var value = Extract(body, path);
        if (value.IsNumber)
        {
            return value.AsNumber;
        }
        if (value.TryGetString(out var text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUnixTimeMilliseconds() / 1000.0;
        }
        return null;
    }

    private static byte[] Tagged(byte tag, ReadOnlySpan<byte> bytes)
    {
        var key = new byte[bytes.Length + 1];
        key[0] = tag;
        bytes.CopyTo(key.AsSpan(1));
        return key;
    }

    /// <summary>The value at a dotted path of a stored body; null when any step is missing or not an object.</summary>
    public static C8Value Extract(ReadOnlySpan<byte> body, string path)
    {
        var reader = new Utf8JsonReader(body);
        return MoveTo(ref reader, Encoding.UTF8.GetBytes(path)) ? C8Json.ReadValue(ref reader) : C8Value.Null;
    }

    /// <summary>Moves the reader onto the first token of the value at the dotted UTF-8 path; false when a step is missing or not an object.</summary>
    private static bool MoveTo(ref Utf8JsonReader reader, ReadOnlySpan<byte> path)
    {
        while (true)
        {
            var dot = path.IndexOf((byte)'.');
            var name = dot < 0 ? path : path[..dot];
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !FindAttribute(ref reader, name))
            {
                return false;
            }
            if (dot < 0)
            {
                return reader.Read();
            }
            path = path[(dot + 1)..];
        }
    }

    /// <summary>Moves to the named attribute of the object the reader is at; false when it has none.</summary>
    private static bool FindAttribute(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
            reader.Read();
            reader.Skip();
        }
        return false;
    }
}
