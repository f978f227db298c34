using System.Globalization;
using Microsoft.AspNetCore.Http;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;

namespace ReferralNetwork.Referrals;

/// <summary>Filters for the referral history: by provider, advocate, family state, status and request dates.</summary>
public sealed record ReferralHistoryQuery(Guid? ProviderId, string? AdvocateId, string? State, ReferralStatus? Status,
    DateOnly? From, DateOnly? To, int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static (ReferralHistoryQuery? Query, ValidationProblems Problems) Parse(IQueryCollection q)
    {
        var p = new ValidationProblems();
        Guid? provider = Text(q, "providerId") is { } id ? Guid.TryParse(id, out var g) ? g : p.Reject<Guid?>("providerId", "must be a provider id (a GUID)", null) : null;
        var advocate = Text(q, "advocateId");
        if (advocate is not null) p.Require(advocate.Length <= 200, "advocateId", "must be at most 200 characters");
        var state = Text(q, "state");
        if (state is not null && p.Require(Regions.IsKnown(state), "state", "must be a US state code; see GET /api/regions")) state = state.ToUpperInvariant();
        ReferralStatus? status = Text(q, "status") is { } s
            ? Enum.GetValues<ReferralStatus>().Cast<ReferralStatus?>().FirstOrDefault(v => ReferralRules.Kebab(v!.Value.ToString()) == s.ToLowerInvariant())
              ?? p.Reject<ReferralStatus?>("status", $"must be one of: {string.Join(", ", Enum.GetValues<ReferralStatus>().Select(v => ReferralRules.Kebab(v.ToString())))}", null)
            : null;
        var from = Date(q, "from", p);
        var to = Date(q, "to", p);
        if (from is not null && to is not null) p.Require(from <= to, "from", "must not be after 'to'");
        var page = Number(q, "page", p) ?? 1;
        p.Require(page is >= 1 and <= 10_000, "page", "must be between 1 and 10000");
        var pageSize = Number(q, "pageSize", p) ?? 50;
        p.Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        return (p.IsEmpty ? new(provider, advocate, state, status, from, to, page, pageSize) : null, p);
    }

    public IQueryable<ReferralSummary> Apply(IQueryable<ReferralSummary> referrals)
    {
        if (ProviderId is { } provider) referrals = referrals.Where(r => r.ProviderId == provider);
        if (AdvocateId is { } advocate) referrals = referrals.Where(r => r.AdvocateId == advocate);
        if (State is { } state) referrals = referrals.Where(r => r.FamilyState == state);
        if (Status is { } status) referrals = referrals.Where(r => r.Status == status);
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            referrals = referrals.Where(r => r.RequestedAt >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            referrals = referrals.Where(r => r.RequestedAt < end);
        }
        return referrals.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id);
    }

    private static string? Text(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

    private static DateOnly? Date(IQueryCollection q, string name, ValidationProblems p) => Text(q, name) is { } text
        ? !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? p.Reject<DateOnly?>(name, "must be a date as yyyy-MM-dd", null)
          : QueryDates.InRange(d) ? d : p.Reject<DateOnly?>(name, QueryDates.Rule, null)
        : null;

    private static int? Number(IQueryCollection q, string name, ValidationProblems p) => Text(q, name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : p.Reject<int?>(name, "is not a number", null)
        : null;
}
