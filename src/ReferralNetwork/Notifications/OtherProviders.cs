using Marten;
using Npgsql;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Notifications;

/// <summary>The escalation of an expired referral: up to three other providers who fit the same needs and take referrals now.</summary>
public static class OtherProviders
{
    public const int Count = 3;

    public static async Task<IReadOnlyList<ProviderListing>> FindAsync(NpgsqlDataSource database, IDocumentStore store, ReferralSummary referral, TimeProvider clock, CancellationToken ct)
    {
        // The search the directory runs, with the family's needs (used to choose, never written into the message).
        var search = new ProviderSearch(referral.Needs.State, null, ProviderSearch.DefaultRadiusMiles, referral.Needs.Telehealth,
            referral.Needs.Specialties, referral.Needs.AgeGroup, referral.Needs.Language,
            referral.FeeNeed == Providers.FeeKind.ProBono ? FeeNeed.ProBono : FeeNeed.SlidingScale, null, true,
            VerifiedFilter.VerifiedOnly, 1, Count + 1, SearchOrder.TakingReferralsFirst);
        await using var command = database.CreateCommand();
        ProviderSearchSql.Fill(command, search, ProviderSearchSchema.TableName(store), ProviderSearchSchema.TableOf<ProviderResponseStats>(store),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var serializer = store.Options.Serializer();
        var found = new List<ProviderListing>();
        while (await reader.ReadAsync(ct))
        {
            var listing = serializer.FromJson<ProviderListing>(reader, 0);
            if (listing.Id != referral.ProviderId && listing.Availability.TakesReferrals) found.Add(listing);
        }
        return found.Take(Count).ToList();
    }
}
