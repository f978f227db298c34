using System.Globalization;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Api.Pages.Providers;

/// <summary>One part of a section that someone else saved differently: what the listing says now, and what this person typed.</summary>
public sealed record ChangedPart(string Label, string Now, string Yours);

/// <summary>
/// After a lost race (412), the section's parts where the listing now differs from what was typed, in the words the
/// page uses, so the person can save theirs again or keep the newer values with nothing lost.
/// </summary>
public static class EditChanges
{
    public static IReadOnlyList<ChangedPart> Between(object? mine, ProviderListing now) => mine switch
    {
        ChangeAvailability a => Differ(
            ("Taking referrals", Display.Words(now.Availability.Status), a.Status is { } s ? Display.Words(s) : "not chosen"),
            ("Open free (pro bono) places", Number(now.Availability.OpenProBonoSlots), Number(a.OpenProBonoSlots)),
            ("Open sliding-scale places", Number(now.Availability.OpenSlidingScaleSlots), Number(a.OpenSlidingScaleSlots)),
            ("Typical wait", Weeks(now.Availability.TypicalWaitWeeks), Weeks(a.TypicalWaitWeeks))),
        ChangeFeeTerms f => Differ(
            ("Fees", Display.Fees(now.FeeTerms), Display.Fees(new FeeTerms(f.ProBono, f.SlidingScale, f.InsuranceNotes))),
            ("Insurance notes", Text(now.FeeTerms.InsuranceNotes), Text(f.InsuranceNotes))),
        ChangeSpecialties s => Differ(("Specialties", List(now.Specialties, Display.Specialty), List(s.Specialties, Display.Specialty))),
        UpdateProfile u => Profile(ProfileForm.From(now), u),
        _ => [],
    };

    private static IReadOnlyList<ChangedPart> Profile(UpdateProfile now, UpdateProfile mine) => Differ(
        ("Name", now.Name, mine.Name),
        ("Credentials", List(now.Credentials, c => c), List(mine.Credentials, c => c)),
        ("NPI", Text(now.Npi), Text(mine.Npi)),
        ("Licences", List(now.Licences, Licence), List(mine.Licences, Licence)),
        ("Practice locations", List(now.Locations, Address), List(mine.Locations, Address)),
        ("Telehealth into", List(now.TelehealthStates, State), List(mine.TelehealthStates, State)),
        ("Languages", List(now.Languages, Display.Language), List(mine.Languages, Display.Language)),
        ("Ages", Display.Ages(now.AgeGroups), Display.Ages(mine.AgeGroups)),
        ("Email", Text(now.Contact.Email), Text(mine.Contact.Email)),
        ("Phone", Text(now.Contact.Phone), Text(mine.Contact.Phone)),
        ("Email for referrals", Text(now.Contact.ReferralsEmail), Text(mine.Contact.ReferralsEmail)),
        ("Email kept private", YesNo(now.Contact.EmailPrivate), YesNo(mine.Contact.EmailPrivate)),
        ("Phone kept private", YesNo(now.Contact.PhonePrivate), YesNo(mine.Contact.PhonePrivate)),
        ("About you", Text(now.Bio), Text(mine.Bio)));

    public static string Licence(Licence l) =>
        $"{l.Type} in {State(l.State)}, number {l.Number}" + (l.ExpiresOn == default ? "" : ", until " + l.ExpiresOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture));

    public static string Address(PracticeAddress a) =>
        string.Join(", ", new[] { a.Name, a.Street, a.City, $"{a.State} {a.Zip}".Trim() }.Where(x => !string.IsNullOrWhiteSpace(x)));

    private static string State(string code) => Geography.Regions.Find(code)?.Name ?? code;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool yes) => yes ? "Yes" : "No";

    private static string Weeks(int? weeks) => weeks is { } w ? Display.Count(w, "week") : "not given";

    private static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? "(empty)" : text.Trim();

    private static string List<T>(IEnumerable<T> items, Func<T, string> words) => items.Any() ? string.Join("; ", items.Select(words)) : "(none)";

    private static IReadOnlyList<ChangedPart> Differ(params (string Label, string Now, string Yours)[] parts) =>
        parts.Where(p => !string.Equals(p.Now, p.Yours, StringComparison.Ordinal)).Select(p => new ChangedPart(p.Label, p.Now, p.Yours)).ToList();
}
