using Npgsql;
using ReferralNetwork.Geography;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Network;

public sealed record StateCapacity(string State, int AcceptingProviders, int OpenProBonoSlots, int OpenSlidingScaleSlots);

public sealed record CoverageGap(string State, string Specialty);

/// <summary>
/// Capacity and coverage as they stand, aggregated live from the listing table (exact, and cheap with its
/// indexes): which states have accepting, verified providers (in person or by telehealth) with open slots,
/// and which state × specialty pairs have none.
/// </summary>
public static class NetworkCapacity
{
    private const string Served = """
        WITH served AS (
          SELECT d.id, s.state, d.accepting, d.specialties,
                 (d.data -> 'availability' ->> 'openProBonoSlots')::int AS pro_bono,
                 (d.data -> 'availability' ->> 'openSlidingScaleSlots')::int AS sliding
          FROM {0} d
          CROSS JOIN LATERAL (SELECT unnest(d.practice_states) UNION SELECT unnest(d.telehealth_states)) AS s(state)
          WHERE d.active AND d.verified AND d.licences_valid_until > @today)
        """;

    public static async Task<IReadOnlyList<StateCapacity>> ByStateAsync(NpgsqlDataSource db, string table, DateOnly today, CancellationToken ct)
    {
        await using var command = db.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Served, table) + """
            SELECT state, count(*) FILTER (WHERE accepting)::int, coalesce(sum(pro_bono) FILTER (WHERE accepting), 0)::int,
                   coalesce(sum(sliding) FILTER (WHERE accepting), 0)::int
            FROM served GROUP BY state ORDER BY state
            """);
        command.Parameters.AddWithValue("today", today);
        var found = new Dictionary<string, StateCapacity>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found[reader.GetString(0)] = new StateCapacity(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        return Regions.All.Select(r => found.GetValueOrDefault(r.Code) ?? new StateCapacity(r.Code, 0, 0, 0)).ToList();
    }

    public static async Task<IReadOnlyList<CoverageGap>> GapsAsync(NpgsqlDataSource db, string table, DateOnly today, CancellationToken ct)
    {
        await using var command = db.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Served, table) +
            "SELECT DISTINCT state, unnest(specialties) FROM served WHERE accepting");
        command.Parameters.AddWithValue("today", today);
        var covered = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) covered.Add((reader.GetString(0), reader.GetString(1)));
        return (from region in Regions.All
                from specialty in TraumaSpecialties.All
                where !covered.Contains((region.Code, specialty.Code))
                select new CoverageGap(region.Code, specialty.Code)).ToList();
    }
}
