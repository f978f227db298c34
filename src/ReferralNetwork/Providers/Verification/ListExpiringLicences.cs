using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Access;
using ReferralNetwork.Http;
using Wolverine.Http;

namespace ReferralNetwork.Providers.Verification;

public sealed record ExpiringLicence(Guid ProviderId, string Name, bool Verified, Licence Licence);

public sealed record ExpiringLicences(IReadOnlyList<ExpiringLicence> Items, int Total, DateOnly Until);

/// <summary>Licences of active providers, verified or not, that expire from today to <c>days</c> ahead: soonest first.</summary>
public static class ListExpiringLicencesEndpoint
{
    public const int MaxItems = 200;

    public static ProblemDetails Validate(int? days) => new ValidationProblems()
        .Also(p => p.Require(days is null or >= 1 and <= 365, "days", "must be between 1 and 365")).ToProblemDetails();

    [WolverineGet("/api/providers/expiring-licences", OperationId = "listExpiringLicences"), Tags("Providers"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List licences that expire soon"), EndpointDescription("Active providers' licences expiring from today to days ahead (default 30), soonest first; at most 200 items, with the total.")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<ExpiringLicences> Get(IQuerySession session, TimeProvider clock, CancellationToken ct, int? days = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(days ?? 30);
        // The soonest-expiry column (indexed) narrows to providers with any licence due by then; the licences are then
        // checked one by one, since a provider's earliest licence may have lapsed long ago while another is due now.
        var cases = await session.QueryAsync<VerificationCase>(
            "where d.active = true and d.licences_expire_first <= ? and exists (select 1 from jsonb_array_elements(d.data -> 'licences') l " +
            "where (l ->> 'expiresOn')::date between ? and ?)", ct, until, today, until);
        var items = cases.SelectMany(c => c.Licences.Where(l => l.ExpiresOn >= today && l.ExpiresOn <= until)
                .Select(l => new ExpiringLicence(c.Id, c.Name, c.Verified, l)))
            .OrderBy(i => i.Licence.ExpiresOn).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new ExpiringLicences(items.Take(MaxItems).ToList(), items.Count, until);
    }
}
