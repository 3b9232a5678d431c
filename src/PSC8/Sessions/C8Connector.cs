using System;
using System.Security;
using PSC8.Client;
using PSC8.Engine;

namespace PSC8;

/// <summary>Builds what Connect-C8 opens: the credential from PowerShell's secure types, and the connection options.</summary>
internal static class C8Connector
{
    /// <summary>A password login by email (the user name of the PSCredential).</summary>
    public static C8Credential FromUserName(string? userName, SecureString password)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw C8CommandException.InvalidArgument("C8.InvalidCredential", "The credential has no user name; use the account's email address.");
        }

        return C8Credential.FromPassword(userName!.Trim(), password);
    }

    /// <summary>Options for a connection whose log lines reach the invocation that caused them.</summary>
    public static C8ConnectionOptions Options(string url, C8Credential credential, string? fabric, int? timeoutSeconds)
    {
        var options = new C8ConnectionOptions(url, credential)
        {
            DefaultFabric = string.IsNullOrWhiteSpace(fabric) ? "_system" : fabric!,
            Log = C8LogScope.Write,
            UserAgent = "PSC8/" + typeof(C8Connector).Assembly.GetName().Version,
        };
        if (timeoutSeconds is int seconds)
        {
            options.Timeout = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }
}
