using System.Net;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers.Searching;

/// <summary>A small network placed on real ZIPs around Alexandria, VA (22314), seeded through the API.</summary>
public sealed class SearchNetwork
{
    public Guid Alexandria { get; private set; }    // VA 22314: tf-cbt + cse-trafficking, es, child; pro bono + sliding 20-80; accepting
    public Guid Washington { get; private set; }    // DC 20001: licensed DC + VA, telehealth VA; emdr + tf-cbt; sliding 40-100
    public Guid Baltimore { get; private set; }     // MD 21201: cpt; pro bono only; accepting
    public Guid Richmond { get; private set; }      // VA 23219: emdr; sliding 60-120; telehealth VA; not accepting
    public Guid LosAngeles { get; private set; }    // CA 90012: telehealth CA only
    public Guid Unverified { get; private set; }    // VA 22314, never verified
    public Guid Deactivated { get; private set; }   // VA 22314, deactivated

    public static async Task<SearchNetwork> Seed(ApiFixture api)
    {
        await api.ResetAsync();
        var n = new SearchNetwork
        {
            Alexandria = (await api.Onboarded(Make("Avery Alexander", "22314", "VA", specialties: ["tf-cbt", "cse-trafficking"], languages: ["en", "es"], ages: ["child", "adolescent"]))).Id,
            Washington = (await api.Onboarded(Make("Blair Washington", "20001", "DC", extraLicence: "VA", telehealth: ["VA"], specialties: ["emdr", "tf-cbt"], ages: ["adolescent"],
                fees: new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 40, 100, true), null)))).Id,
            Baltimore = (await api.Onboarded(Make("Casey Baltimore", "21201", "MD", specialties: ["cpt"], ages: ["adult"],
                fees: new ChangeFeeTerms(new ProBonoTerms(true, 8), new SlidingScaleTerms(false, null, null, false), null)))).Id,
            Richmond = (await api.Onboarded(Make("Devon Richmond", "23219", "VA", telehealth: ["VA"], specialties: ["emdr"], ages: ["child"],
                fees: new ChangeFeeTerms(new ProBonoTerms(false, null), new SlidingScaleTerms(true, 60, 120, false), null),
                availability: new ChangeAvailability(AcceptingStatus.NotAccepting, 0, 0, 8)))).Id,
            LosAngeles = (await api.Onboarded(Make("Emery Angeles", null, "CA", telehealth: ["CA"], specialties: ["tf-cbt"], ages: ["child"]))).Id,
            Unverified = (await api.Onboarded(Make("Frankie Unverified", "22314", "VA", specialties: ["tf-cbt"], ages: ["child"]), verify: false)).Id,
        };
        var deactivated = await api.Onboarded(Make("Gale Deactivated", "22314", "VA", specialties: ["tf-cbt"], ages: ["child"]));
        var answer = await api.Send(HttpMethod.Post, $"/api/providers/{deactivated.Id}/deactivate", new DeactivateProvider("moved away"), deactivated.ETag);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        n.Deactivated = deactivated.Id;
        return n;
    }

    public string NameOf(Guid id) =>
        id == Alexandria ? nameof(Alexandria) : id == Washington ? nameof(Washington) : id == Baltimore ? nameof(Baltimore) :
        id == Richmond ? nameof(Richmond) : id == LosAngeles ? nameof(LosAngeles) : id == Unverified ? nameof(Unverified) :
        id == Deactivated ? nameof(Deactivated) : id.ToString();

    private static OnboardProvider Make(string name, string? zip, string state, string[] specialties, string[] ages,
        string[]? languages = null, string? extraLicence = null, string[]? telehealth = null, ChangeFeeTerms? fees = null,
        ChangeAvailability? availability = null)
    {
        var expires = ProviderScenarios.Today.AddYears(2);
        List<Licence> licences = [new("LPC", state, "L-1", expires)];
        if (extraLicence is not null) licences.Add(new("LPC", extraLicence, "L-2", expires));
        var sample = ProviderScenarios.Onboarding();
        fees ??= new ChangeFeeTerms(new ProBonoTerms(true, 10), new SlidingScaleTerms(true, 20, 80, true), null);
        return sample with
        {
            Profile = sample.Profile with
            {
                Name = name,
                Licences = licences,
                Locations = zip is null ? [] : [new PracticeAddress(null, "1 Main St", "City", state, zip)],
                TelehealthStates = telehealth ?? [],
                Languages = languages ?? ["en"],
                AgeGroups = ages,
            },
            Specialties = specialties,
            FeeTerms = fees,
            // One open slot for each kind of fee terms offered (slots for terms not offered are refused).
            Availability = availability ?? new ChangeAvailability(AcceptingStatus.Accepting, fees.ProBono.Offered ? 1 : 0, fees.SlidingScale.Offered ? 1 : 0, 1),
        };
    }
}
