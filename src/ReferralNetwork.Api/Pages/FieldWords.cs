using System.Globalization;
using System.Text.RegularExpressions;
using ReferralNetwork.Geography;

namespace ReferralNetwork.Api.Pages;

/// <summary>
/// One API field rule ("needs.ageGroup", "is required") in a person's words ("Choose the child's age group"). Rules the
/// pages can meet have their own sentence; any other rule on a known field asks to check that field; an unknown field
/// gets a calm general sentence. Used only through <see cref="ProblemWords"/>.
/// </summary>
public static partial class FieldWords
{
    public static string For(string path, string rule) => For(path, [rule]);

    /// <summary>One message for a field that breaks several rules: the most specific one ("is required when the reason is other" over "is required").</summary>
    public static string For(string path, IReadOnlyList<string> rules)
    {
        // "profile.locations[1].zip" → field "locations[].zip", the second location.
        var field = Index().Replace(path.StartsWith("profile.", StringComparison.Ordinal) ? path[8..] : path, "[]");
        var number = Index().Match(path) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : 0;
        return rules.Select(rule => Special(field, rule, number)).FirstOrDefault(words => words is not null) ?? General(field, rules[0], number);
    }

    private static string? Special(string field, string rule, int n) => (field, rule) switch
    {
        ("near", _) when rule.Contains("ZIP", StringComparison.Ordinal) => "We don't recognise that ZIP code. Enter a 5-digit US ZIP code, like 60614",
        ("radiusMiles", _) when rule.Contains("needs 'near'", StringComparison.Ordinal) => "Enter a ZIP code to search within a distance of it, or clear the distance",
        ("radiusMiles", _) when Numbers(rule) is [_, var most] => $"Enter a distance from 1 to {most:N0} miles",
        ("maxFee", _) when rule.Contains("pro-bono", StringComparison.Ordinal) => "Leave the highest fee empty when you look for free (pro bono) care",
        ("maxFee", _) when Numbers(rule) is [var least, var most] => $"Enter a fee from ${least:N0} to ${most:N0} a session",
        ("familyReference", _) when rule.Contains("never a name", StringComparison.Ordinal) =>
            "Enter your case number, not a name: 4 to 32 letters, digits or dashes, with at least one digit",
        ("note", _) when rule.Contains("dates", StringComparison.Ordinal) => "Take the dates out of the note: a date of birth or other date can identify a child",
        ("note", _) when rule.Contains("application is declined for another reason", StringComparison.Ordinal) => "Say in the note why the application is declined",
        ("reason", _) when rule.StartsWith("is required: licence-not-found", StringComparison.Ordinal) => "Choose why the application is declined",
        // A note is required only when a provider declines for "other" reasons.
        ("note", _) when rule.StartsWith("is required", StringComparison.Ordinal) => "Say in the note why you can't take this family",
        ("reason", _) when rule.StartsWith("is required: no-capacity", StringComparison.Ordinal) => "Choose why you can't take this family",
        ("contact.guardianContact", _) when rule.Contains("must be empty", StringComparison.Ordinal) =>
            "Leave the guardian's phone or email empty when you pass on messages yourself, or choose another way for the provider to reach the family",
        ("contact.guardianContact", "is required") => "Enter the guardian's phone or email, or choose that you pass on messages yourself",
        ("status", _) when rule.StartsWith("is required: accepting", StringComparison.Ordinal) => "Choose whether you are taking referrals",
        ("date", _) => "Enter the date of the first session: no more than 30 days ago, and no more than a year ahead",
        ("slidingScale.minFeeUsd", _) when rule.Contains("more than", StringComparison.Ordinal) => "The lowest fee can't be more than the highest fee",
        ("slidingScale.minFeeUsd" or "slidingScale.maxFeeUsd", _) when Numbers(rule) is [var least, var most] =>
            $"Enter the {(field.EndsWith("minFeeUsd", StringComparison.Ordinal) ? "lowest" : "highest")} fee, from ${least:N0} to ${most:N0} a session",
        ("proBono" or "feeTerms", _) when rule.Contains("offer at least one", StringComparison.Ordinal) => "Offer free (pro bono) sessions, a sliding scale, or both",
        // Open places and fee terms must agree: no open place of a kind the provider doesn't offer.
        ("openProBonoSlots", _) when rule.Contains("do not offer", StringComparison.Ordinal) =>
            "Set the open free (pro bono) places to 0, or first offer free sessions under Fee terms",
        ("openSlidingScaleSlots", _) when rule.Contains("do not offer", StringComparison.Ordinal) =>
            "Set the open sliding-scale places to 0, or first offer a sliding scale under Fee terms",
        ("proBono.offered", _) when rule.Contains("open pro bono slots", StringComparison.Ordinal) =>
            "You still list open free (pro bono) places. Set them to 0 under Availability first, then stop offering free sessions",
        ("slidingScale.offered", _) when rule.Contains("open sliding-scale slots", StringComparison.Ordinal) =>
            "You still list open sliding-scale places. Set them to 0 under Availability first, then stop offering a sliding scale",
        ("locations", _) when rule.Contains("telehealth", StringComparison.Ordinal) => "Keep at least one practice location, or offer telehealth",
        ("locations[].zip", _) when rule.Contains("not a known", StringComparison.Ordinal) => $"We don't recognise the ZIP code of location {n}. Enter a 5-digit US ZIP code",
        ("locations[].state", _) when ZipState().Match(rule) is { Success: true } z =>
            $"The ZIP code of location {n} is in {StateName(z.Groups[1].Value)}, not {StateName(z.Groups[2].Value)}: check the state and the ZIP code",
        ("locations[].state", _) when rule.Contains("licence", StringComparison.Ordinal) =>
            $"Location {n} is in a state where you hold no licence. Add the licence under Licences first, or remove the location",
        ("telehealthStates", _) when rule.Contains("licence", StringComparison.Ordinal) =>
            $"Telehealth into {StateName(rule[..2])} needs a current licence there. Add or renew it under Licences, or untick {StateName(rule[..2])}",
        // The provider's own profile (the editor): each part in the words of its form.
        ("licences[].expiresOn", _) => $"Enter an expiry date after today for licence {n}, or remove it: an expired licence can't be listed",
        ("licences", _) when rule.StartsWith("at least one", StringComparison.Ordinal) => "Add at least one licence: its type, state, number and expiry date",
        ("licences[].type" or "credentials[]", _) when rule.Contains("letters", StringComparison.Ordinal) => field == "credentials[]"
            ? "Write each credential as 2 to 20 letters, like LCSW or PhD, with commas between them"
            : $"Enter the type of licence {n} as 2 to 20 letters, like LCSW",
        ("licences[].number", _) when rule.StartsWith("may hold only", StringComparison.Ordinal) => $"Enter the number of licence {n} with only letters, digits and dashes",
        ("npi", _) => "Enter the 10-digit NPI number exactly as issued, or leave it empty",
        ("contact.email", _) when rule.Contains("email address", StringComparison.Ordinal) => "Enter an email address, like name@example.org",
        ("contact.referralsEmail", _) when rule.Contains("email address", StringComparison.Ordinal) =>
            "Enter the email for referrals as an address, like referrals@example.org, or leave it empty",
        ("contact.phone", _) when rule.StartsWith("may hold only", StringComparison.Ordinal) => "Enter the phone number with only digits, spaces and + ( ) - . x",
        ("providerId", _) when rule.StartsWith("no provider", StringComparison.Ordinal) => "This provider is no longer listed. Go back to the search and choose another",
        ("providerId", _) when rule.Contains("deactivated", StringComparison.Ordinal) => "This provider has left the network. Go back to the search and choose another",
        ("providerId", _) when rule.Contains("not verified", StringComparison.Ordinal) => "This provider isn't verified yet, so they can't take referrals. Choose another provider",
        ("providerId", _) when rule.Contains("GUID", StringComparison.Ordinal) => "Paste the provider's id from the address of their page (36 letters, digits and dashes)",
        ("needs.specialties", _) when rule.StartsWith("the provider does not offer: ", StringComparison.Ordinal) =>
            $"This provider doesn't offer {Display.List(rule[29..].Split(", ").Select(Display.Specialty))}. Untick it, or choose another provider",
        ("needs.ageGroup", _) when rule.Contains("does not serve", StringComparison.Ordinal) => "This provider doesn't work with this age group. Choose another provider",
        ("needs.language", _) when rule.Contains("does not work in", StringComparison.Ordinal) => "This provider doesn't work in this language. Choose another provider",
        ("needs.state", _) when rule.Contains("neither", StringComparison.Ordinal) =>
            $"This provider doesn't practise in {StateName(rule[^2..])} or offer telehealth there. Choose another provider",
        ("needs.state", _) when rule.Contains("telehealth was not accepted", StringComparison.Ordinal) =>
            "This provider has no office in the family's state. Tick “Telehealth suits the family” if it does, or choose another provider",
        ("feeNeed", _) when rule.Contains("does not offer", StringComparison.Ordinal) => "This provider doesn't offer these fee terms. Choose the other kind, or another provider",
        ("needs.state", _) when rule.Contains("no licence valid today", StringComparison.Ordinal) =>
            $"This provider's licence for {StateName(rule[^2..])} has expired. Choose another provider",
        ("sendWhileNotAccepting", _) when rule.Contains("no open", StringComparison.Ordinal) => "This provider has no place open for these fee terms " +
            "right now. Choose the other kind, another provider, or tick “Send although this provider has no place open for this family now” to send it anyway",
        ("sendWhileNotAccepting", _) => "This provider isn't taking new referrals right now. Choose another provider, or tick " +
            "“Send although this provider has no place open for this family now” to send it anyway",
        ("from", _) when rule.Contains("after", StringComparison.Ordinal) => "The start date can't be after the end date",
        ("page" or "pageSize", _) => "That page of the list doesn't exist. Go back to the first page",
        _ => null,
    };

    private static string General(string field, string rule, int n)
    {
        if (!Names.TryGetValue(field, out var name)) return "Something in this form could not be saved. Check your answers and try again";
        var (verb, noun) = name;
        noun = noun.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (rule.StartsWith("is required", StringComparison.Ordinal) || rule.StartsWith("must list at least one", StringComparison.Ordinal))
            return $"{verb} {noun}";
        if (TooLong().Match(rule) is { Success: true } length) return $"Shorten {noun} to {int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture):N0} characters or fewer";
        if (rule.StartsWith("must list at most", StringComparison.Ordinal) && Numbers(rule) is [var max]) return $"Choose at most {max:N0}";
        if (rule.Contains("between", StringComparison.Ordinal) && Numbers(rule) is [var least, var most]) return $"Enter {noun} from {least:N0} to {most:N0}";
        if (rule.Contains("not a number", StringComparison.Ordinal)) return $"Enter {noun} as a number";
        if (rule.Contains("date", StringComparison.Ordinal)) return $"Enter {noun} as a real date";
        return verb == "Choose" ? $"Choose {noun} from the list" : $"Check {noun}";
    }

    private static string StateName(string code) => Regions.Find(code)?.Name ?? "another state";

    private static decimal[] Numbers(string rule) =>
        Number().Matches(rule).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"at most (\d+) characters")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"ZIP \d+ is in ([A-Z]{2}), not ([A-Z]{2})")]
    private static partial Regex ZipState();
}
