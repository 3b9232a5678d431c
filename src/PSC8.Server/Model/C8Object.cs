using System.Collections;

namespace PSC8.Server.Model;

/// <summary>
/// An immutable JSON object that keeps attribute order (documents are returned as they were written).
/// Small objects are searched linearly; larger ones get a lookup table.
/// </summary>
public sealed class C8Object : IReadOnlyCollection<KeyValuePair<string, C8Value>>
{
    // Up to 16 attributes a linear search of short strings beats hashing, and stored documents (user attributes
    // plus _key, _id and _rev) mostly stay under it: building a lookup table for each of them was a measurable
    // part of every bulk insert and document decode.
    private const int IndexThreshold = 16;

    private readonly string[] _keys;
    private readonly C8Value[] _values;
    private readonly Dictionary<string, int>? _index;

    public static C8Object Empty { get; } = new(Array.Empty<string>(), Array.Empty<C8Value>(), 0);

    private C8Object(string[] keys, C8Value[] values, int count)
    {
        if (keys.Length != count)
        {
            Array.Resize(ref keys, count);
            Array.Resize(ref values, count);
        }
        _keys = keys;
        _values = values;
        if (count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                _index[keys[i]] = i;
            }
        }
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public C8Value this[string key] => TryGetValue(key, out var value) ? value : C8Value.Null;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out C8Value value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : C8Value.Null;
        return i >= 0;
    }

    /// <summary>A copy with <paramref name="key"/> set, kept in place when it exists, appended otherwise.</summary>
    public C8Object With(string key, C8Value value)
    {
        var builder = new Builder(Count + 1);
        builder.AddRange(this);
        builder.Set(key, value);
        return builder.Build();
    }

    public C8Object Without(string key)
    {
        if (!ContainsKey(key))
        {
            return this;
        }
        var builder = new Builder(Count);
        foreach (var pair in this)
        {
            if (pair.Key != key)
            {
                builder.Add(pair.Key, pair.Value);
            }
        }
        return builder.Build();
    }

    /// <summary>Attributes in order; foreach takes the struct enumerator and allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, C8Value>> IEnumerable<KeyValuePair<string, C8Value>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Builds an object; setting an existing key replaces its value in place (JSON's last-wins rule).</summary>
    public sealed class Builder
    {
        private string[] _keys;
        private C8Value[] _values;
        private int _count;
        private Dictionary<string, int>? _positions;

        public Builder(int capacity = 4)
        {
            capacity = Math.Max(capacity, 1);
            _keys = new string[capacity];
            _values = new C8Value[capacity];
        }

        public int Count => _count;

        /// <summary>Adds or replaces an attribute.</summary>
        public Builder Set(string key, C8Value value)
        {
            var i = Find(key);
            if (i >= 0)
            {
                _values[i] = value;
                return this;
            }
            return Append(key, value);
        }

        /// <summary>Same as <see cref="Set"/>: kept as the natural name while building from a reader.</summary>
        public Builder Add(string key, C8Value value) => Set(key, value);

        public Builder AddRange(C8Object source)
        {
            foreach (var pair in source)
            {
                Set(pair.Key, pair.Value);
            }
            return this;
        }

        public bool Remove(string key)
        {
            var i = Find(key);
            if (i < 0)
            {
                return false;
            }
            Array.Copy(_keys, i + 1, _keys, i, _count - i - 1);
            Array.Copy(_values, i + 1, _values, i, _count - i - 1);
            _count--;
            _positions = null;
            return true;
        }

        public bool TryGetValue(string key, out C8Value value)
        {
            var i = Find(key);
            value = i >= 0 ? _values[i] : C8Value.Null;
            return i >= 0;
        }

        public C8Object Build()
        {
            var built = _count == 0 ? Empty : new C8Object(_keys, _values, _count);
            _keys = Array.Empty<string>();
            _values = Array.Empty<C8Value>();
            _count = 0;
            _positions = null;
            return built;
        }

        private Builder Append(string key, C8Value value)
        {
            if (_count == _keys.Length)
            {
                var size = Math.Max(4, _count * 2);
                Array.Resize(ref _keys, size);
                Array.Resize(ref _values, size);
            }
            _keys[_count] = key;
            _values[_count] = value;
            _positions?.Add(key, _count);
            _count++;
            return this;
        }

        private int Find(string key)
        {
            if (_count > IndexThreshold)
            {
                if (_positions is null)
                {
                    _positions = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
                    for (var j = 0; j < _count; j++)
                    {
                        _positions[_keys[j]] = j;
                    }
                }
                return _positions.TryGetValue(key, out var found) ? found : -1;
            }
            for (var j = 0; j < _count; j++)
            {
                if (string.Equals(_keys[j], key, StringComparison.Ordinal))
                {
                    return j;
                }
            }
            return -1;
        }
    }

    /// <summary>
    /// Walks the attributes in order. A struct: every stored document is enumerated when it is written or read, and
    /// the compiler-built iterator this replaced was an allocation each time.
    /// </summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, C8Value>>
    {
        private readonly C8Object _object;
        private int _index;

        internal Enumerator(C8Object value)
        {
            _object = value;
            _index = -1;
        }

        public readonly KeyValuePair<string, C8Value> Current => new(_object._keys[_index], _object._values[_index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _object._keys.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
