using System.Collections.Generic;

namespace PSC8.Json;

/// <summary>
/// How the document writer sees objects it does not know: PowerShell wraps values in PSObjects and builds
/// property bags (PSCustomObject); the cmdlets supply a shape that understands them, tests a plain one.
/// </summary>
internal interface IObjectShape
{
    /// <summary>The value to serialise for <paramref name="value"/>: the wrapped object, or the value itself.</summary>
    object? Unwrap(object value);

    /// <summary>The properties of an object serialised as a JSON object; false when it has none to offer.</summary>
    bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties);
}
