using Microsoft.AspNetCore.Authorization;
using ReferralNetwork.Access;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>"My referrals": what this advocate has sent, newest first.</summary>
[Authorize(Policy = Policies.Advocate)]
public sealed class IndexModel(ApiClient api) : ReferralListPage(api);
