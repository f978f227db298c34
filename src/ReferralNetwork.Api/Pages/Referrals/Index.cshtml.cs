using Microsoft.AspNetCore.Authorization;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>"My referrals": what this advocate has sent, newest first, each with its provider and how to reach them.</summary>
[Authorize(Policy = Policies.Advocate)]
public sealed class IndexModel(ApiClient api, TimeProvider clock) : ReferralListPage(api, clock)
{
    protected override bool NamesProviders => true;
}
