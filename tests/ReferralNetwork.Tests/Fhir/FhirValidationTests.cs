using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging.Abstractions;
using ReferralNetwork.Demo;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace ReferralNetwork.Tests.Fhir;

/// <summary>Every resource kind the FHIR views serve, on demo data, passes Firely's validator against base R4 with zero errors.</summary>
public sealed class FhirValidationTests(ApiFixture api, ITestOutputHelper output)
{
    private async Task<T> Read<T>(string path, Caller? caller = null) where T : Resource
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.As(caller ?? Caller.Admin);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        using var response = await api.Anonymous.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} → {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return FhirValidation.Parse<T>(body);
    }

    private void AssertValid(Resource resource)
    {
        Assert.Empty(FhirValidation.Errors(resource));
        foreach (var warning in FhirValidation.Warnings(resource).Distinct().Take(5)) output.WriteLine(warning);
    }

    [Fact]
    public async Task every_directory_resource_of_the_demo_network_validates_against_base_r4()
    {
        await api.ResetAsync();
        await DemoNetworkSeeder.SeedIfEmptyAsync(api.Store, api.Clock, NullLogger.Instance, 40, TestContext.Current.CancellationToken);

        AssertValid(await Read<CapabilityStatement>("/fhir/metadata"));
        var roles = await Read<Bundle>("/fhir/PractitionerRole?_count=100");
        var services = await Read<Bundle>("/fhir/HealthcareService?_count=100");
        Assert.NotEmpty(roles.Entry);
        AssertValid(roles);
        AssertValid(services);
        foreach (var role in roles.Entry.Select(e => (PractitionerRole)e.Resource!))
        {
            AssertValid(role);
            AssertValid(await Read<Practitioner>($"/fhir/{role.Practitioner!.Reference}"));
            AssertValid(await Read<HealthcareService>($"/fhir/{role.HealthcareService[0]!.Reference}"));
            foreach (var location in role.Location) AssertValid(await Read<Location>($"/fhir/{location.Reference}"));
        }
        foreach (var area in services.Entry.SelectMany(e => ((HealthcareService)e.Resource!).CoverageArea).Take(10))
            AssertValid(await Read<Location>($"/fhir/{area.Reference}"));
    }

    [Fact]
    public void the_validator_reports_what_base_r4_forbids()
    {
        // Without status and intent (both 1..1) and with a reference that breaks ref-1's shape: the check can fail.
        var broken = new FhirTask { Id = "broken", For = new ResourceReference("#nowhere") };

        Assert.NotEmpty(FhirValidation.Errors(broken));
    }
}
