using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Geography;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Taxonomy;
using Wolverine.Http;

namespace ReferralNetwork.Referrals;

/// <summary>
/// What a referral may hold (a pseudonymous case reference, needs, a bounded note without dates of birth)
/// and whether the chosen provider serves those needs.
/// </summary>
public static partial class ReferralRequestRules
{
    public const int MaxNoteLength = 500;

    public static ValidationProblems CheckShape(RequestReferral c)
    {
        var p = new ValidationProblems();
        p.Require(c.ProviderId != Guid.Empty, "providerId", "is required");
        if (p.RequireText(c.FamilyReference, "familyReference", 32))
            p.Require(CaseReference().IsMatch(c.FamilyReference.Trim()), "familyReference",
                "must be the case reference (4-32 letters, digits and '-', with at least one digit), never a name");
        if (p.Require(c.Needs is not null, "needs", "is required"))
        {
            ProfileRules.CheckList(c.Needs!.Specialties, "needs.specialties", 5, p, s => TraumaSpecialties.IsKnown(s.Trim().ToLowerInvariant()),
                "is not a trauma specialty code; the valid codes are at GET /api/specialties");
            if (p.RequireText(c.Needs.AgeGroup, "needs.ageGroup", 20))
                p.Require(AgeGroups.IsKnown(c.Needs.AgeGroup.ToLowerInvariant()), "needs.ageGroup", "must be an age group code; see GET /api/age-groups");
            if (p.RequireText(c.Needs.Language, "needs.language", 3))
                p.Require(Languages.IsKnown(c.Needs.Language.ToLowerInvariant()), "needs.language", "must be an ISO 639-1 code; see GET /api/languages");
            if (p.RequireText(c.Needs.State, "needs.state", 2))
                p.Require(Regions.IsKnown(c.Needs.State), "needs.state", "must be a US state code; see GET /api/regions");
        }
        p.Require(c.Urgency is not null, "urgency", "is required: routine, urgent or crisis");
        p.Require(c.FeeNeed is not null, "feeNeed", "is required: pro-bono or sliding-scale");
        if (p.Require(c.Contact is not null, "contact", "is required"))
        {
            var relayed = c.Contact!.Channel == ContactChannel.AdvocateRelaysOnly;
            if (relayed) p.Require(string.IsNullOrWhiteSpace(c.Contact.GuardianContact), "contact.guardianContact", "must be empty when the advocate relays");
            else p.RequireText(c.Contact.GuardianContact, "contact.guardianContact", 200);
        }
        if (p.RequireText(c.Note, "note", MaxNoteLength, required: false) && c.Note is not null)
            p.Require(!IdentifyingDate().IsMatch(c.Note), "note", "must not contain dates of birth or other dates that identify a child");
        return p;
    }

    /// <summary>
    /// 422 naming each need the provider does not meet (<see cref="ProviderFit"/>, the rules the fit check shows); a
    /// provider not taking referrals of the family's fee kind needs the explicit override.
    /// </summary>
    public static ProblemDetails CheckProvider(RequestReferral c, Provider? provider, DateOnly today)
    {
        var p = new ValidationProblems();
        if (provider is null) return Unprocessable(p.Add("providerId", $"no provider has id {c.ProviderId}"));
        var fee = c.FeeNeed!.Value;
        foreach (var block in ProviderFit.Blocks(provider, fee))
        {
            if (block == ProviderFit.Deactivated) p.Add("providerId", "the provider is deactivated");
            else if (block == ProviderFit.NotVerified) p.Add("providerId", "the provider is not verified yet");
            else if (!c.SendWhileNotAccepting)
                p.Add("sendWhileNotAccepting", block == ProviderFit.NoOpenPlaces
                    ? $"the provider has no open {ReferralRules.Kebab(fee.ToString())} place; set it to true to send anyway (recorded)"
                    : "the provider is not taking new referrals; set it to true to send anyway (recorded)");
        }
        var state = c.Needs.State.ToUpperInvariant();
        foreach (var need in ProviderFit.Needs(provider, c.Needs, fee, today).Where(n => !n.Fits))
        {
            _ = need.Need switch
            {
                ProviderFit.Situation or ProviderFit.Treatments => p.Add("needs.specialties", $"the provider does not offer: {string.Join(", ", need.Missing)}"),
                ProviderFit.AgeGroup => p.Add("needs.ageGroup", "the provider does not serve this age group"),
                ProviderFit.Language => p.Add("needs.language", "the provider does not work in this language"),
                ProviderFit.Place => p.Add("needs.state", need.Reason switch
                {
                    "no-valid-licence" => $"the provider holds no licence valid today in {state}",
                    "not-in-state" => $"the provider neither practises in nor offers telehealth into {state}",
                    _ => $"the provider has no practice in {state} (telehealth was not accepted)",
                }),
                _ => p.Add("feeNeed", "the provider does not offer these fee terms"),
            };
        }
        return p.IsEmpty ? WolverineContinue.NoProblems : Unprocessable(p);
    }

    private static ProblemDetails Unprocessable(ValidationProblems problems)
    {
        var problem = problems.ToProblemDetails();
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = "The provider cannot take this referral";
        problem.Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21";
        return problem;
    }

    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9-]{3,31}$")]
    private static partial Regex CaseReference();

    // 3/14/2015, 03-14-15, 2015-03-14, "DOB", "born on", "date of birth".
    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\bDOB\b|\bborn\s+(on|in)\b|date\s+of\s+birth", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifyingDate();
}
