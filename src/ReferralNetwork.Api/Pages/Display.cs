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

    public static string AgeGroup(string code) => AgeGroups.All.FirstOrDefault(g => g.Code == code)?.Label ?? Words(code);

    /// <summary>"Child (6-12) and Adolescent (13-17)": youngest first, as people read ages, not alphabetically.</summary>
    public static string Ages(IEnumerable<string> codes) =>
        List(codes.OrderBy(c => AgeGroups.All.ToList().FindIndex(g => g.Code == c) is var i and >= 0 ? i : int.MaxValue).Select(AgeGroup));

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }

    /// <summary>"1 session", "12 sessions".</summary>
    public static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n:N0} {many ?? one + "s"}";

    /// <summary>Fees as a family thinks of them: "Free for up to 12 sessions; $20–$80 a session, by income".</summary>
    public static string Fees(FeeTerms terms)
    {
        var parts = new List<string>();
        if (terms.ProBono.Offered)
            parts.Add(terms.ProBono.SessionsPerFamily is { } n ? $"Free for up to {Count(n, "session")}" : "Free (pro bono)");
        if (terms.SlidingScale is { Offered: true } sliding) parts.Add(SlidingScale(sliding));
        return parts.Count == 0 ? "No free or reduced fees listed" : Capital(string.Join("; ", parts));
    }

    /// <summary>The fee terms a referral was sent under, as the provider listed them then: "Free for up to 12 sessions".</summary>
    public static string Promised(FeeTerms terms, FeeKind kind) => kind == FeeKind.ProBono
        ? terms.ProBono.SessionsPerFamily is { } n ? $"Free for up to {Count(n, "session")}" : "Free (pro bono)"
        : Capital(terms.SlidingScale.Offered ? SlidingScale(terms.SlidingScale) : "Sliding scale");

    public static string SlidingScale(SlidingScaleTerms s)
    {
        var range = (s.MinFeeUsd, s.MaxFeeUsd) switch
        {
            ({ } min, { } max) when min == max => $"{Usd(min)} a session",
            ({ } min, { } max) => $"{Usd(min)}–{Usd(max)} a session",
            (null, { } max) => $"up to {Usd(max)} a session",
            _ => "sliding scale",
        };
        return range + (s.IncomeBased ? ", by income" : "");
    }

    public static string Usd(decimal amount) => amount == decimal.Truncate(amount)
        ? "$" + amount.ToString("N0", CultureInfo.InvariantCulture) : "$" + amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>One honest sentence: "Taking referrals: 2 free and 3 sliding-scale places, usual wait about 2 weeks".</summary>
    public static string Availability(Availability a)
    {
        if (a.Status == AcceptingStatus.Paused) return "Paused: not taking referrals for now";
        if (a.Status == AcceptingStatus.NotAccepting) return "Not taking referrals right now";
        if (!a.TakesReferrals) return "Not taking referrals right now: no places free";
        var (free, sliding) = (a.OpenProBonoSlots, a.OpenSlidingScaleSlots);
        var places = free > 0 && sliding > 0 ? $"{free} free and {Count(sliding, "sliding-scale place")}"
            : free > 0 ? Count(free, "free place") : Count(sliding, "sliding-scale place");
        var wait = a.TypicalWaitWeeks switch
        {
            null => "",
            0 => ", usually no wait",
            var w => $", usual wait about {Count(w.Value, "week")}",
        };
        return $"Taking referrals: {places}{wait}";
    }

    /// <summary>The availability sentence's gist, for a badge that can never contradict it.</summary>
    public static string AvailabilityShort(Availability a) =>
        a.TakesReferrals ? "Taking referrals" : a.Status == AcceptingStatus.Paused ? "Paused" : "Not taking referrals";

    public static string AvailabilityBadge(Availability a) => a.TakesReferrals ? "badge ok" : "badge warn";

    /// <summary>Fewer answers than this say nothing about a provider ("accepts 100 %" from one referral).</summary>
    public const int EnoughAnswers = 5;

    /// <summary>"Usually answers within a day; accepted 4 of 6", each figure only once it rests on enough answers.</summary>
    public static string? Responds(ResponseSummary? r)
    {
        if (r is null) return null;
        var parts = new List<string>();
        if (r.MedianHoursToAnswer is { } hours && r.Answers >= EnoughAnswers) parts.Add("usually answers " + Within(hours));
        if (r.Decided >= EnoughAnswers) parts.Add($"accepted {r.Accepted} of {r.Decided}");
        return parts.Count == 0 ? null : Capital(string.Join("; ", parts));
    }

    /// <summary>"within an hour", "within 5 hours", "within a day", "within 3 days", "within 2 weeks".</summary>
    public static string Within(double hours) => hours switch
    {
        <= 1 => "within an hour",
        < 24 => $"within {Math.Ceiling(hours):0} hours",
        <= 24 => "within a day",
        < 14 * 24 => $"within {Math.Ceiling(hours / 24):0} days",
        _ => $"within {Math.Ceiling(hours / 24 / 7):0} weeks",
    };

    /// <summary>"Under a mile away", "1 mile away", "12 miles away".</summary>
    public static string Distance(double miles) => miles < 1 ? "Under a mile away" : $"{Count((int)Math.Round(miles), "mile")} away";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string StatusBadge(ReferralStatus status) => status switch
    {
        ReferralStatus.Accepted or ReferralStatus.Scheduled or ReferralStatus.Closed => "badge ok",
        ReferralStatus.Declined or ReferralStatus.Expired or ReferralStatus.Withdrawn => "badge bad",
        _ => "badge warn",
    };
}
