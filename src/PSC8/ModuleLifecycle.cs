using System.Management.Automation.Runspaces;
using PSC8.Sessions;

namespace PSC8;

/// <summary>
/// Import and removal of the module: on Windows PowerShell, dependencies are resolved from the module folder;
/// on removal every open connection is closed.
/// </summary>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport()
    {
        if (DependencyResolver.IsNeeded)
        {
            AppDomain.CurrentDomain.AssemblyResolve += DependencyResolver.Resolve;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (DependencyResolver.IsNeeded)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= DependencyResolver.Resolve;
        }

        C8SessionRegistry.CloseRunspace(Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty);
    }
}
