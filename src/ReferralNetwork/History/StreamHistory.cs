using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.History;

/// <summary>One event of a stream as administrators review it: what happened, when, and who did it.</summary>
public sealed record HistoryEntry(long Version, string Type, object Data, DateTimeOffset Timestamp, string? UserId, string? Role, string? CorrelationId);

/// <summary>A stream's whole history, read straight from the event store (always complete, never stale).</summary>
public static class StreamHistory
{
    /// <summary>Reads the stream and records the read in the audit trail (in the same transaction).</summary>
    public static async Task<IResult> Read(IDocumentSession session, HttpContext context, TimeProvider clock, Guid streamId, string what, string auditAction, CancellationToken ct)
    {
        AccessAudit.Record(session, context, clock, auditAction, streamId);
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        if (events.Count == 0) return Results.Problem(Problem.NotFound($"No {what} has id {streamId}."));
        return Results.Ok(events.Select(e => new HistoryEntry(e.Version, e.EventTypeName, e.Data, e.Timestamp, e.UserName,
            e.GetHeader("role")?.ToString(), e.CorrelationId)).ToList());
    }
}

public static class ProviderHistoryEndpoint
{
    [WolverineGet("/api/providers/{providerId}/history", OperationId = "getProviderHistory"), Tags("History"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Get a provider's history"), EndpointDescription("Every event in the provider's stream, oldest first, with who made it and the correlation id.")]
    [ProducesResponseType<List<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Get(Guid providerId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        StreamHistory.Read(session, context, clock, providerId, "provider", AccessAudit.ReadProviderHistory, ct);
}

public static class ReferralHistoryEndpoint
{
    [WolverineGet("/api/referrals/{referralId}/history", OperationId = "getReferralHistory"), Tags("History"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Get a referral's history"), EndpointDescription("Every event in the referral's stream, oldest first, with who made it and the correlation id.")]
    [ProducesResponseType<List<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Get(Guid referralId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        StreamHistory.Read(session, context, clock, referralId, "referral", AccessAudit.ReadReferralHistory, ct);
}
