using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Network;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>The network at a glance, from GET /api/network/stats: referral flow, answers by state, capacity and gaps.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DashboardModel(ApiClient api) : PageModel
{
    public static readonly string[] Steps = ["requested", "accepted", "waitlisted", "scheduled", "declined", "closed", "withdrawn", "expired"];

    public NetworkReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = (await api.GetAsync<NetworkReport>("/api/network/stats", ct)).Value;

    /// <summary>Referral steps per week (all states), the last 12 weeks.</summary>
    public IReadOnlyList<BarRow> Weeks() => Report!.ReferralsByWeek.TakeLast(12)
        .Select(w => new BarRow(w.Key, Steps.Select(step => (double)w.Value.Values.Sum(byStep => byStep.GetValueOrDefault(step))).ToList())).ToList();

    public IReadOnlyList<StateResponses> Answered() => Report!.ResponsesByState.Where(s => s.Answered > 0).ToList();

    public IReadOnlyList<StateCapacity> Capacity() => Report!.CapacityByState.Where(c => c.OpenProBonoSlots + c.OpenSlidingScaleSlots > 0).ToList();

    /// <summary>For each specialty, how many states have no accepting provider offering it.</summary>
    public IReadOnlyList<(string Specialty, int States)> Gaps() => Report!.CoverageGaps.GroupBy(g => g.Specialty)
        .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key).ToList();
}
