using Bogus;
using ReferralNetwork.Geography;
using ReferralNetwork.Providers;
using ReferralNetwork.Taxonomy;

namespace ReferralNetwork.Demo;

/// <summary>
/// A clearly synthetic network for demos: every provider says so in its bio, uses a demo.example.org address
/// (a reserved domain), a 555-01xx phone number and a DEMO- licence number. Deterministic for a given seed.
/// </summary>
public static class DemoNetwork
{
    public const int DefaultSize = 2000;
    public const string Marker = "Synthetic demo provider for the ReferralNetwork demo network: not a real person.";

    private static readonly string[] Credentials = ["LCSW", "LPC", "LMFT", "LMHC", "PsyD", "PhD", "MD", "PMHNP", "LICSW", "LPCC"];
    private static readonly string[] Doctors = ["PsyD", "PhD", "MD"];
    private static readonly string[] CommonSpecialties = ["tf-cbt", "emdr", "cpt", "traumatic-grief", "caregivers", "dv-exposed"];
    private static readonly string[] OtherLanguages = ["vi", "zh", "ar", "fr", "ht", "ko", "ru", "tl", "pt", "so"];

    public static IEnumerable<OnboardProvider> Generate(int count, int seed, DateOnly today)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var zipsByState = ZipCentroids.Default.All.GroupBy(z => z.State).ToDictionary(g => g.Key, g => g.ToArray());
        var states = Regions.All.Select(r => r.Code).Where(zipsByState.ContainsKey).ToArray();
        var specialties = TraumaSpecialties.All.Select(s => s.Code).ToArray();
        var ageGroups = AgeGroups.All.Select(a => a.Code).ToArray();
        var totalZips = states.Sum(s => zipsByState[s].Length);

        for (var i = 0; i < count; i++)
        {
            // Every state and DC gets providers; the rest follow the number of ZIP codes (a rough proxy for population).
            var state = i < states.Length * 8 ? states[i % states.Length] : PickWeighted(faker, states, zipsByState, totalZips);
            var credential = faker.PickRandom(Credentials);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var expires = today.AddDays(faker.Random.Int(120, 1100));
            var licences = new List<Licence> { new(credential, state, $"DEMO-{i:D6}", expires) };
            if (faker.Random.Bool(0.15f)) licences.Add(new(credential, faker.PickRandom(states.Where(s => s != state)), $"DEMO-{i:D6}-B", expires));
            var inPerson = faker.Random.Bool(0.85f);
            var locations = inPerson
                ? Enumerable.Range(0, faker.Random.Bool(0.2f) ? 2 : 1).Select(_ => Address(faker, faker.PickRandom(zipsByState[state]))).ToList()
                : [];
            var telehealth = !inPerson || faker.Random.Bool(0.45f) ? licences.Select(l => l.State).Distinct().ToList() : [];
            var offersProBono = faker.Random.Bool(0.45f);
            var min = faker.Random.Int(0, 12) * 5m;

            var profile = new UpdateProfile(
                Name: Doctors.Contains(credential) ? $"Dr. {first} {last}" : $"{first} {last}",
                Credentials: [credential],
                Npi: null,
                Licences: licences,
                Locations: locations,
                TelehealthStates: telehealth,
                Languages: ["en", .. faker.Random.Bool(0.25f) ? ["es"] : Array.Empty<string>(), .. faker.Random.Bool(0.06f) ? [faker.PickRandom(OtherLanguages)] : Array.Empty<string>()],
                AgeGroups: faker.Random.Shuffle(ageGroups).Take(faker.Random.Int(1, 4)).ToList(),
                Contact: new ProviderContact($"{first}.{last}.{i}@demo.example.org".ToLowerInvariant(), $"555-01{faker.Random.Int(0, 99):D2}"),
                Bio: Marker);
            var specialtyCodes = faker.Random.Shuffle(specialties).Take(faker.Random.Int(1, 4)).Concat(faker.Random.Shuffle(CommonSpecialties).Take(faker.Random.Int(1, 2))).Distinct().ToList();
            var fees = new ChangeFeeTerms(
                new ProBonoTerms(offersProBono, offersProBono ? faker.Random.Int(4, 20) : null),
                !offersProBono || faker.Random.Bool(0.7f)
                    ? new SlidingScaleTerms(true, min, min + faker.Random.Int(4, 30) * 5m, faker.Random.Bool(0.8f))
                    : new SlidingScaleTerms(false, null, null, false),
                faker.Random.Bool(0.4f) ? "Medicaid accepted" : null);
            var status = faker.Random.WeightedRandom([AcceptingStatus.Accepting, AcceptingStatus.NotAccepting, AcceptingStatus.Paused], [0.65f, 0.2f, 0.15f]);
            // Drawn whatever the terms (so a seed gives the network it always gave), then 0 where the kind is not
            // offered: open slots for terms a provider does not offer are refused by the API.
            var proBonoSlots = faker.Random.Int(0, 4);
            var slidingSlots = faker.Random.Int(0, 6);
            var availability = new ChangeAvailability(status, fees.ProBono.Offered ? proBonoSlots : 0, fees.SlidingScale.Offered ? slidingSlots : 0, faker.Random.Int(0, 8));
            yield return new OnboardProvider(profile, specialtyCodes, fees, availability);
        }
    }

    private static PracticeAddress Address(Faker faker, ZipCentroid zip) =>
        new(null, faker.Address.StreetAddress(), zip.City, zip.State, zip.Zip);

    private static string PickWeighted(Faker faker, string[] states, Dictionary<string, ZipCentroid[]> zips, int total)
    {
        var n = faker.Random.Int(0, total - 1);
        foreach (var state in states)
        {
            n -= zips[state].Length;
            if (n < 0) return state;
        }
        return states[^1];
    }
}
