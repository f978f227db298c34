using Marten;
using Marten.Schema;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace ReferralNetwork.Providers.Searching;

/// <summary>
/// The listing's search columns and their indexes, all declared through Marten so it keeps them (docs/search.md shows
/// the plans they give at 100,000 providers).
/// </summary>
public static class ProviderSearchSchema
{
    public static void Configure(StoreOptions options)
    {
        var listing = options.Schema.For<ProviderListing>();
        const NpgsqlDbType textArray = NpgsqlDbType.Array | NpgsqlDbType.Text;
        Action<DocumentIndex> gin = index => index.Method = IndexMethod.gin;

        // Containment filters (@>, &&): one GIN index each, combined by bitmap AND/OR.
        listing.Duplicate(x => x.PracticeStates, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.TelehealthStates, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.Specialties, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.Languages, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.AgeGroups, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.GridCells, "integer[]", NpgsqlDbType.Array | NpgsqlDbType.Integer, gin, notNull: true);

        // maxFee: a range on the sliding-scale minimum (selective for low fees).
        listing.Duplicate(x => x.SlidingScaleMinFeeUsd);

        // The other search columns are duplicated on the mapping itself, because Duplicate() always adds a btree index
        // on the one column: no use for booleans true for most rows, a date in the future for nearly all, or the
        // coordinates used only for the exact distance, and harmful besides (the planner ANDs an 85,000-row bitmap of
        // "verified" into small searches). Instead, one index in name order, unique with the id, carries the scalar
        // filters: a page walks it and stops, a deep page skips along it, and the total of a search without array
        // filters is an index-only scan.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(ProviderListing)) return;
            Unindexed(mapping, nameof(ProviderListing.SortName));
            Unindexed(mapping, nameof(ProviderListing.Latitudes), "double precision[]", NpgsqlDbType.Array | NpgsqlDbType.Double);
            Unindexed(mapping, nameof(ProviderListing.Longitudes), "double precision[]", NpgsqlDbType.Array | NpgsqlDbType.Double);
            Unindexed(mapping, nameof(ProviderListing.Active));
            Unindexed(mapping, nameof(ProviderListing.Verified));
            Unindexed(mapping, nameof(ProviderListing.Accepting));
            Unindexed(mapping, nameof(ProviderListing.ProBono));
            Unindexed(mapping, nameof(ProviderListing.LicencesValidUntil), "date", NpgsqlDbType.Date);
            // It also carries the array columns, so a page in name order is an index-only walk that checks each entry
            // without visiting the table's wide rows (page 8 of a state at 100,000 providers: 4,300 heap visits before).
            mapping.AddIndex("sort_name", "id").IncludeColumns =
                ["active", "verified", "licences_valid_until", "accepting", "pro_bono", "sliding_scale_min_fee_usd",
                 "practice_states", "telehealth_states", "specialties", "languages", "age_groups"];
            // Administrators find a provider by any part of the name (FindProviders.cs): trigrams serve LIKE '%ada%'.
            var byName = mapping.AddIndex("sort_name");
            byName.Name = "mt_doc_providerlisting_idx_sort_name_trgm";
            byName.Method = IndexMethod.gin;
            byName.Mask = "? gin_trgm_ops";
        });
        // Trusted since PostgreSQL 13: the database owner may create it; postgresql-contrib ships it.
        options.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("pg_trgm"));
    }

    private static void Unindexed(DocumentMapping mapping, string member, string? pgType = null, NpgsqlDbType? dbType = null)
    {
        var field = mapping.DuplicateField(member, pgType, notNull: true);
        if (dbType is { } type) field.DbType = type;
    }

    public static string TableName(IDocumentStore store) => TableOf<ProviderListing>(store);

    public static string TableOf<T>(IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}
