using System.Globalization;

namespace ReferralNetwork.Api.Pages;

/// <summary>One US time zone as people name it, with the abbreviations they know.</summary>
public sealed record UsTimeZone(string Id, string Name, string Standard, string Daylight);

/// <summary>
/// Times on the referral pages, in the reader's zone: the zone they chose (a cookie set by the "Show times in" form),
/// else the family's state's zone, else US Eastern. Shown as "2 hours ago" with the exact local time beside it.
/// </summary>
public static class LocalTimes
{
    public const string CookieName = "rn-time-zone";

    public static readonly IReadOnlyList<UsTimeZone> Zones =
    [
        new("America/New_York", "Eastern", "EST", "EDT"), new("America/Chicago", "Central", "CST", "CDT"),
        new("America/Denver", "Mountain", "MST", "MDT"), new("America/Phoenix", "Arizona", "MST", "MST"),
        new("America/Los_Angeles", "Pacific", "PST", "PDT"), new("America/Anchorage", "Alaska", "AKST", "AKDT"),
        new("Pacific/Honolulu", "Hawaii", "HST", "HST"),
    ];

    // The zone where most of each state's people live (a state split between zones takes its larger part).
    private static readonly Dictionary<string, string> ByState = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = "America/Chicago",
        ["AR"] = "America/Chicago",
        ["IL"] = "America/Chicago",
        ["IA"] = "America/Chicago",
        ["KS"] = "America/Chicago",
        ["LA"] = "America/Chicago",
        ["MN"] = "America/Chicago",
        ["MS"] = "America/Chicago",
        ["MO"] = "America/Chicago",
        ["NE"] = "America/Chicago",
        ["ND"] = "America/Chicago",
        ["OK"] = "America/Chicago",
        ["SD"] = "America/Chicago",
        ["TN"] = "America/Chicago",
        ["TX"] = "America/Chicago",
        ["WI"] = "America/Chicago",
        ["CO"] = "America/Denver",
        ["ID"] = "America/Denver",
        ["MT"] = "America/Denver",
        ["NM"] = "America/Denver",
        ["UT"] = "America/Denver",
        ["WY"] = "America/Denver",
        ["AZ"] = "America/Phoenix",
        ["CA"] = "America/Los_Angeles",
        ["NV"] = "America/Los_Angeles",
        ["OR"] = "America/Los_Angeles",
        ["WA"] = "America/Los_Angeles",
        ["AK"] = "America/Anchorage",
        ["HI"] = "Pacific/Honolulu",
    };

    public static UsTimeZone Eastern => Zones[0];

    public static UsTimeZone? Find(string? id) => Zones.FirstOrDefault(z => z.Id == id);

    public static UsTimeZone ForState(string? state) => Find(state is not null && ByState.TryGetValue(state, out var id) ? id : null) ?? Eastern;

    /// <summary>The reader's chosen zone, else the family's state's zone (or Eastern without a state).</summary>
    public static UsTimeZone For(HttpRequest request, string? familyState = null) =>
        Find(request.Cookies[CookieName]) ?? ForState(familyState);

    /// <summary>"7 Dec 2026, 9:44 PM EST".</summary>
    public static string Exact(DateTimeOffset at, UsTimeZone zone)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone.Id);
        var local = TimeZoneInfo.ConvertTime(at, info);
        var abbreviation = info.IsDaylightSavingTime(local) ? zone.Daylight : zone.Standard;
        return local.ToString("d MMM yyyy, h:mm tt", CultureInfo.InvariantCulture) + " " + abbreviation;
    }

    /// <summary>"just now", "5 minutes ago", "yesterday", "in 2 days": how long before or after <paramref name="now"/>.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        var future = span < TimeSpan.Zero;
        var length = span.Duration();
        var words = length switch
        {
            { TotalMinutes: < 1 } => null,
            { TotalHours: < 1 } => Display.Count((int)length.TotalMinutes, "minute"),
            // Rounded, not cut: a deadline 4 days 23 hours away is "in 5 days".
            { TotalHours: < 23.5 } => Display.Count((int)Math.Round(length.TotalHours), "hour"),
            { TotalDays: < 1.5 } => future ? "tomorrow" : "yesterday",
            { TotalDays: < 13.5 } => Display.Count((int)Math.Round(length.TotalDays), "day"),
            { TotalDays: < 60 } => Display.Count((int)(length.TotalDays / 7), "week"),
            _ => Display.Count((int)(length.TotalDays / 30.44), "month"),
        };
        return words switch
        {
            null => "just now",
            "tomorrow" or "yesterday" => words,
            _ => future ? $"in {words}" : $"{words} ago",
        };
    }
}
