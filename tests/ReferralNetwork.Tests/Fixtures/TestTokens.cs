using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReferralNetwork.Access;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// A stand-in OIDC issuer for the tests: a random HMAC key per run, configured into the host exactly the way
/// `dotnet user-jwts` configures Development (Authentication:Schemes:Bearer:SigningKeys), so the real JWT bearer
/// handler validates issuer, audience, lifetime and signature.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "referralnetwork-tests";
    public const string Audience = "referralnetwork-api";

    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The host settings that make it trust this issuer.</summary>
    public static IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
        ["Authentication:Schemes:Bearer:SigningKeys:0:Length"] = "32",
    };

    public static string Mint(Caller caller, DateTime? expires = null, byte[]? key = null, string audience = Audience, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [Roles.RoleClaim] = caller.Role };
        if (caller.ProviderId is { } provider) claims[Roles.ProviderIdClaim] = provider.ToString();
        if (caller.Name is { } name) claims[Roles.NameClaim] = name;
        if (caller.Email is { } email) claims[People.EmailClaim] = email;
        var until = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(Roles.UserIdClaim, caller.UserId)]),
            Claims = claims,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until < now ? until.AddHours(-1) : now,
            NotBefore = until < now ? until.AddHours(-1) : now.AddMinutes(-5),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }
}
