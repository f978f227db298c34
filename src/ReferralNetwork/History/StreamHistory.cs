using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.History;

/// <summary>One event of a stream as administrators review it: what happened, when, and who did it.</summary>
public sealed record HistoryEntry(long Version, string Type, object Data, DateTimeOffset Timestamp, string? UserId, string? Role, string? CorrelationId);

/// <summary>A stream's whole history, read straight from the event store (always complete, never stale).</summary>
public static class StreamHistory
{
    public static async Task<IResult> Read(IQuerySession session, Guid streamId, string what, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        if (events.Count == 0) return Results.Problem(Problem.NotFound($"No {what} has id {streamId}."));
        return Results.Ok(events.Select(e => new HistoryEntry(e.Version, e.EventTypeName, e.Data, e.Timestamp, e.UserName,
            e.GetHeader("role")?.ToString(), e.CorrelationId)).ToList());
    }
}

public static class ProviderHistoryEndpoint
{
    [WolverineGet("/api/providers/{providerId}/history"), Tags("History")]
    [ProducesResponseType<List<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Get(Guid providerId, IQuerySession session, CancellationToken ct) =>
        StreamHistory.Read(session, providerId, "provider", ct);
}

public static class ReferralHistoryEndpoint
{
    [WolverineGet("/api/referrals/{referralId}/history"), Tags("History")]
    [ProducesResponseType<List<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Get(Guid referralId, IQuerySession session, CancellationToken ct) =>
        StreamHistory.Read(session, referralId, "referral", ct);
}
