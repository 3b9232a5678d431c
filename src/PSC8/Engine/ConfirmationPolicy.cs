using System.Collections.Concurrent;
using System.Reflection;

namespace PSC8.Engine;

/// <summary>
/// When a cmdlet may skip ShouldProcess. Removing fabrics and collections and truncating are ConfirmImpact High,
/// so PowerShell prompts by default; -Force skips that prompt, but never an explicit -Confirm, and never -WhatIf
/// (which must still describe the change and send nothing).
/// </summary>
internal static class ConfirmationPolicy
{
    private static readonly ConcurrentDictionary<Type, ConfirmImpact> Impacts = new();

    public static bool SkipsShouldProcess(bool force, bool confirmRequested, bool whatIf) => force && !confirmRequested && !whatIf;

    /// <summary>
    /// Whether ShouldProcess would do anything but return true: describe the change (-WhatIf), ask (-Confirm, or a
    /// preference at or below the cmdlet's impact; 'None' never asks), or report it as verbose output.
    /// </summary>
    public static bool ShouldProcessMatters(bool whatIf, bool confirmRequested, ConfirmImpact preference, ConfirmImpact impact, bool verbose) =>
        whatIf || confirmRequested || verbose || (preference != ConfirmImpact.None && impact >= preference);

    /// <summary>The ConfirmImpact a cmdlet class declares (Medium when it declares none).</summary>
    public static ConfirmImpact ImpactOf(Type cmdlet) =>
        Impacts.GetOrAdd(cmdlet, type => type.GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium);
}
