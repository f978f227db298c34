using System.Globalization;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Access;

/// <summary>
/// One read of sensitive data: who (user id and role) read what (a referral, a stream's history, an export),
/// when, under which trace id. Writes need no such record: every event carries its actor. Ids only, never
/// family data, so an erasure leaves the trail intact.
/// </summary>
public sealed record AccessRecord(Guid Id, DateTimeOffset At, string UserId, string Role, string Action, Guid? SubjectId, string? Query, string CorrelationId);

public static class AccessAudit
{
    public const string ReadReferral = "read-referral", ListReferrals = "list-referrals", ExportReferrals = "export-referrals",
        ReadReferralHistory = "read-referral-history", ReadProviderHistory = "read-provider-history";

    /// <summary>A fit check (POST /api/providers/{id}/fit): the provider id only, never the family's needs.</summary>
    public const string CheckFit = "check-fit";

    public static readonly string[] Actions = [ReadReferral, ListReferrals, ExportReferrals, ReadReferralHistory, ReadProviderHistory, CheckFit];

    /// <summary>Adds the record to the session; it is saved with (and only with) the request's transaction.</summary>
    public static void Record(IDocumentSession session, HttpContext context, TimeProvider clock, string action, Guid? subjectId = null)
    {
        var actor = Actor.From(context.User);
        var query = AuditedQuery.Of(action, context.Request.Query);
        session.Insert(new AccessRecord(Guid.CreateVersion7(), clock.GetUtcNow(), actor.UserId, actor.Role, action, subjectId,
            query is { Length: > 500 } ? query[..500] : query, System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier));
    }

    public static StoreOptions AddAccessAudit(this StoreOptions options)
    {
        var records = options.Schema.For<AccessRecord>();
        records.Duplicate(r => r.SubjectId);
        records.Duplicate(r => r.UserId);
        records.Duplicate(r => r.At);
        return options;
    }
}

public sealed record AccessRecordPage(IReadOnlyList<AccessRecord> Items, long Total, int Page, int PageSize);

public static class GetAccessAuditEndpoint
{
    public const int MaxPageSize = 200;

    public static ProblemDetails Validate(HttpRequest request) => Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>The audit trail of reads, newest first: filter by the subject read, the reader, the action and a time range.</summary>
    [WolverineGet("/api/audit", OperationId = "listAuditRecords"), Tags("Access"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List audit records")]
    public static async Task<AccessRecordPage> Get(HttpRequest request, IQuerySession session, CancellationToken ct,
        string? subjectId = null, string? userId = null, string? action = null, string? from = null, string? to = null,
        int? page = null, int? pageSize = null)
    {
        var (filter, _) = Parse(request.Query);
        var records = session.Query<AccessRecord>().AsQueryable();
        if (filter!.SubjectId is { } subject) records = records.Where(r => r.SubjectId == subject);
        if (filter.UserId is { } user) records = records.Where(r => r.UserId == user);
        if (filter.Action is { } what) records = records.Where(r => r.Action == what);
        if (filter.From is { } start) records = records.Where(r => r.At >= start);
        if (filter.To is { } end) records = records.Where(r => r.At < end);
        var items = await records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Stats(out var stats)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new AccessRecordPage(items, stats.TotalResults, filter.Page, filter.PageSize);
    }

    private sealed record Filter(Guid? SubjectId, string? UserId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

    private static (Filter? Filter, ValidationProblems Problems) Parse(IQueryCollection q)
    {
        var p = new ValidationProblems();
        string? Text(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        Guid? subject = Text("subjectId") is { } s ? Guid.TryParse(s, out var g) ? g : p.Reject<Guid?>("subjectId", "must be a GUID", null) : null;
        var user = Text("userId");
        if (user is not null) p.Require(user.Length <= 200, "userId", "must be at most 200 characters");
        var action = Text("action");
        if (action is not null) p.Require(AccessAudit.Actions.Contains(action), "action", $"must be one of: {string.Join(", ", AccessAudit.Actions)}");
        DateTimeOffset? Time(string name) => Text(name) is { } t
            ? !DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? p.Reject<DateTimeOffset?>(name, "must be an ISO 8601 date or time", null)
              : QueryDates.InRange(d) ? d : p.Reject<DateTimeOffset?>(name, QueryDates.Rule, null)
            : null;
        var from = Time("from");
        var to = Time("to");
        int Number(string name, int fallback, int max) => Text(name) is { } t
            ? int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : p.Reject(name, $"must be a whole number from 1 to {max}", fallback)
            : fallback;
        var page = Number("page", 1, 10_000);
        var size = Number("pageSize", 50, MaxPageSize);
        return (p.IsEmpty ? new Filter(subject, user, action, from, to, page, size) : null, p);
    }
}
