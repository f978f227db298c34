using System.Net.Http.Json;
using System.Text.Json;

namespace ReferralNetwork.Benchmarks;

/// <summary>A referral an advocate can send to a provider: the provider's own specialty, age group, language and state.</summary>
public sealed record ReferralRequest(Guid ProviderId, string FamilyReference, ReferralNeeds Needs, string Urgency, string FeeNeed, ReferralContact Contact, string? Note, bool SendWhileNotAccepting);

public sealed record ReferralNeeds(string[] Specialties, string AgeGroup, string Language, string State, bool Telehealth);

public sealed record ReferralContact(string Channel, string? GuardianContact);

public static class ReferralTargets
{
    /// <summary>Verified providers in California who are accepting pro bono referrals, each with a request it can take.</summary>
    public static async Task<List<ReferralRequest>> FindAsync(HttpClient advocate)
    {
        var page = await advocate.GetFromJsonAsync<JsonElement>("/api/providers?state=CA&accepting=true&fee=pro-bono&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(p => new ReferralRequest(p.GetProperty("id").GetGuid(), "BENCH-0",
            new ReferralNeeds([p.GetProperty("specialties")[0].GetString()!], p.GetProperty("ageGroups")[0].GetString()!, p.GetProperty("languages")[0].GetString()!,
                "CA", p.GetProperty("matchedBy").GetString() == "telehealth"),
            "routine", "pro-bono", new ReferralContact("advocate-relays-only", null), null, true)).ToList();
    }
}
