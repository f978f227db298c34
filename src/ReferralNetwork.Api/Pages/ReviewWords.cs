using System.Globalization;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Verification;

namespace ReferralNetwork.Api.Pages;

/// <summary>How the verification queue and the provider's own page word an application's review.</summary>
public static class ReviewWords
{
    /// <summary>The decline reasons in the order staff meet them, as the staff choose them and the provider reads them.</summary>
    public static readonly IReadOnlyList<(ApplicationDeclineReason Reason, string Words)> Reasons =
    [
        (ApplicationDeclineReason.LicenceNotFound, "We could not find the licence with the board that issued it"),
        (ApplicationDeclineReason.LicenceNotActive, "The licence is not active: it has expired, or is suspended or restricted"),
        (ApplicationDeclineReason.IdentityNotConfirmed, "We could not confirm who is applying"),
        (ApplicationDeclineReason.OutsideNetworkScope, "The practice is outside what the network offers families"),
        (ApplicationDeclineReason.NoReply, "We asked for more information and had no answer"),
        (ApplicationDeclineReason.Other, "Another reason (see the note)"),
    ];

    public static string Reason(ApplicationDeclineReason? reason) => Reasons.FirstOrDefault(r => r.Reason == reason).Words ?? "No reason given";

    /// <summary>Where the application stands, for the queue's badge.</summary>
    public static string Status(VerificationCase c) => c.Review switch
    {
        ReviewStatus.InformationRequested => "Information requested: waiting for the provider",
        ReviewStatus.ProviderReplied => "Provider replied: needs a decision",
        ReviewStatus.Declined => "Declined",
        _ when c.VerifiedBefore => "Licences changed since verification: needs a check",
        _ => "New application: needs a decision",
    };

    public static string Badge(ReviewStatus review) => review switch
    {
        ReviewStatus.InformationRequested => "badge warn",
        ReviewStatus.Declined => "badge bad",
        _ => "badge ok",
    };

    /// <summary>"12 Dec 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"today", "tomorrow", "in 12 days".</summary>
    public static string Until(DateOnly day, DateOnly today) => (day.DayNumber - today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        var n => $"in {Display.Count(n, "day")}",
    };

    /// <summary>"for 3 days", "less than a day": how long an application has waited.</summary>
    public static string Waited(DateTimeOffset since, DateTimeOffset now) => (int)(now - since).TotalDays switch
    {
        <= 0 => "less than a day",
        var n => $"for {Display.Count(n, "day")}",
    };

    public static string StateName(string code) => Geography.Regions.Find(code)?.Name ?? code;
}
