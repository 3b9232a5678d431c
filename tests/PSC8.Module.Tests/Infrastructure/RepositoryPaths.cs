using System.Reflection;

namespace PSC8.Module.Tests.Infrastructure;

/// <summary>Where the sources and build outputs the module tests read are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "PSC8.psd1");

    public static string ModuleSource => Path.Combine(Root, "src", "PSC8");

    public static string FormatFile => Path.Combine(ModuleSource, "PSC8.Format.ps1xml");

    public static string HelpFile => Path.Combine(ModuleSource, "en-US", "PSC8.dll-Help.xml");

    /// <summary>The module manifest copied next to the tests with the format file and help, beside PSC8.dll.</summary>
    public static string HostedManifest => Path.Combine(AppContext.BaseDirectory, "PSC8.psd1");

    /// <summary>The compiled cmdlet assembly, as copied next to the tests.</summary>
    public static string ModuleAssembly => Path.Combine(AppContext.BaseDirectory, "PSC8.dll");

    /// <summary>PSC8's own build output (same configuration as the tests), which holds its netstandard2.0 dependencies.</summary>
    public static string ModuleBuildOutput =>
        Path.Combine(ModuleSource, "bin", typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug", "netstandard2.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PSC8.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PSC8.sln not found above " + AppContext.BaseDirectory);
    }
}
