using Hl7.Fhir.Model;
using ReferralNetwork.Referrals;
using FhirTask = Hl7.Fhir.Model.Task;

namespace ReferralNetwork.Fhir;

/// <summary>
/// A referral as a FHIR R4 Task, shaped like the SDOH Clinical Care referral Task (docs/fhir.md). It carries the
/// referral's progress only: no family reference, needs, contact or notes. The family (Task.for) is present but
/// masked, and the request it fulfils (Task.focus) is named by the referral id alone.
/// </summary>
public static class FhirReferralTask
{
    public static FhirTask From(ReferralSummary r)
    {
        var task = new FhirTask
        {
            Id = r.Id.ToString("D"),
            Meta = new Meta { VersionId = r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = r.LastChangedAt },
            Identifier = [new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{r.Id:D}")],
            Status = Status(r.Status),
            BusinessStatus = new CodeableConcept(FhirCodes.ReferralStatus, FhirCodes.Kebab(r.Status), Display(r.Status), null),
            Intent = FhirTask.TaskIntent.Order,
            Priority = r.Urgency switch { Urgency.Crisis => RequestPriority.Stat, Urgency.Urgent => RequestPriority.Urgent, _ => RequestPriority.Routine },
            Code = new CodeableConcept(FhirCodes.TaskCode, "fulfill", "Fulfill the focal request", null),
            Focus = new ResourceReference { Type = "ServiceRequest", Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{r.Id:D}"), Display = "Referral request" },
            For = Masked("Patient"),
            AuthoredOnElement = new FhirDateTime(r.RequestedAt),
            LastModifiedElement = new FhirDateTime(r.LastChangedAt),
            Requester = new ResourceReference { Type = "Practitioner", Identifier = new Identifier(FhirCodes.AdvocateUser, r.AdvocateId), Display = "Referring advocate" },
            Owner = new ResourceReference($"PractitionerRole/{FhirIds.Of(r.ProviderId)}"),
            Restriction = new FhirTask.RestrictionComponent { Period = new Period { EndElement = new FhirDateTime(r.RespondBy) } },
            StatusReason = StatusReason(r),
        };
        if (r.FirstSessionOn is { } first)
            task.ExecutionPeriod = new Period { Start = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        if (r.Outcome is { } outcome)
            task.Output.Add(new FhirTask.OutputComponent
            {
                Type = new CodeableConcept { Text = "Outcome" },
                Value = new CodeableConcept(FhirCodes.CloseOutcome, FhirCodes.Kebab(outcome), Display(outcome), null),
            });
        return task;
    }

    /// <summary>docs/referrals.md, "Mapping to FHIR R4 Task".</summary>
    public static FhirTask.TaskStatus Status(ReferralStatus status) => status switch
    {
        ReferralStatus.Requested => FhirTask.TaskStatus.Requested,
        ReferralStatus.Viewed => FhirTask.TaskStatus.Received,
        ReferralStatus.Waitlisted => FhirTask.TaskStatus.OnHold,
        ReferralStatus.Accepted => FhirTask.TaskStatus.Accepted,
        ReferralStatus.Scheduled => FhirTask.TaskStatus.InProgress,
        ReferralStatus.Declined => FhirTask.TaskStatus.Rejected,
        ReferralStatus.Closed => FhirTask.TaskStatus.Completed,
        ReferralStatus.Withdrawn => FhirTask.TaskStatus.Cancelled,
        ReferralStatus.Expired => FhirTask.TaskStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    // The decline reason is a code; the provider's free-text note is left out (it may describe the family).
    private static CodeableConcept? StatusReason(ReferralSummary r) => r.Status switch
    {
        ReferralStatus.Declined when r.DeclineReason is { } reason => new CodeableConcept(FhirCodes.DeclineReason, FhirCodes.Kebab(reason), Display(reason), null),
        ReferralStatus.Waitlisted => new CodeableConcept { Text = r.ExpectedWaitWeeks is { } weeks ? $"Waitlisted: expected wait {weeks} weeks" : "Waitlisted" },
        _ => null,
    };

    private static ResourceReference Masked(string type)
    {
        var reference = new ResourceReference { Type = type };
        reference.Extension.Add(new Extension(FhirCodes.DataAbsentReason, new Code("masked")));
        return reference;
    }

    private static string Display<T>(T value) where T : struct, Enum
    {
        var words = FhirCodes.Kebab(value).Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
