using System.Globalization;
using System.Security.Claims;
using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Referrals;

public sealed record ReferralPage(IReadOnlyList<ReferralSummary> Items, long Total, int Page, int PageSize);

public static class ListReferralsEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => ReferralHistoryQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>The referral history, newest request first: filter by provider, advocate, family state, status and dates.</summary>
    [WolverineGet("/api/referrals", OperationId = "listReferrals"), Tags("Referrals"), Authorize(Policy = Policies.ReferralLists)]
    [EndpointSummary("List referrals")]
    public static async Task<ReferralPage> Get(HttpRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct,
        Guid? providerId = null, string? advocateId = null, string? state = null, string? status = null,
        string? from = null, string? to = null, int? page = null, int? pageSize = null)
    {
        var query = ReferralHistoryQuery.Parse(request.Query).Query!;
        AccessAudit.Record(session, request.HttpContext, clock, AccessAudit.ListReferrals);
        var items = await query.Apply(VisibleTo(request.HttpContext.User, session.Query<ReferralSummary>())).Stats(out var stats)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new ReferralPage(items, stats.TotalResults, query.Page, query.PageSize);
    }

    /// <summary>An advocate sees the referrals they sent, a provider those sent to them, an admin all; filters narrow that further.</summary>
    public static IQueryable<ReferralSummary> VisibleTo(ClaimsPrincipal user, IQueryable<ReferralSummary> referrals)
    {
        if (user.IsInRole(Roles.Admin)) return referrals;
        if (user.IsInRole(Roles.Advocate))
        {
            var advocate = Roles.UserIdOf(user) ?? "";
            return referrals.Where(r => r.AdvocateId == advocate);
        }
        var provider = Roles.ProviderIdOf(user) ?? Guid.Empty;
        return referrals.Where(r => r.ProviderId == provider);
    }
}

public static partial class ExportReferralsEndpoint
{
    public static ProblemDetails Validate(HttpRequest request) => ReferralHistoryQuery.Parse(request.Query).Problems.ToProblemDetails();

    /// <summary>The filtered history as CSV, streamed row by row from PostgreSQL (never built in memory). No family reference or notes.</summary>
    [WolverineGet("/api/referrals/export", OperationId = "exportReferrals"), Tags("Referrals"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Export referrals as CSV")]
    [Produces("text/csv")]
    public static IResult Get(HttpRequest request, IDocumentSession session, TimeProvider clock,
        Guid? providerId = null, string? advocateId = null, string? state = null, string? status = null, string? from = null, string? to = null)
    {
        AccessAudit.Record(session, request.HttpContext, clock, AccessAudit.ExportReferrals);
        return new CsvExport(ReferralHistoryQuery.Parse(request.Query).Query!.Apply(session.Query<ReferralSummary>()));
    }

    private sealed class CsvExport(IQueryable<ReferralSummary> referrals) : IResult
    {
        private const string Header = "id,status,provider_id,provider_name,advocate_id,advocate_name,family_state,urgency,fee_need,requested_at,viewed_at,answered_at,accepted_at,declined_at,decline_reason,first_session_on,closed_at,outcome,withdrawn_at,expired_at";

        public async Task ExecuteAsync(HttpContext context)
        {
            var ct = context.RequestAborted;
            await using var rows = referrals.ToAsyncEnumerable(ct).GetAsyncEnumerator(ct);
            // The query runs before the first byte: if it fails, the client gets an ordinary error answer, not a file.
            var more = await rows.MoveNextAsync();
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=referrals.csv";
            // Not disposed on failure: disposing would flush, and a flushed part would look like the whole file.
            var writer = new StreamWriter(context.Response.Body, leaveOpen: true);
            // The rows' reader holds the export's connection: names come through a session of their own, a batch at a time.
            await using var lookups = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
            var names = new ExportNames(lookups);
            try
            {
                await writer.WriteLineAsync(Header);
                // Sent at once: the download starts while the first batch of names is looked up.
                await writer.FlushAsync(ct);
                var batch = new List<ReferralSummary>(ExportNames.BatchSize);
                for (; more; more = await rows.MoveNextAsync())
                {
                    batch.Add(rows.Current);
                    if (batch.Count == ExportNames.BatchSize) await WriteAsync(writer, batch, names, ct);
                }
                await WriteAsync(writer, batch, names, ct);
                await writer.FlushAsync(ct);
            }
            catch (Exception e) when (context.Response.HasStarted && e is not OperationCanceledException)
            {
                // Part of the file is already on its way: cut the connection (no final chunk), so that no client
                // can take the part for the whole (docs/architecture.md, "Errors").
                Log.ExportCut(context.RequestServices.GetRequiredService<ILogger<CsvExport>>(), e.GetType().FullName, context.TraceIdentifier);
                context.Abort();
            }
        }

        private static async Task WriteAsync(StreamWriter writer, List<ReferralSummary> batch, ExportNames names, CancellationToken ct)
        {
            await names.LearnAsync(batch, ct);
            foreach (var r in batch) await writer.WriteLineAsync(Row(r, names));
            batch.Clear();
        }

        private static string Row(ReferralSummary r, ExportNames names) => string.Join(',', r.Id, Code(r.Status), r.ProviderId,
            Field(names.Provider(r.ProviderId)), Field(r.AdvocateId), Field(names.Person(r.AdvocateId)), r.FamilyState, Code(r.Urgency),
            Code(r.FeeNeed), Time(r.RequestedAt), Time(r.ViewedAt), Time(r.AnsweredAt), Time(r.AcceptedAt), Time(r.DeclinedAt),
            r.DeclineReason is { } d ? Code(d) : "", r.FirstSessionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Time(r.ClosedAt), r.Outcome is { } o ? Code(o) : "", Time(r.WithdrawnAt), Time(r.ExpiredAt));

        private static string Code<T>(T value) where T : struct, Enum => ReferralRules.Kebab(value.ToString());

        private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

        // Quote always; names and ids are typed by people, and a leading = + - @ (or a tab or carriage return before
        // one) could run as a formula in a spreadsheet, so such a cell is prefixed with '.
        private static string Field(string value) =>
            "\"" + (value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Export failed with {ExceptionType} after it began; connection cut for request {TraceId}")]
        public static partial void ExportCut(ILogger logger, string? exceptionType, string traceId);
    }
}
