using System.Runtime.CompilerServices;

namespace PSC8.Server.Query;

/// <summary>
/// Keeps a process that loads the server culture-invariant, as it was when it ran with invariant globalization:
/// ICU is on for the string collation only, and formatting or parsing must not start following the machine's locale.
/// </summary>
internal static class InvariantProcessCulture
{
    [ModuleInitializer]
    internal static void Apply()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
