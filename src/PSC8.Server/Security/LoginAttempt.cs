using System.Net;

namespace PSC8.Server.Security;

/// <summary>A password sign-in: by email, or by user name (with the tenant, which must be this one, when given), from an address.</summary>
internal sealed record LoginAttempt(string? Email, string? Username, string? Tenant, string Password, IPAddress? Address);
