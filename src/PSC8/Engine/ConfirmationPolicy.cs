namespace PSC8.Engine;

/// <summary>
/// When a cmdlet may skip ShouldProcess. Removing fabrics and collections and truncating are ConfirmImpact High,
/// so PowerShell prompts by default; -Force skips that prompt, but never an explicit -Confirm, and never -WhatIf
/// (which must still describe the change and send nothing).
/// </summary>
internal static class ConfirmationPolicy
{
    public static bool SkipsShouldProcess(bool force, bool confirmRequested, bool whatIf) => force && !confirmRequested && !whatIf;
}
