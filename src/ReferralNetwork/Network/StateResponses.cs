using Marten;
using Npgsql;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Network;

/// <summary>How providers answer the referrals of families in one state: how many were answered, the share accepted, the median hours to a first answer.</summary>
public sealed record StateResponses(string State, int Referrals, int Answered, double? AcceptanceRate, double? MedianHoursToAnswer);

/// <summary>Aggregated live from the referral summaries (indexed by family state), so it is exact at the moment of asking.</summary>
public static class ReferralResponses
{
    public static async Task<IReadOnlyList<StateResponses>> ByStateAsync(NpgsqlDataSource db, IDocumentStore store, CancellationToken ct)
    {
        var table = Providers.Searching.ProviderSearchSchema.TableOf<ReferralSummary>(store);
        await using var command = db.CreateCommand($"""
            SELECT family_state, count(*)::int, count(data ->> 'answeredAt')::int,
                   (count(data ->> 'acceptedAt')::float8 / nullif(count(data ->> 'answeredAt'), 0)),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ((data ->> 'answeredAt')::timestamptz - requested_at)) / 3600)
                     FILTER (WHERE data ->> 'answeredAt' IS NOT NULL)
            FROM {table} GROUP BY family_state ORDER BY family_state
            """);
        var rows = new List<StateResponses>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new StateResponses(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : Math.Round(reader.GetDouble(3), 3), reader.IsDBNull(4) ? null : Math.Round(reader.GetDouble(4), 1)));
        return rows;
    }
}
