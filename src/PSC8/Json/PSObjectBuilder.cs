using System.Management.Automation;
using PSC8.Json;

namespace PSC8.Json;

/// <summary>Builds the PSObjects JSON objects become (PSCustomObjects with note properties).</summary>
internal sealed class PSObjectBuilder : IObjectBuilder<PSObject>
{
    public static PSObjectBuilder Instance { get; } = new();

    private PSObjectBuilder()
    {
    }

    public PSObject Create(string? typeName)
    {
        var value = new PSObject();
        if (typeName is not null)
        {
            value.TypeNames.Insert(0, typeName);
        }

        return value;
    }

    public void Set(PSObject target, string name, object? value)
    {
        // PowerShell property names are case-insensitive, so "a" and "A" in one JSON object share one property.
        if (target.Properties[name] is PSPropertyInfo existing)
        {
            existing.Value = value;
            return;
        }

        target.Properties.Add(new PSNoteProperty(name, value));
    }
}
