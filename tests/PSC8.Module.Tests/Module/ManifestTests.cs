using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace PSC8.Module.Tests.Module;

/// <summary>PSC8.psd1 and what build.ps1 assembles from it (the FileList is the module folder's exact content).</summary>
public sealed class ManifestTests
{
    private readonly ManifestFile _manifest = ManifestFile.Load();

    [Fact]
    public void The_manifest_version_is_the_one_version_of_Directory_Build_props()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;

        Assert.Equal(version, _manifest.Value("ModuleVersion"));
        using var module = ModuleMetadata.Load();
        Assert.Equal(Version.Parse(version), new Version(module.Assembly.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void The_manifest_declares_what_PowerShell_needs_to_load_the_module_everywhere()
    {
        Assert.Equal("PSC8.dll", _manifest.Value("RootModule"));
        Assert.Equal(new[] { "Desktop", "Core" }, _manifest.List("CompatiblePSEditions"));
        Assert.Equal("5.1", _manifest.Value("PowerShellVersion"));
        Assert.Equal("4.7.2", _manifest.Value("DotNetFrameworkVersion"));
        Assert.Equal(new[] { "PSC8.Format.ps1xml" }, _manifest.List("FormatsToProcess"));
        Assert.Empty(_manifest.List("FunctionsToExport")!);
        Assert.Empty(_manifest.List("VariablesToExport")!);
        Assert.Empty(_manifest.List("AliasesToExport")!);
        Assert.Subset(_manifest.List("Tags")!.ToHashSet(), new HashSet<string> { "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS" });
    }

    [Fact]
    public void The_package_says_its_licence_and_what_changed_and_ships_the_licence()
    {
        Assert.Equal("https://opensource.org/licenses/MIT", _manifest.Value("LicenseUri"));
        Assert.False(string.IsNullOrWhiteSpace(_manifest.Value("ReleaseNotes")));
        Assert.Contains("LICENSE", _manifest.List("FileList")!);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_folder_holds_the_module_and_never_System_Management_Automation()
    {
        var files = _manifest.List("FileList")!;
        Assert.Subset(files.ToHashSet(), new HashSet<string> { "PSC8.psd1", "PSC8.dll", "PSC8.Client.dll", "PSC8.Format.ps1xml", "en-US/PSC8.dll-Help.xml" });
        Assert.DoesNotContain("System.Management.Automation.dll", files);
        Assert.All(files, f => Assert.True(File.Exists(SourceOf(f)), f + " has no source at " + SourceOf(f)));
    }

    [Fact]
    public void The_module_folder_ships_exactly_the_runtime_closure_of_the_cmdlet_assembly()
    {
        var shipped = _manifest.List("FileList")!.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(shipped, RuntimeClosure("PSC8").Select(n => n + ".dll").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void System_Text_Json_is_not_newer_than_PowerShell_7_4_ships()
    {
        var reference = References(Path.Combine(RepositoryPaths.ModuleBuildOutput, "PSC8.Client.dll")).Single(r => r.Name == "System.Text.Json");
        Assert.True(reference.Version!.Major <= 8, "PSC8.Client asks for System.Text.Json " + reference.Version);
    }

    /// <summary>Where build.ps1 takes a FileList entry from.</summary>
    private static string SourceOf(string file) => file switch
    {
        "PSC8.psd1" => RepositoryPaths.Manifest,
        "LICENSE" => Path.Combine(RepositoryPaths.Root, "LICENSE"),
        _ when file.EndsWith(".dll", StringComparison.Ordinal) => Path.Combine(RepositoryPaths.ModuleBuildOutput, file),
        _ => Path.Combine(RepositoryPaths.ModuleSource, file),
    };

    /// <summary>
    /// The assemblies a module assembly needs at run time that are not part of .NET itself: its references found
    /// in the build output, recursively, except System.Management.Automation, which PowerShell provides.
    /// </summary>
    private static SortedSet<string> RuntimeClosure(string root)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(new[] { root });
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            var path = Path.Combine(RepositoryPaths.ModuleBuildOutput, name + ".dll");
            if (name == "System.Management.Automation" || !File.Exists(path) || !found.Add(name))
            {
                continue;
            }

            foreach (var reference in References(path))
            {
                pending.Push(reference.Name!);
            }
        }

        return found;
    }

    private static IReadOnlyList<System.Reflection.AssemblyName> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToArray();
    }
}
