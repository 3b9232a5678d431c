using System.Xml.Linq;

namespace PSC8.Module.Tests.Module;

/// <summary>en-US/PSC8.dll-Help.xml: every cmdlet documented with synopsis, description, each parameter and examples.</summary>
public sealed class HelpTests : IDisposable
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly ModuleMetadata _module = ModuleMetadata.Load();
    private readonly Dictionary<string, XElement> _help = XDocument.Load(RepositoryPaths.HelpFile).Root!
        .Elements(Command + "command")
        .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value.Trim(), StringComparer.Ordinal);

    public void Dispose() => _module.Dispose();

    public static TheoryData<string> Cmdlets()
    {
        using var module = ModuleMetadata.Load();
        var data = new TheoryData<string>();
        foreach (var cmdlet in module.Cmdlets)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    [Fact]
    public void The_help_file_documents_exactly_the_cmdlets() =>
        Assert.Equal(_module.Cmdlets.Select(c => c.Name), _help.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Each_cmdlet_has_a_synopsis_a_description_and_examples(string name)
    {
        var help = _help[name];
        var cmdlet = _module[name];

        Assert.False(string.IsNullOrWhiteSpace(Text(help.Element(Command + "details")!.Element(Maml + "description"))), name + ": no synopsis");
        Assert.False(string.IsNullOrWhiteSpace(Text(help.Element(Maml + "description"))), name + ": no description");
        Assert.Equal(cmdlet.Verb, help.Element(Command + "details")!.Element(Command + "verb")!.Value);
        Assert.Equal(cmdlet.Noun, help.Element(Command + "details")!.Element(Command + "noun")!.Value);

        var examples = help.Element(Command + "examples")?.Elements(Command + "example").ToArray() ?? Array.Empty<XElement>();
        Assert.NotEmpty(examples);
        Assert.All(examples, e =>
        {
            Assert.Contains(name, e.Element(Dev + "code")!.Value, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(Text(e.Element(Dev + "remarks"))), name + ": an example is not explained");
        });
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Each_parameter_is_documented(string name)
    {
        var help = _help[name];
        var cmdlet = _module[name];
        var documented = help.Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value, StringComparer.Ordinal);
        var risk = cmdlet.SupportsShouldProcess ? new[] { "Confirm", "WhatIf" } : Array.Empty<string>();
        var shown = cmdlet.Parameters.Where(p => !p.DontShow).ToArray();

        Assert.Equal(shown.Select(p => p.Name).Concat(risk).Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (parameter, element) in documented)
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(element.Element(Maml + "description"))), name + " -" + parameter + ": no description");
        }

        foreach (var parameter in shown)
        {
            var element = documented[parameter.Name];
            Assert.Equal(parameter.Mandatory ? "true" : "false", element.Attribute("required")!.Value);
            Assert.Equal(parameter.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named", element.Attribute("position")!.Value);
        }

        var syntaxNames = help.Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .SelectMany(s => s.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Subset(syntaxNames, shown.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void The_help_file_is_what_its_sources_and_the_cmdlets_make()
    {
        var generated = Path.Combine(Path.GetTempPath(), "psc8-help-" + Guid.NewGuid().ToString("N") + ".xml");
        using var shell = new PowerShellSession()
            .Set("Script", Path.Combine(RepositoryPaths.Root, "tools", "Build-Help.ps1"))
            .Set("Generated", generated);
        try
        {
            shell.Run("& $Script -Module (Get-Module PSC8).Path.Replace('PSC8.dll', 'PSC8.psd1') -Destination $Generated").ShouldSucceed();

            // When this fails, run ./build.ps1 -Task Help and commit the regenerated file.
            Assert.Equal(File.ReadAllText(RepositoryPaths.HelpFile), File.ReadAllText(generated));
        }
        finally
        {
            File.Delete(generated);
        }
    }

    private static string Text(XElement? element) => element is null ? string.Empty : string.Concat(element.Descendants(Maml + "para").Select(p => p.Value));
}
