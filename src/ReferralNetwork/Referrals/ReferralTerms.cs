namespace ReferralNetwork.Referrals;

public enum Urgency { Routine, Urgent, Crisis }

public enum ContactChannel { Phone, Email, Text, AdvocateRelaysOnly }

public enum DeclineReason { NoCapacity, OutsideLicensureRegion, SpecialtyMismatch, AgeRange, FeeTermsUnavailable, ConflictOfInterest, Other }

public enum CloseOutcome { Completed, CouldntContactFamily, FamilyDeclined, NoLongerNeeded, ReferredElsewhere }

/// <summary>
/// What the family needs, without saying who they are: their state (not their address), the age group of the
/// child, the language, whether telehealth suits them, and the trauma specialties that fit what happened.
/// </summary>
public sealed record FamilyNeeds(IReadOnlyList<string> Specialties, string AgeGroup, string Language, string State, bool Telehealth);

/// <summary>How the family wants to be reached. Guardian contact details live only here and can be erased.</summary>
public sealed record ContactPreference(ContactChannel Channel, string? GuardianContact);

public enum ReferralStatus { Requested, Viewed, Waitlisted, Accepted, Scheduled, Declined, Closed, Withdrawn, Expired }
