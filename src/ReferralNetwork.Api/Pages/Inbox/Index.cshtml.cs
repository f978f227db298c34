using Microsoft.AspNetCore.Authorization;
using ReferralNetwork.Access;
using ReferralNetwork.Api.Pages.Referrals;

namespace ReferralNetwork.Api.Pages.Inbox;

/// <summary>The provider's referral inbox: everything sent to this provider, newest first; each opens to answer it.</summary>
[Authorize(Policy = Policies.Provider)]
public sealed class IndexModel(ApiClient api, TimeProvider clock) : ReferralListPage(api, clock)
{
    protected override bool NamesProviders => false;
}
