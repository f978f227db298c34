using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Referrals;

/// <summary>
/// An advocate refers a family to a provider. Unknown fields are refused, so that nothing beyond this shape
/// (a child's name, a date of birth) can be stored by accident.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RequestReferral(
    Guid ProviderId,
    string FamilyReference,
    FamilyNeeds Needs,
    Urgency? Urgency,
    FeeKind? FeeNeed,
    ContactPreference Contact,
    string? Note,
    bool SendWhileNotAccepting = false);

public sealed record ReferralCreated(Guid Id, long Version, DateTimeOffset RespondBy);

public static class RequestReferralEndpoint
{
    public static Task<Provider?> LoadAsync(RequestReferral? command, IQuerySession session, CancellationToken ct) =>
        command is null ? Task.FromResult<Provider?>(null) : session.Events.AggregateStreamAsync<Provider>(command.ProviderId, token: ct);

    public static ProblemDetails Validate(RequestReferral command, Provider? provider, TimeProvider clock)
    {
        if (command is null) return ValidationProblems.BodyRequired();
        var shape = ReferralRequestRules.CheckShape(command);
        if (!shape.IsEmpty) return shape.ToProblemDetails();
        return ReferralRequestRules.CheckProvider(command, provider, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    [WolverinePost("/api/referrals", OperationId = "requestReferral"), Tags("Referrals"), Authorize(Policy = Policies.Advocate)]
    [EndpointSummary("Refer a family to a provider"), EndpointDescription("Send an Idempotency-Key header to make retries safe: the first response is replayed for 24 hours, and reusing the key with another body is a 422.")]
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [ProducesResponseType<ReferralCreated>(StatusCodes.Status201Created)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static (Created<ReferralCreated>, IStartStream, OutgoingMessages) Post(
        RequestReferral command, Provider provider, HttpContext context, TimeProvider clock, IOptions<ReferralOptions> options)
    {
        var id = Guid.CreateVersion7();
        var respondBy = clock.GetUtcNow() + options.Value.ResponseDeadline;
        var requested = Request(id, command, provider, Actor.From(context.User).UserId, respondBy);
        var expiry = new OutgoingMessages();
        // Durable: the scheduled message is stored with the events, so the deadline survives restarts.
        expiry.Schedule(new ExpireReferral(id), respondBy);
        // A standard Created result, because Idempotency-Key replays keep exactly its status, body and Location.
        return (TypedResults.Created($"/api/referrals/{id}", new ReferralCreated(id, 1, respondBy)), MartenOps.StartStream<Referral>(id, requested), expiry);
    }

    public static ReferralRequested Request(Guid id, RequestReferral command, Provider provider, string advocateId, DateTimeOffset respondBy) => new(
        id, provider.Id, advocateId, command.FamilyReference.Trim(),
        command.Needs with
        {
            Specialties = ProviderRules.Codes(command.Needs.Specialties),
            AgeGroup = command.Needs.AgeGroup.ToLowerInvariant(),
            Language = command.Needs.Language.ToLowerInvariant(),
            State = command.Needs.State.ToUpperInvariant(),
        },
        command.Urgency!.Value, command.FeeNeed!.Value,
        command.Contact with { GuardianContact = string.IsNullOrWhiteSpace(command.Contact.GuardianContact) ? null : command.Contact.GuardianContact.Trim() },
        string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
        provider.FeeTerms, respondBy, !ProviderFit.HasPlace(provider, command.FeeNeed!.Value));
}
