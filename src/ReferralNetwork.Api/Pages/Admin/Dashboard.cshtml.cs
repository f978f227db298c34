using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralNetwork.Access;
using ReferralNetwork.Geography;
using ReferralNetwork.Network;

namespace ReferralNetwork.Api.Pages.Admin;

/// <summary>The network at a glance, from GET /api/network/stats: referral flow, answers by state, coverage on a map, and gaps.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DashboardModel(ApiClient api) : PageModel
{
    /// <summary>The steps a referral can have reached (as NetworkStats counts them), and what the chart calls them.</summary>
    public static readonly string[] Steps = ["requested", "accepted", "waitlisted", "scheduled", "declined", "closed", "withdrawn", "expired"];

    public static readonly string[] StepWords =
        ["waiting for an answer", "accepted", "on a waiting list", "first session booked", "declined", "closed", "withdrawn", "no answer in time"];

    public NetworkReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Report = (await api.GetAsync<NetworkReport>("/api/network/stats", ct)).Value;

    /// <summary>The referrals requested in each of the last 12 weeks (all states), each once, by the step it has reached now.</summary>
    public IReadOnlyList<BarRow> Weeks() => WeeksOf(Report!);

    public static IReadOnlyList<BarRow> WeeksOf(NetworkReport report) => report.ReferralsByWeek.TakeLast(12)
        .Select(w => new BarRow(WeekOf(w.Key), Steps.Select(step => (double)w.Value.Values.Sum(byStep => byStep.GetValueOrDefault(step))).ToList())).ToList();

    public IReadOnlyList<StateResponses> Answered() => Report!.ResponsesByState.Where(s => s.Answered > 0).ToList();

    public IReadOnlyList<StateCoverage> Coverage() => StateCoverage.From(Report!);

    /// <summary>For each specialty, how many states have no accepting provider offering it.</summary>
    public IReadOnlyList<(string Specialty, int States)> Gaps() => Report!.CoverageGaps.GroupBy(g => g.Specialty)
        .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key).ToList();

    public static string WeekOf(string monday) =>
        "Week of " + DateOnly.ParseExact(monday, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string StateName(string code) => Regions.Find(code)?.Name ?? code;

    // The words after each bar: "1 referral", "2 states", "1.5 hours", never "1 states".
    public static string Referrals(double n) => Display.Count((int)n, "referral");

    public static string States(double n) => Display.Count((int)n, "state");

    public static string Hours(double n) => n == 1 ? "1 hour" : $"{Charts.Number(n)} hours";

    public static string Percent(double n) => $"{Charts.Number(n)}%";
}
