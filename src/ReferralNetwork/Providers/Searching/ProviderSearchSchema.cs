using Marten;
using Marten.Schema;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace ReferralNetwork.Providers.Searching;

/// <summary>The listing's search columns and their indexes, all declared through Marten so it keeps them.</summary>
public static class ProviderSearchSchema
{
    public static void Configure(StoreOptions options)
    {
        var listing = options.Schema.For<ProviderListing>();
        const NpgsqlDbType textArray = NpgsqlDbType.Array | NpgsqlDbType.Text;
        Action<DocumentIndex> gin = index => index.Method = IndexMethod.gin;
        listing.Duplicate(x => x.PracticeStates, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.TelehealthStates, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.Specialties, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.Languages, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.AgeGroups, "text[]", textArray, gin, notNull: true);
        listing.Duplicate(x => x.GridCells, "integer[]", NpgsqlDbType.Array | NpgsqlDbType.Integer, gin, notNull: true);
        listing.Duplicate(x => x.Latitudes, "double precision[]", NpgsqlDbType.Array | NpgsqlDbType.Double, notNull: true);
        listing.Duplicate(x => x.Longitudes, "double precision[]", NpgsqlDbType.Array | NpgsqlDbType.Double, notNull: true);
        listing.Duplicate(x => x.SortName, notNull: true);
        listing.Duplicate(x => x.Active, notNull: true);
        listing.Duplicate(x => x.Verified, notNull: true);
        listing.Duplicate(x => x.Accepting, notNull: true);
        listing.Duplicate(x => x.ProBono, notNull: true);
        listing.Duplicate(x => x.SlidingScaleMinFeeUsd);
        listing.Duplicate(x => x.LicencesValidUntil, "date", NpgsqlDbType.Date, notNull: true);
    }

    public static string TableName(IDocumentStore store) => TableOf<ProviderListing>(store);

    public static string TableOf<T>(IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}
