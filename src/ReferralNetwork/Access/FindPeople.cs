using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using ReferralNetwork.Referrals;
using Wolverine.Http;

namespace ReferralNetwork.Access;

/// <summary>One person as an administrator picks them: the name to show, and the email that tells two namesakes apart.</summary>
public sealed record PersonName(string Id, string Name, string? Role, string? Email, Guid? ProviderId);

public sealed record PeopleFound(IReadOnlyList<PersonName> Items, bool More);

/// <summary>
/// Administrators find people by name instead of typing user ids. Staff names and emails only, nothing about any
/// family, so the lookup is not in the access audit.
/// </summary>
public static class FindPeopleEndpoint
{
    public static ProblemDetails Validate(HttpRequest request)
    {
        var problems = NameLookup.Parse(request.Query).Problems;
        if (request.Query.TryGetValue("role", out var role) && !Roles.All.Contains(role.ToString()))
            problems.Add("role", $"must be one of: {string.Join(", ", Roles.All)}");
        return problems.ToProblemDetails();
    }

    /// <summary>
    /// By name: people whose name holds the text (any case), or whose user id is the text; an exact name first. An
    /// advocate who never signed in here but appears on referrals is found by their user id. By id: those known, by id.
    /// </summary>
    [WolverineGet("/api/people", OperationId = "findPeople"), Tags("Access"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Find people by name")]
    public static async Task<PeopleFound> Get(HttpRequest request, IQuerySession session, CancellationToken ct, string? name = null, string? role = null)
    {
        var lookup = NameLookup.Parse(request.Query).Lookup!;
        if (lookup.Name is null)
        {
            var named = await session.NamedAsync(lookup.Ids, ct);
            return new PeopleFound([.. lookup.Ids.Where(named.ContainsKey).Select(id => Of(named[id]))], false);
        }

        var text = lookup.Name;
        var people = session.Query<Person>().Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Id == text);
        if (role is not null) people = people.Where(p => p.Role == role);
        var found = (await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(NameLookup.Limit + 1).ToListAsync(ct))
            .OrderByDescending(p => NameLookup.SameName(p.Name, text) || p.Id == text).Select(Of).ToList();
        if (found.All(p => p.Id != text) && role is null or Roles.Advocate
            && await session.Query<ReferralSummary>().AnyAsync(r => r.AdvocateId == text, ct))
            found.Insert(0, new PersonName(text, text, Roles.Advocate, null, null));
        return new PeopleFound(found.Take(NameLookup.Limit).ToList(), found.Count > NameLookup.Limit);
    }

    private static PersonName Of(Person p) => new(p.Id, p.DisplayName, p.Role, p.Email, p.ProviderId);
}
