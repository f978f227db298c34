namespace ReferralNetwork.Http;

/// <summary>
/// The dates a query filter may name: wide enough for any real question, narrow enough that the day arithmetic and
/// PostgreSQL's timestamps never overflow (to=9999-12-31 was a 500).
/// </summary>
public static class QueryDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2999, 12, 31);

    public const string Rule = "must be between 1900-01-01 and 2999-12-31";

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool InRange(DateTimeOffset time) => InRange(DateOnly.FromDateTime(time.UtcDateTime));
}
