using System.Globalization;
using ReferralNetwork.Http;

namespace ReferralNetwork.Api.Pages;

/// <summary>The <c>asOf</c> of a record's page (time travel): the same instant the API takes, passed on as it came.</summary>
public static class AsOfQuery
{
    public static DateTimeOffset? Parse(string? asOf) => string.IsNullOrWhiteSpace(asOf) ? null : AsOf.Parse(asOf.Trim());

    /// <summary>"?asOf=…" for the API call, or nothing; a value that is not an instant still goes, so the API refuses it.</summary>
    public static string For(string? asOf) => string.IsNullOrWhiteSpace(asOf) ? "" : "?asOf=" + Uri.EscapeDataString(asOf.Trim());

    /// <summary>An event's instant as a link's asOf: UTC to the tick, so the record includes that event and all before it.</summary>
    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
