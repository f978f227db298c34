using Npgsql;
using NpgsqlTypes;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Hsds;

/// <summary>
/// The directory's pages in SQL over the listing table's indexed search columns (ProviderSearchSchema): a count and one
/// page, in one round trip. Values only ever travel as parameters.
/// </summary>
public static class HsdsSql
{
    /// <summary>What a directory may list: active, verified, with a licence still valid. The same rule as <see cref="IsListed"/>.</summary>
    public const string Listed = "d.active AND d.verified AND d.licences_valid_until > @today";

    public static bool IsListed(ProviderListing p, DateOnly today) => p.Active && p.Verified && p.LicencesValidUntil > today;

    private static string Miles(string lat, string lon) => $"""
        (3958.7613 * 2 * asin(sqrt(power(sin(radians({lat} - @lat) / 2), 2) +
            cos(radians(@lat)) * cos(radians({lat})) * power(sin(radians({lon} - @lon) / 2), 2))))
        """;

    /// <summary>Services or organizations (one per provider) in name order: the count, then the page's listings.</summary>
    public static void Providers(NpgsqlCommand command, HsdsQuery q, string table, DateOnly today)
    {
        var filter = Filter(command, q, today);
        if (q.Postcode is not null)
            filter += $" AND d.grid_cells && @cells AND EXISTS (SELECT 1 FROM unnest(d.latitudes, d.longitudes) AS loc(lat, lon) WHERE {Miles("loc.lat", "loc.lon")} <= @radius)";
        command.CommandText = $"""
            SELECT count(*) FROM {table} d WHERE {filter};
            SELECT d.data, NULL::int FROM {table} d WHERE {filter} ORDER BY d.sort_name, d.id LIMIT @limit OFFSET @offset
            """;
    }

    /// <summary>
    /// Services at locations: each practice address, then telehealth, in name order (by distance near a postcode, where only
    /// addresses within the proximity count): the count, then the page's listings with the place (null: telehealth).
    /// </summary>
    public static void ServiceAtLocations(NpgsqlCommand command, HsdsQuery q, string table, DateOnly today)
    {
        var filter = Filter(command, q, today);
        var near = q.Postcode is null ? "" : $" AND d.grid_cells && @cells AND {Miles("loc.lat", "loc.lon")} <= @radius";
        var miles = q.Postcode is null ? "NULL::float8" : Miles("loc.lat", "loc.lon");
        var telehealth = q.Postcode is null
            ? $" UNION ALL SELECT d.id, d.sort_name, NULL::int, NULL::float8 FROM {table} d WHERE {filter} AND cardinality(d.telehealth_states) > 0"
            : "";
        var places = $"""
            WITH places AS MATERIALIZED (
                SELECT d.id, d.sort_name, (loc.ord - 1)::int AS place, {miles} AS miles
                FROM {table} d CROSS JOIN LATERAL unnest(d.latitudes, d.longitudes) WITH ORDINALITY AS loc(lat, lon, ord)
                WHERE {filter}{near}{telehealth})
            """;
        const string order = "miles NULLS LAST, sort_name, id, place NULLS LAST";
        command.CommandText = $"""
            {places} SELECT count(*) FROM places;
            {places} SELECT d.data, page.place FROM (SELECT * FROM places ORDER BY {order} LIMIT @limit OFFSET @offset) AS page
            JOIN {table} d ON d.id = page.id ORDER BY {string.Join(", ", order.Split(", ").Select(o => "page." + o))}
            """;
    }

    /// <summary>Every listed provider in name order, for the export (the reader streams the rows).</summary>
    public static void Everyone(NpgsqlCommand command, string table, DateOnly today)
    {
        command.Parameters.Add(new("today", NpgsqlDbType.Date) { Value = today });
        command.CommandText = $"SELECT d.data FROM {table} d WHERE {Listed} ORDER BY d.sort_name, d.id";
    }

    private static string Filter(NpgsqlCommand command, HsdsQuery q, DateOnly today)
    {
        var where = new List<string> { Listed };
        command.Parameters.Add(new("today", NpgsqlDbType.Date) { Value = today });
        command.Parameters.Add(new("limit", NpgsqlDbType.Integer) { Value = q.PerPage });
        command.Parameters.Add(new("offset", NpgsqlDbType.Integer) { Value = q.Offset });
        if (q.Search is { } search)
        {
            // Names and profiles, case-insensitive, the text taken literally (LIKE's wildcards escaped).
            var pattern = "%" + search.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            where.Add("(d.sort_name LIKE @search OR lower(d.data ->> 'bio') LIKE @search)");
            command.Parameters.Add(new("search", NpgsqlDbType.Text) { Value = pattern });
        }
        if (q.Term is { } term && term.Taxonomy != HsdsTaxonomies.AvailabilityName)
        {
            // Every listed service carries the availability terms; the others are array columns with GIN indexes.
            where.Add(term.Taxonomy == HsdsTaxonomies.Specialties ? "d.specialties @> @term" : "d.age_groups @> @term");
            command.Parameters.Add(new("term", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { term.Code } });
        }
        if (q.Organization is { } provider)
        {
            where.Add("d.id = @provider");
            command.Parameters.Add(new("provider", NpgsqlDbType.Uuid) { Value = provider });
        }
        if (q.ModifiedAfter is { } after)
        {
            where.Add("(d.data ->> 'lastChangedAt')::timestamptz >= @after");
            command.Parameters.Add(new("after", NpgsqlDbType.TimestampTz) { Value = after.ToUniversalTime() });
        }
        if (q.Postcode is { } near)
        {
            command.Parameters.Add(new("lat", NpgsqlDbType.Double) { Value = near.Latitude });
            command.Parameters.Add(new("lon", NpgsqlDbType.Double) { Value = near.Longitude });
            command.Parameters.Add(new("radius", NpgsqlDbType.Double) { Value = q.Proximity });
            command.Parameters.Add(new("cells", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = GridCell.Covering(near.Latitude, near.Longitude, q.Proximity) });
        }
        return string.Join(" AND ", where);
    }
}
