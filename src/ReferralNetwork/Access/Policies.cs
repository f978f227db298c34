using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNetwork.Access;

/// <summary>
/// Who may call what. Every endpoint names one of these policies (a test fails for one that does not);
/// anything unnamed falls back to "signed in with a known role". docs/security.md has the whole matrix.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user with a known role (reference data).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Search and network figures: advocates and admins.</summary>
    public const string Directory = "directory";

    /// <summary>One provider's profile: advocates, admins, and the provider themself (another provider: 404).</summary>
    public const string ProviderProfile = "provider-profile";

    /// <summary>Changes to a provider: the provider themself (another provider: 404) or an admin.</summary>
    public const string ProviderSelfOrAdmin = "provider-self-or-admin";

    /// <summary>Joining: an admin onboarding someone, or a provider user onboarding the provider their claim names.</summary>
    public const string Onboarding = "onboarding";

    /// <summary>Verification, deactivation, histories, the audit trail, exports and erasure.</summary>
    public const string Admin = "admin";

    /// <summary>Sending a referral, and the advocate's own pages.</summary>
    public const string Advocate = "advocate";

    /// <summary>A provider user bound to a provider: the referral inbox.</summary>
    public const string Provider = "provider";

    /// <summary>Listing referrals: each role sees its own scope (advocate: sent, provider: received, admin: all).</summary>
    public const string ReferralLists = "referral-lists";

    /// <summary>One referral: the advocate who sent it, the provider it was sent to, admins (anyone else: 404).</summary>
    public const string ReferralParty = "referral-party";

    /// <summary>Answering a referral: only the provider it was sent to (another provider: 404).</summary>
    public const string ReferralRecipient = "referral-recipient";

    /// <summary>Withdrawing a referral: only the advocate who sent it (another advocate: 404).</summary>
    public const string ReferralSender = "referral-sender";

    /// <summary>The HSDS directory (/hsds): admins and hsds-reader clients, or anyone when Hsds:Public is true.</summary>
    public const string HsdsReader = "hsds-reader";

    public static IServiceCollection AddReferralNetworkAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // A route someone forgot to give a policy is still closed to anonymous callers and unknown roles.
            .SetFallbackPolicy(Build(p => p.RequireRole(Roles.All)))
            .AddPolicy(SignedIn, p => p.RequireRole(Roles.All))
            .AddPolicy(Directory, p => p.RequireRole(Roles.Advocate, Roles.Admin))
            .AddPolicy(ProviderProfile, p => p.AddRequirements(new ProviderOwnerRequirement(Roles.Advocate, Roles.Admin)))
            .AddPolicy(ProviderSelfOrAdmin, p => p.AddRequirements(new ProviderOwnerRequirement(Roles.Admin)))
            .AddPolicy(Onboarding, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin) || Roles.ProviderIdOf(c.User) is not null))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Advocate, p => p.RequireRole(Roles.Advocate))
            .AddPolicy(Provider, p => p.RequireAssertion(c => Roles.ProviderIdOf(c.User) is not null))
            .AddPolicy(ReferralLists, p => p.RequireRole(Roles.All))
            .AddPolicy(ReferralParty, p => p.AddRequirements(new ReferralPartyRequirement(Sender: true, Recipient: true, Admin: true)))
            .AddPolicy(ReferralRecipient, p => p.AddRequirements(new ReferralPartyRequirement(Sender: false, Recipient: true, Admin: false)))
            .AddPolicy(ReferralSender, p => p.AddRequirements(new ReferralPartyRequirement(Sender: true, Recipient: false, Admin: false)));
        // The HSDS directory's readers are a setting (Hsds:Public, docs/operations.md).
        services.AddAuthorizationBuilder().AddPolicy(HsdsReader, p => p.AddRequirements(new Hsds.HsdsReaderRequirement()));
        services.AddOptions<Hsds.HsdsOptions>().BindConfiguration(Hsds.HsdsOptions.Section);
        services.AddSingleton<IAuthorizationHandler, Hsds.HsdsReaderHandler>();
        services.AddSingleton<IAuthorizationHandler, ProviderOwnerHandler>();
        services.AddSingleton<IAuthorizationHandler, ReferralPartyHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HiddenResourceResultHandler>();
        return services;
    }

    private static AuthorizationPolicy Build(Action<AuthorizationPolicyBuilder> configure)
    {
        var builder = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        configure(builder);
        return builder.Build();
    }
}
