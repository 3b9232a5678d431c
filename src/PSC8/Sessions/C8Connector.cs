using System.Security;

namespace PSC8.Sessions;

/// <summary>Builds what Connect-C8 opens: the credential from PowerShell's secure types, and the connection options.</summary>
internal static class C8Connector
{
    /// <summary>
    /// A password login: by email when the user name has an @, else by tenant and user name (-Tenant, or a user name
    /// written tenant/user).
    /// </summary>
    public static C8Credential FromUser(string? userName, string? tenant, SecureString password)
    {
        var name = userName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw C8CommandException.InvalidArgument("C8.InvalidCredential", "The credential has no user name; use the account's email address, or a user name with -Tenant.");
        }

        if (tenant is null && name.IndexOf('@') >= 0)
        {
            return C8Credential.FromPassword(name, password);
        }

        var slash = name.IndexOf('/');
        if (tenant is null && slash > 0 && slash < name.Length - 1)
        {
            tenant = name.Substring(0, slash);
            name = name.Substring(slash + 1);
        }

        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw C8CommandException.InvalidArgument("C8.InvalidCredential", "'" + name + "' is not an email address: give the tenant with -Tenant, or write the user name as tenant/user.");
        }

        return C8Credential.FromTenantUser(tenant!.Trim(), name, password);
    }

    /// <summary>Options for a connection whose log lines reach the invocation that caused them.</summary>
    public static C8ConnectionOptions Options(string url, C8Credential credential, string? fabric) => new(url, credential)
    {
        DefaultFabric = string.IsNullOrWhiteSpace(fabric) ? "_system" : fabric!,
        Log = C8LogScope.Write,
        LogEnabled = C8LogScope.WantsLines,
        Trace = C8LogScope.WriteDetail,
        TraceEnabled = C8LogScope.WantsDetail,
        UserAgent = "PSC8/" + typeof(C8Connector).Assembly.GetName().Version,
    };
}
