using ReferralNetwork.Referrals;

namespace ReferralNetwork.Api.Pages.Referrals;

/// <summary>
/// A provider's answers as the provider would say them: why they can't take a family, how a referral ended. The
/// enum names spelled out ("Couldnt contact family", "Outside licensure region") read as codes, not sentences.
/// </summary>
public static class AnswerWords
{
    public static string Reason(DeclineReason reason) => reason switch
    {
        DeclineReason.NoCapacity => "No room for a new family right now",
        DeclineReason.OutsideLicensureRegion => "I'm not licensed in the family's state",
        DeclineReason.SpecialtyMismatch => "This isn't what I specialise in",
        DeclineReason.AgeRange => "I don't work with children of this age",
        DeclineReason.FeeTermsUnavailable => "I can't offer the fee terms the family needs",
        DeclineReason.ConflictOfInterest => "I have a conflict of interest",
        _ => "Another reason (say why in the note)",
    };

    public static string Outcome(CloseOutcome outcome) => outcome switch
    {
        CloseOutcome.Completed => "Treatment completed",
        CloseOutcome.CouldntContactFamily => "Couldn't reach the family",
        CloseOutcome.FamilyDeclined => "The family decided not to go ahead",
        CloseOutcome.NoLongerNeeded => "No longer needed",
        _ => "Referred elsewhere",
    };
}
