using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ReferralNetwork.Access;

/// <summary>
/// The part of a read's query string the audit trail keeps: only the filters each action knows, and only when their
/// values are ids or codes. Free text (a family reference, a note, anything the action does not know) is never kept:
/// the trail outlives erasure, so it must not hold what erasure removes.
/// </summary>
public static partial class AuditedQuery
{
    // Names as the endpoints read them: case-insensitively.
    private static readonly IReadOnlyDictionary<string, Func<string, bool>> ReferralFilters = new Dictionary<string, Func<string, bool>>(StringComparer.OrdinalIgnoreCase)
    {
        ["providerId"] = IsGuid,
        ["advocateId"] = IsUserId,
        ["state"] = IsCode,
        ["status"] = IsCode,
        ["from"] = IsDate,
        ["to"] = IsDate,
    };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, Func<string, bool>>> Known = new()
    {
        [AccessAudit.ListReferrals] = new Dictionary<string, Func<string, bool>>(ReferralFilters, StringComparer.OrdinalIgnoreCase) { ["page"] = IsNumber, ["pageSize"] = IsNumber },
        [AccessAudit.ExportReferrals] = ReferralFilters,
        [AccessAudit.ReadReferral] = new Dictionary<string, Func<string, bool>>(StringComparer.OrdinalIgnoreCase) { [Http.AsOf.Parameter] = IsInstant },
    };

    /// <summary>"name=value&amp;…" of the known, well-formed parameters in the order sent; null when none is left.</summary>
    public static string? Of(string action, IQueryCollection query)
    {
        if (!Known.TryGetValue(action, out var allowed)) return null;
        var kept = query.Where(p => allowed.ContainsKey(p.Key))
            .SelectMany(p => p.Value.OfType<string>().Where(allowed[p.Key]).Select(v => $"{p.Key}={Uri.EscapeDataString(v)}"));
        var text = string.Join('&', kept);
        return text.Length == 0 ? null : text;
    }

    private static bool IsGuid(string value) => Guid.TryParse(value, out _);

    private static bool IsNumber(string value) => value.Length <= 9 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsInstant(string value) => Http.AsOf.Parse(value) is not null;

    private static bool IsCode(string value) => Code().IsMatch(value);

    private static bool IsUserId(string value) => UserId().IsMatch(value);

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z-]{0,39}\z")]
    private static partial Regex Code();

    // An issuer's subject: letters, digits and a few separators (Auth0's "auth0|…", Keycloak's GUIDs, "advocate-ana"). No spaces.
    [GeneratedRegex(@"\A[A-Za-z0-9._:|@-]{1,200}\z")]
    private static partial Regex UserId();
}
