namespace ReferralNetwork.Benchmarks;

/// <summary>
/// The searches advocates make, in proportion: near a ZIP with a radius and a specialty; a state with fee terms;
/// telehealth into a state in a language; and deep pages of a broad state search. Deterministic per index.
/// </summary>
public static class SearchMix
{
    private static readonly string[] Zips = ["22314", "10001", "60614", "94110", "73301", "30303", "98101", "02139", "80202", "33130"];
    private static readonly string[] States = ["VA", "NY", "IL", "CA", "TX", "GA", "WA", "MA", "CO", "FL"];
    private static readonly string[] Specialties = ["tf-cbt", "emdr", "cpp", "cse-trafficking", "traumatic-grief", "pcit"];
    private static readonly string[] Languages = ["es", "en", "fr", "zh", "vi"];

    public static string Query(long i)
    {
        var n = (int)(i % 1000);
        return (n % 4) switch
        {
            0 => $"near={Zips[n % Zips.Length]}&radiusMiles=25&specialty={Specialties[n % Specialties.Length]}&accepting=true",
            1 => $"state={States[n % States.Length]}&fee={(n % 2 == 0 ? "pro-bono" : "sliding-scale")}&maxFee=80",
            2 => $"state={States[n % States.Length]}&telehealth=true&language={Languages[n % Languages.Length]}",
            _ => $"state={States[n % States.Length]}&page={1 + n % 8}&pageSize=20",
        };
    }
}
