using System.Collections.Generic;
using System.Management.Automation;
using PSC8.Json;

namespace PSC8.Json;

/// <summary>
/// How PowerShell objects become JSON: a PSObject stands for what it wraps, except a PSCustomObject, which is a
/// property bag; other objects contribute the properties PowerShell shows for them (as ConvertTo-Json does).
/// </summary>
internal sealed class PSObjectShape : IObjectShape
{
    private const PSMemberTypes ValueMembers =
        PSMemberTypes.NoteProperty | PSMemberTypes.Property | PSMemberTypes.ScriptProperty | PSMemberTypes.AliasProperty | PSMemberTypes.CodeProperty;

    public static PSObjectShape Instance { get; } = new();

    private PSObjectShape()
    {
    }

    public object? Unwrap(object value) =>
        value is PSObject wrapper && wrapper.BaseObject is not PSCustomObject ? wrapper.BaseObject : value;

    public bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var list = new List<KeyValuePair<string, object?>>();
        foreach (var property in PSObject.AsPSObject(value).Properties)
        {
            if ((property.MemberType & ValueMembers) == 0 || !property.IsGettable)
            {
                continue;
            }

            object? propertyValue;
            try
            {
                propertyValue = property.Value;
            }
            catch (GetValueException)
            {
                // A getter that throws has no value to store; ConvertTo-Json skips such properties too.
                continue;
            }

            list.Add(new KeyValuePair<string, object?>(property.Name, propertyValue));
        }

        properties = list;
        return true;
    }
}
