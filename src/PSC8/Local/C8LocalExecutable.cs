using System.Runtime.InteropServices;
using PSC8.Client.Errors;

namespace PSC8.Local;

/// <summary>
/// Where the c8local server is, and how to run it: an executable runs as itself, a <c>c8local.dll</c> through the
/// dotnet host. Looked for in this order: the -Path given; <c>$env:PSC8_C8LOCAL_PATH</c>; <c>c8local</c> on the PATH
/// (the .NET tool); the build output of the repository the module was built in.
/// </summary>
internal sealed class C8LocalExecutable
{
    public const string PathVariable = "PSC8_C8LOCAL_PATH";

    private C8LocalExecutable(string fileName, IReadOnlyList<string> leadingArguments, string location)
    {
        FileName = fileName;
        LeadingArguments = leadingArguments;
        Location = location;
    }

    /// <summary>The program started: c8local itself, or the dotnet host.</summary>
    public string FileName { get; }

    /// <summary>What comes before c8local's own options (the assembly, for the dotnet host).</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    /// <summary>The c8local file found.</summary>
    public string Location { get; }

    /// <summary>The c8local to run; fails with C8.C8LocalNotFound naming every place looked in.</summary>
    public static C8LocalExecutable Find(string? path, string moduleFolder)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return File.Exists(path) ? Of(Path.GetFullPath(path)) : throw NotFound("-Path " + path + " does not exist.");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Of(Path.GetFullPath(fromEnvironment)) : throw NotFound("$env:" + PathVariable + " names " + fromEnvironment + ", which does not exist.");
        }

        var found = OnPath() ?? InRepository(moduleFolder);
        return found is null
            ? throw NotFound("Looked in -Path, $env:" + PathVariable + ", the PATH (dotnet tool install c8local) and the build output of a repository above " + moduleFolder + ".")
            : Of(found);
    }

    private static C8LocalExecutable Of(string file) =>
        file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new C8LocalExecutable(DotNetHost(), new[] { file }, file)
            : new C8LocalExecutable(file, Array.Empty<string>(), file);

    // The dotnet CLI tells the processes it starts where it is (DOTNET_HOST_PATH); otherwise it is on the PATH.
    private static string DotNetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string? OnPath()
    {
        var name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "c8local.exe" : "c8local";
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder.Trim(), name))
            .FirstOrDefault(File.Exists);
    }

    // A module built in a clone (out/PSC8/<version>, or a test's bin folder) finds the server built beside it.
    private static string? InRepository(string moduleFolder)
    {
        for (var folder = new DirectoryInfo(moduleFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PSC8.sln")))
            {
                return new[] { "Release", "Debug" }
                    .Select(configuration => Path.Combine(folder.FullName, "src", "PSC8.Server", "bin", configuration, "net10.0", "c8local.dll"))
                    .FirstOrDefault(File.Exists);
            }
        }

        return null;
    }

    private static C8CommandException NotFound(string where) =>
        new("C8.C8LocalNotFound", C8ErrorMapping.Categories.ObjectNotFound, "C8 Local (c8local) was not found. " + where, terminating: true);
}
