using System.Text;
using Npgsql;
using NpgsqlTypes;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Providers.Searching;

/// <summary>
/// Turns a <see cref="ProviderSearch"/> into one parameterised SQL statement over the listing table's
/// indexed search columns (see <see cref="ProviderSearchSchema"/> and docs/search.md for the plans).
/// Values only ever travel as parameters.
/// </summary>
public static class ProviderSearchSql
{
    private const string Distance = """
        (SELECT min(3958.7613 * 2 * asin(sqrt(
            power(sin(radians(loc.lat - @lat) / 2), 2) +
            cos(radians(@lat)) * cos(radians(loc.lat)) * power(sin(radians(loc.lon - @lon) / 2), 2))))
         FROM unnest(d.latitudes, d.longitudes) AS loc(lat, lon))
        """;

    public static void Fill(NpgsqlCommand command, ProviderSearch s, string table, string statsTable, DateOnly today)
    {
        var where = new List<string> { "d.active", "d.licences_valid_until > @today" };
        command.Parameters.Add(new("today", NpgsqlDbType.Date) { Value = today });

        if (s.Verified == VerifiedFilter.VerifiedOnly) where.Add("d.verified");
        if (s.Verified == VerifiedFilter.UnverifiedOnly) where.Add("NOT d.verified");
        if (s.Specialties.Count > 0) Contains(command, where, "specialties", s.Specialties.ToArray());
        if (s.AgeGroup is not null) Contains(command, where, "age_groups", [s.AgeGroup]);
        if (s.Language is not null) Contains(command, where, "languages", [s.Language]);
        if (s.Accepting is { } accepting)
        {
            where.Add("d.accepting = @accepting");
            command.Parameters.Add(new("accepting", NpgsqlDbType.Boolean) { Value = accepting });
        }
        if (s.MaxFee is { } maxFee) command.Parameters.Add(new("max_fee", NpgsqlDbType.Numeric) { Value = maxFee });
        where.Add((s.Fee, s.MaxFee) switch
        {
            (FeeNeed.ProBono, _) => "d.pro_bono",
            (FeeNeed.SlidingScale, null) => "d.sliding_scale_min_fee_usd IS NOT NULL",
            (FeeNeed.SlidingScale, _) => "d.sliding_scale_min_fee_usd <= @max_fee",
            (FeeNeed.Any, null) => "true",
            (FeeNeed.Any, _) => "(d.pro_bono OR d.sliding_scale_min_fee_usd <= @max_fee)",
            _ => throw new ArgumentOutOfRangeException(nameof(s)),
        });

        var telehealth = s.Telehealth && s.TelehealthState is not null;
        if (telehealth) command.Parameters.Add(new("tele_state", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { s.TelehealthState! } });
        string distance = "NULL::float8", inPerson = "NULL::boolean";
        if (s.Near is { } near)
        {
            command.Parameters.Add(new("lat", NpgsqlDbType.Double) { Value = near.Latitude });
            command.Parameters.Add(new("lon", NpgsqlDbType.Double) { Value = near.Longitude });
            command.Parameters.Add(new("radius", NpgsqlDbType.Double) { Value = s.RadiusMiles });
            command.Parameters.Add(new("cells", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = GridCell.Covering(near.Latitude, near.Longitude, s.RadiusMiles) });
            distance = "dist.miles";
            inPerson = "coalesce(dist.miles <= @radius, false)";
            var nearby = "(d.grid_cells && @cells AND dist.miles <= @radius)";
            where.Add(telehealth ? $"({nearby} OR d.telehealth_states @> @tele_state)" : nearby);
        }
        else if (s.State is not null)
        {
            command.Parameters.Add(new("state", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { s.State } });
            inPerson = "d.practice_states @> @state";
            where.Add(telehealth ? "(d.practice_states @> @state OR d.telehealth_states @> @tele_state)" : "d.practice_states @> @state");
        }
        else if (s.Telehealth)
        {
            where.Add("cardinality(d.telehealth_states) > 0");
        }

        command.Parameters.Add(new("limit", NpgsqlDbType.Integer) { Value = s.PageSize });
        command.Parameters.Add(new("offset", NpgsqlDbType.Integer) { Value = (s.Page - 1) * s.PageSize });
        var sql = new StringBuilder()
            .Append($"SELECT d.data, {distance} AS distance_miles, {inPerson} AS in_person, count(*) OVER () AS total, ")
            .Append($"st.median_hours_to_answer, (st.data ->> 'acceptanceRate')::float8 FROM {table} d")
            .Append(s.Near is null ? "" : $" CROSS JOIN LATERAL {Distance} AS dist(miles)")
            .Append($" LEFT JOIN {statsTable} st ON st.id = d.id")
            .Append(" WHERE ").AppendJoin(" AND ", where)
            .Append(" ORDER BY ")
            .Append(s.Order == SearchOrder.RespondsFastest ? "st.median_hours_to_answer NULLS LAST, " : "")
            .Append(s.Near is null || s.Order == SearchOrder.Name ? "d.sort_name, d.id" : "dist.miles, d.sort_name, d.id")
            .Append(" LIMIT @limit OFFSET @offset");
        command.CommandText = sql.ToString();
    }

    private static void Contains(NpgsqlCommand command, List<string> where, string column, string[] values)
    {
        var name = $"p_{column}";
        where.Add($"d.{column} @> @{name}");
        command.Parameters.Add(new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
    }
}
