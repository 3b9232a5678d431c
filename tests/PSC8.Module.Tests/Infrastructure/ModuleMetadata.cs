using System.Reflection;
using System.Runtime.InteropServices;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>
/// The compiled PSC8.dll read through System.Reflection.MetadataLoadContext: its cmdlets and their parameters, as
/// PowerShell would see them, without loading System.Management.Automation (a reference assembly here).
/// </summary>
internal sealed class ModuleMetadata : IDisposable
{
    private const string Sma = "System.Management.Automation.";

    private readonly MetadataLoadContext _context;

    private ModuleMetadata()
    {
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
        paths.Add(RepositoryPaths.ModuleAssembly);
        paths.Add(Path.Combine(AppContext.BaseDirectory, "PSC8.Client.dll"));
        paths.Add(SmaReferencePath());
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Assembly = _context.LoadFromAssemblyPath(RepositoryPaths.ModuleAssembly);
        Cmdlets = Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
            .Where(c => c.Attribute is not null)
            .Select(c => new CmdletInfo(c.Type, c.Attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public static ModuleMetadata Load() => new();

    public Assembly Assembly { get; }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo this[string name] => Cmdlets.Single(c => c.Name == name);

    public void Dispose() => _context.Dispose();

    /// <summary>System.Management.Automation from the PowerShellStandard.Library package (NuGet cache), else PSC8's build output.</summary>
    public static string SmaReferencePath()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var candidates = new[]
        {
            Path.Combine(packages, "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll"),
            Path.Combine(RepositoryPaths.ModuleBuildOutput, "System.Management.Automation.dll"),
        };
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("System.Management.Automation.dll (PowerShellStandard.Library) not found", candidates[0]);
    }

    /// <summary>Nullable.GetUnderlyingType compares with the runtime's Nullable&lt;&gt;, which a metadata-only type never is.</summary>
    internal static Type WithoutNullable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

    internal static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.FullName == Sma + name);

    internal static IEnumerable<CustomAttributeData> Attributes(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.Where(a => a.AttributeType.FullName == Sma + name);

    internal static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();
}

/// <summary>One cmdlet class and its [Cmdlet] attribute.</summary>
internal sealed class CmdletInfo
{
    public CmdletInfo(Type type, CustomAttributeData attribute)
    {
        Type = type;
        Verb = (string)attribute.ConstructorArguments[0].Value!;
        Noun = (string)attribute.ConstructorArguments[1].Value!;
        SupportsShouldProcess = ModuleMetadata.Named<bool>(attribute, "SupportsShouldProcess");
        // ConfirmImpact is an enum: None 0, Low 1, Medium 2 (the default), High 3.
        ConfirmImpact = attribute.NamedArguments.Any(a => a.MemberName == "ConfirmImpact") ? ModuleMetadata.Named<int>(attribute, "ConfirmImpact") : 2;
        OutputTypes = ModuleMetadata.Attributes(type.GetCustomAttributesData(), "OutputTypeAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => (Type)a.Value!)
            .ToArray();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attributes: ModuleMetadata.Attributes(p.GetCustomAttributesData(), "ParameterAttribute").ToArray()))
            .Where(p => p.Attributes.Length > 0)
            .Select(p => new ParameterInfo(p.Property, p.Attributes))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public Type Type { get; }

    public string Verb { get; }

    public string Noun { get; }

    public string Name => Verb + "-" + Noun;

    public bool SupportsShouldProcess { get; }

    public int ConfirmImpact { get; }

    public IReadOnlyList<Type> OutputTypes { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public ParameterInfo? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public override string ToString() => Name;
}

/// <summary>One parameter: a public property with one [Parameter] per parameter set.</summary>
internal sealed class ParameterInfo
{
    public ParameterInfo(PropertyInfo property, IReadOnlyList<CustomAttributeData> parameters)
    {
        Property = property;
        var attributes = property.GetCustomAttributesData();
        Sets = parameters.Select(p => ModuleMetadata.Named<string>(p, "ParameterSetName") ?? "__AllParameterSets").ToArray();
        Mandatory = parameters.Any(p => ModuleMetadata.Named<bool>(p, "Mandatory"));
        Position = parameters.Select(p => p.NamedArguments.Where(a => a.MemberName == "Position").Select(a => (int?)a.TypedValue.Value).FirstOrDefault()).FirstOrDefault(p => p is not null);
        FromPipeline = parameters.Any(p => ModuleMetadata.Named<bool>(p, "ValueFromPipeline"));
        FromPipelineByPropertyName = parameters.Any(p => ModuleMetadata.Named<bool>(p, "ValueFromPipelineByPropertyName"));
        DontShow = parameters.All(p => ModuleMetadata.Named<bool>(p, "DontShow"));
        Aliases = ModuleMetadata.Attributes(attributes, "AliasAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => (string)a.Value!)
            .ToArray();
        SupportsWildcards = ModuleMetadata.Attribute(attributes, "SupportsWildcardsAttribute") is not null;
        Completer = ModuleMetadata.Attribute(attributes, "ArgumentCompleterAttribute")?.ConstructorArguments.Select(a => a.Value).OfType<Type>().FirstOrDefault()?.Name;
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public Type Type => Property.PropertyType;

    /// <summary>The type without array or Nullable wrapping.</summary>
    public Type ElementType => Type.IsArray ? Type.GetElementType()! : ModuleMetadata.WithoutNullable(Type);

    public IReadOnlyList<string> Sets { get; }

    public bool Mandatory { get; }

    /// <summary>The position when it may be given without its name.</summary>
    public int? Position { get; }

    public bool FromPipeline { get; }

    public bool FromPipelineByPropertyName { get; }

    /// <summary>Hidden from completion and help: plumbing, not something a user passes.</summary>
    public bool DontShow { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool SupportsWildcards { get; }

    public string? Completer { get; }

    public IEnumerable<string> Names => Aliases.Prepend(Name);

    public override string ToString() => Name;
}
