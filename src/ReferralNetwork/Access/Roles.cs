using System.Security.Claims;

namespace ReferralNetwork.Access;

/// <summary>The three kinds of users. A provider user is bound to exactly one provider by the provider_id claim.</summary>
public static class Roles
{
    public const string Advocate = "advocate";
    public const string Provider = "provider";
    public const string Admin = "admin";

    /// <summary>A client of the HSDS directory API (/hsds), e.g. a 211 or a state directory; no other rights.</summary>
    public const string HsdsReader = "hsds-reader";

    /// <summary>The claim types every scheme (JWT bearer, cookies) issues; nothing is remapped to SOAP-era URIs.</summary>
    public const string UserIdClaim = "sub";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";
    public const string ProviderIdClaim = "provider_id";

    public static readonly string[] All = [Advocate, Provider, Admin];

    /// <summary>The caller's role in this system: the first of admin, advocate, provider the caller holds.</summary>
    public static string? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? new[] { Admin, Advocate, Provider }.FirstOrDefault(user.IsInRole) : null;

    /// <summary>The provider a provider user acts for, or null (not a provider, or no valid provider_id claim).</summary>
    public static Guid? ProviderIdOf(ClaimsPrincipal user) =>
        user.IsInRole(Provider) && Guid.TryParse(user.FindFirst(ProviderIdClaim)?.Value, out var id) && id != Guid.Empty ? id : null;

    public static string? UserIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(UserIdClaim)?.Value : null;
}
