using Npgsql;
using NpgsqlTypes;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Providers.Searching;

/// <summary>
/// Turns a <see cref="ProviderSearch"/> into one parameterised SQL statement over the listing table's
/// indexed search columns (see <see cref="ProviderSearchSchema"/>, and docs/search.md for the plans at 100,000 providers).
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
        // Near a ZIP, the grid cells' GIN index alone finds the few hundred candidates and the other array conditions
        // are checked on them: ANDing in the bitmap of a common specialty (30,000 of 100,000 providers) cost more to
        // build (4 ms) than the rows it saved reading. Not so for a state: its thousands of candidates are worth
        // narrowing by index first (measured both ways at 100,000 providers, docs/benchmarks.md).
        var byPlace = s.Near is not null;
        if (s.Specialties.Count > 0) Contains(command, where, "specialties", s.Specialties.ToArray(), indexed: !byPlace);
        if (s.AgeGroup is not null) Contains(command, where, "age_groups", [s.AgeGroup], indexed: !byPlace);
        if (s.Language is not null) Contains(command, where, "languages", [s.Language], indexed: !byPlace);
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
        var inPerson = "NULL::boolean";
        if (s.Near is { } near)
        {
            command.Parameters.Add(new("lat", NpgsqlDbType.Double) { Value = near.Latitude });
            command.Parameters.Add(new("lon", NpgsqlDbType.Double) { Value = near.Longitude });
            command.Parameters.Add(new("radius", NpgsqlDbType.Double) { Value = s.RadiusMiles });
            command.Parameters.Add(new("cells", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = GridCell.Covering(near.Latitude, near.Longitude, s.RadiusMiles) });
            inPerson = "coalesce(dist.miles <= @radius, false)";
            // (cells AND radius) OR telehealth, written as (cells OR telehealth) AND (radius OR telehealth): the same rows,
            // but the first part is a BitmapOr of two GIN indexes rather than a filter over every other match.
            where.Add(telehealth
                ? "(d.grid_cells && @cells OR d.telehealth_states @> @tele_state) AND (dist.miles <= @radius OR d.telehealth_states @> @tele_state)"
                : "d.grid_cells && @cells AND dist.miles <= @radius");
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
        var byAnswers = s.Order == SearchOrder.RespondsFastest;
        var byDistance = s.Near is not null && s.Order != SearchOrder.Name;
        var takingFirst = s.Order == SearchOrder.TakingReferralsFirst;
        string[] order = [.. takingFirst ? ["accepting DESC"] : Array.Empty<string>(), .. byAnswers ? ["median NULLS LAST"] : Array.Empty<string>(),
            .. byDistance ? ["miles"] : Array.Empty<string>(), "sort_name", "id"];
        var filter = string.Join(" AND ", where);
        command.CommandText = s.Near is null
            ? ByName(table, statsTable, filter, inPerson, byAnswers, order)
            : ByDistance(table, statsTable, filter, inPerson, byAnswers, order);
    }

    // No radius: the page and the total are separate subqueries over the same filter, so each gets its own plan. The
    // page is a top-N sort of the matches, or a walk of the (sort_name, id) index that stops after the page; the total
    // (an InitPlan, run once) is a count that never reads the JSON: an index-only scan of that index when no array
    // filter applies. (count(*) OVER () on the page query made PostgreSQL carry every match, JSON and all, through a
    // window before it could apply the LIMIT, and walk the name index through the whole table for small sets.)
    private static string ByName(string table, string statsTable, string filter, string inPerson, bool byAnswers, string[] order)
    {
        var (from, median) = byAnswers ? ($"{table} d LEFT JOIN {statsTable} st ON st.id = d.id", ", st.median_hours_to_answer AS median") : ($"{table} d", "");
        var page = $"SELECT d.id, d.sort_name, d.accepting{median}, {inPerson} AS in_person FROM {from} WHERE {filter} " +
                   $"ORDER BY {string.Join(", ", order)} LIMIT @limit OFFSET @offset";
        return Page("", "NULL::float8", $"(SELECT count(*) FROM {table} d WHERE {filter})", page, table, statsTable, order);
    }

    // A radius: every candidate needs its distance before it can be ordered, so the matches (bounded by the grid cells
    // of the radius, plus one state's telehealth providers) are computed once into a narrow CTE, then counted and paged.
    private static string ByDistance(string table, string statsTable, string filter, string inPerson, bool byAnswers, string[] order)
    {
        var matches = $"""
            WITH matches AS MATERIALIZED (
                SELECT d.id, d.sort_name, d.accepting, dist.miles, {inPerson} AS in_person
                FROM {table} d CROSS JOIN LATERAL {Distance} AS dist(miles)
                WHERE {filter})

            """;
        var (from, median) = byAnswers ? ($"matches m LEFT JOIN {statsTable} st ON st.id = m.id", ", st.median_hours_to_answer AS median") : ("matches m", "");
        var page = $"SELECT m.*{median} FROM {from} ORDER BY {string.Join(", ", order)} LIMIT @limit OFFSET @offset";
        return Page(matches, "page.miles", "(SELECT count(*) FROM matches)", page, table, statsTable, order);
    }

    // Only the page's rows are joined back for their JSON and response stats.
    private static string Page(string with, string distance, string total, string page, string table, string statsTable, string[] order) => with + $"""
        SELECT d.data, {distance} AS distance_miles, page.in_person, {total} AS total,
               st.median_hours_to_answer, (st.data ->> 'acceptanceRate')::float8,
               coalesce(jsonb_array_length(st.data -> 'recentHoursToAnswer'), 0), coalesce((st.data ->> 'accepted')::int, 0),
               coalesce((st.data ->> 'accepted')::int + (st.data ->> 'declined')::int + (st.data ->> 'expired')::int, 0)
        FROM ({page}) AS page
        JOIN {table} d ON d.id = page.id
        LEFT JOIN {statsTable} st ON st.id = page.id
        ORDER BY {string.Join(", ", order.Select(o => $"page.{o}"))}
        """;

    // Not indexed: "(…) IS TRUE" is the same condition, but not one an index can answer, so the planner checks it per row.
    private static void Contains(NpgsqlCommand command, List<string> where, string column, string[] values, bool indexed)
    {
        var name = $"p_{column}";
        where.Add(indexed ? $"d.{column} @> @{name}" : $"(d.{column} @> @{name}) IS TRUE");
        command.Parameters.Add(new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
    }
}
