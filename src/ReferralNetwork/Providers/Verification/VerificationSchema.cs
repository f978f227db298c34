using Marten;
using NpgsqlTypes;

namespace ReferralNetwork.Providers.Verification;

/// <summary>The verification case's filter columns, declared through Marten so it keeps their indexes.</summary>
public static class VerificationSchema
{
    public static void Configure(StoreOptions options)
    {
        var cases = options.Schema.For<VerificationCase>();
        cases.Duplicate(x => x.States, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin, notNull: true);
        cases.Duplicate(x => x.WaitingSince, notNull: true);
        cases.Duplicate(x => x.LicencesExpireFirst, "date", NpgsqlDbType.Date, notNull: true);
        cases.Duplicate(x => x.Review, notNull: true);
        cases.Duplicate(x => x.Active, notNull: true);
        cases.Duplicate(x => x.Verified, notNull: true);
    }
}
