using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Http;
using Wolverine.Http;
using Wolverine.Marten;

namespace ReferralNetwork.Providers;

/// <summary>A provider joins the network: profile, specialties, fee terms and availability in one request.</summary>
public sealed record OnboardProvider(
    string Name,
    IReadOnlyList<string> Credentials,
    string? Npi,
    IReadOnlyList<Licence> Licences,
    IReadOnlyList<PracticeAddress> Locations,
    IReadOnlyList<string> TelehealthStates,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> AgeGroups,
    ProviderContact Contact,
    string? Bio,
    IReadOnlyList<string> Specialties,
    ChangeFeeTerms FeeTerms,
    ChangeAvailability Availability) : IProviderProfile;

public static class OnboardProviderEndpoint
{
    public static ProblemDetails Validate(OnboardProvider command, TimeProvider clock)
    {
        var problems = new ValidationProblems();
        ProfileRules.Check(command, problems, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        ChangeSpecialtiesEndpoint.Check(command.Specialties, problems);
        if (problems.Require(command.FeeTerms is not null, "feeTerms", "is required"))
            ChangeFeeTermsEndpoint.Check(command.FeeTerms!.ProBono, command.FeeTerms.SlidingScale, command.FeeTerms.InsuranceNotes, "feeTerms.", problems);
        ChangeAvailabilityEndpoint.Check(command.Availability, "availability.", problems);
        return problems.ToProblemDetails();
    }

    [WolverinePost("/api/providers"), Tags("Providers")]
    [ProducesResponseType<StreamCreated>(StatusCodes.Status201Created)]
    public static (StreamCreated, IStartStream) Post(OnboardProvider command)
    {
        var id = Guid.CreateVersion7();
        var events = Onboard(id, command);
        return (new StreamCreated(id, events.Length, $"/api/providers/{id}"), MartenOps.StartStream<Provider>(id, events));
    }

    /// <summary>The events that start a provider's stream; the listing is complete (and searchable) from the first write.</summary>
    public static object[] Onboard(Guid id, OnboardProvider command)
    {
        var profile = new UpdateProfile(command.Name, command.Credentials, command.Npi, command.Licences, command.Locations,
            command.TelehealthStates ?? [], command.Languages, command.AgeGroups, command.Contact, command.Bio).ToEvent();
        return
        [
            new ProviderOnboarded(id, profile.Name, profile.Credentials, profile.Npi, profile.Licences, profile.Locations,
                profile.TelehealthStates, profile.Languages, profile.AgeGroups, profile.Contact, profile.Bio),
            new SpecialtiesChanged(ProviderRules.Codes(command.Specialties)),
            new FeeTermsChanged(command.FeeTerms.ToFeeTerms()),
            new AvailabilityChanged(command.Availability.ToAvailability()),
        ];
    }
}
