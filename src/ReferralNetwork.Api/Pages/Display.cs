using System.Globalization;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Api.Pages;

/// <summary>How the pages word codes, fee terms, availability and times (all plain text; Razor encodes it).</summary>
public static class Display
{
    public static string Code(string value) => ReferralRules.Kebab(value);

    public static string Words(string kebab) => kebab.Length == 0 ? kebab : char.ToUpperInvariant(kebab[0]) + kebab[1..].Replace('-', ' ');

    public static string Words<T>(T value) where T : struct, Enum => Words(Code(value.ToString()));

    public static string Specialty(string code) => TraumaSpecialties.All.FirstOrDefault(s => s.Code == code)?.Label ?? code;

    public static string Language(string code) => Languages.All.FirstOrDefault(l => l.Code == code)?.Name ?? code;

    public static string Fees(FeeTerms terms)
    {
        var parts = new List<string>();
        if (terms.ProBono.Offered) parts.Add(terms.ProBono.SessionsPerFamily is { } n ? $"Pro bono ({n} sessions)" : "Pro bono");
        if (terms.SlidingScale.Offered) parts.Add($"Sliding scale ${terms.SlidingScale.MinFeeUsd:0}–${terms.SlidingScale.MaxFeeUsd:0}");
        return parts.Count == 0 ? "No reduced-fee terms" : string.Join(" · ", parts);
    }

    public static string Availability(Availability a) =>
        $"{Words(a.Status)}: {a.OpenProBonoSlots} pro bono and {a.OpenSlidingScaleSlots} sliding-scale slots open"
        + (a.TypicalWaitWeeks is { } w ? $", about {w} week{(w == 1 ? "" : "s")} wait" : "");

    /// <summary>"Usually answers within 2 days" from the median hours to a first answer.</summary>
    public static string? Responds(ResponseSummary? responses) => responses?.MedianHoursToAnswer switch
    {
        null => null,
        < 24 and var h => $"Usually answers within {Math.Max(1, Math.Ceiling(h))} hours",
        var h => $"Usually answers within {Math.Ceiling(h.Value / 24)} days",
    };

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string StatusBadge(ReferralStatus status) => status switch
    {
        ReferralStatus.Accepted or ReferralStatus.Scheduled or ReferralStatus.Closed => "badge ok",
        ReferralStatus.Declined or ReferralStatus.Expired or ReferralStatus.Withdrawn => "badge bad",
        _ => "badge warn",
    };
}
