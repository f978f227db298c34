using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Notifications;

/// <summary>The words messages use for codes: no code ever reaches an email.</summary>
public static class Wording
{
    public static string Name(ProviderListing? provider) => string.IsNullOrWhiteSpace(provider?.Name) ? "The provider" : provider.Name;

    public static string When(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local:dddd d MMMM 'at' HH:mm} ({zone.Id})";
    }

    public static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weeks";

    public static string Reason(DeclineReason reason) => reason switch
    {
        DeclineReason.NoCapacity => "no capacity for new families right now",
        DeclineReason.OutsideLicensureRegion => "the family is outside the states the provider is licensed in",
        DeclineReason.SpecialtyMismatch => "the provider's specialties do not fit these needs",
        DeclineReason.AgeRange => "the provider does not see this age group",
        DeclineReason.FeeTermsUnavailable => "the fee terms asked for are not available",
        DeclineReason.ConflictOfInterest => "a conflict of interest",
        _ => "another reason (see the referral's page)",
    };

    public static string Outcome(CloseOutcome outcome) => outcome switch
    {
        CloseOutcome.Completed => "the work with the family is completed",
        CloseOutcome.CouldntContactFamily => "the provider could not reach the family",
        CloseOutcome.FamilyDeclined => "the family decided not to go ahead",
        CloseOutcome.NoLongerNeeded => "help is no longer needed",
        _ => "the family was referred elsewhere",
    };
}
