using System.Xml.Linq;

namespace PSC8.Module.Tests.Module;

/// <summary>PSC8.Format.ps1xml: a short table view for every object the cmdlets return.</summary>
public sealed class FormatTests : IDisposable
{
    private readonly ModuleMetadata _module = ModuleMetadata.Load();
    private readonly XDocument _format = XDocument.Load(RepositoryPaths.FormatFile);

    public void Dispose() => _module.Dispose();

    [Fact]
    public void Every_returned_type_has_a_view()
    {
        var viewed = Views().Select(v => v.TypeName).ToHashSet(StringComparer.Ordinal);
        var returned = _module.Cmdlets.SelectMany(c => c.OutputTypes)
            // PowerShell formats its own and .NET's types (FileInfo, strings); the module formats what it defines.
            .Where(t => !t.FullName!.StartsWith("System.", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .Append("PSC8.Document")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(returned.Order(StringComparer.Ordinal), viewed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Table_views_are_short_and_name_real_properties()
    {
        foreach (var (typeName, table) in Views())
        {
            var headers = table.Descendants("TableColumnHeader").Count();
            var items = table.Descendants("TableColumnItem").ToArray();
            Assert.True(headers <= 5, typeName + " has " + headers + " columns");
            Assert.Equal(headers, items.Length);

            var type = TypeOf(typeName);
            foreach (var property in items.Elements("PropertyName").Select(p => p.Value))
            {
                Assert.True(type is null ? property.StartsWith('_') : type.GetProperty(property) is not null, typeName + " has no property " + property);
            }
        }
    }

    private IEnumerable<(string TypeName, XElement Table)> Views() =>
        _format.Descendants("View").Select(v => (v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, v.Element("TableControl")!));

    /// <summary>The .NET type a view is for; null for PSC8.Document, which is a PSObject type name.</summary>
    private Type? TypeOf(string typeName)
    {
        if (typeName == "PSC8.Document")
        {
            return null;
        }

        return _module.Assembly.GetType(typeName)
            ?? _module.Cmdlets.SelectMany(c => c.OutputTypes).FirstOrDefault(t => t.FullName == typeName)
            ?? throw new InvalidOperationException("No type " + typeName);
    }
}
