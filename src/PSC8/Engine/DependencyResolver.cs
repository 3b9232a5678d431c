using System.Reflection;
using System.Runtime.InteropServices;

namespace PSC8.Engine;

/// <summary>
/// Windows PowerShell (.NET Framework) applies no binding redirects to a module, yet System.Text.Json and its
/// helpers ask for versions of System.Memory, System.Buffers and others that differ from the copies they ship with.
/// This resolver answers such requests with the module folder's copy, whatever version was asked for.
/// PowerShell 7 resolves them itself, so there it is not installed.
/// </summary>
internal static class DependencyResolver
{
    private static readonly string Folder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

    public static bool IsNeeded => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    public static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        var path = Path.Combine(Folder, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
