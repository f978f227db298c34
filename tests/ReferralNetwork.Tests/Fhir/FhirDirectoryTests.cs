using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Task = System.Threading.Tasks.Task;

namespace ReferralNetwork.Tests.Fhir;

public sealed class FhirDirectoryTests(ApiFixture api)
{
    private async Task<(HttpStatusCode Status, string Body, string? MediaType)> Get(string path, Caller? caller = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.As(caller ?? Caller.Admin);
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await api.Anonymous.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Bundle> Search(string query)
    {
        var (status, body, _) = await Get($"/fhir/PractitionerRole?{query}");
        Assert.True(status == HttpStatusCode.OK, body);
        return FhirValidation.Parse<Bundle>(body);
    }

    private static string[] Names(Bundle bundle) => bundle.Entry.Select(e => ((PractitionerRole)e.Resource!).Practitioner!.Display!).ToArray();

    private static OperationOutcome.IssueComponent Issue(string body) => FhirValidation.Parse<OperationOutcome>(body).Issue.Single();

    private async Task<Guid> Provider(string name, string state = "VA", string zip = "22314", string[]? specialties = null, bool accepting = true, bool verify = true)
    {
        var onboarding = ProviderScenarios.Onboarding(name, zip, state);
        onboarding = onboarding with
        {
            Specialties = specialties ?? onboarding.Specialties,
            Availability = accepting ? onboarding.Availability : new ChangeAvailability(AcceptingStatus.NotAccepting, 0, 0, null),
        };
        return (await api.Onboarded(onboarding, verify)).Id;
    }

    [Fact]
    public async Task practitioner_role_search_filters_by_specialty_state_location_and_new_patients_in_name_order()
    {
        await api.ResetAsync();
        var ana = await Provider("Ana Alvarez", specialties: ["tf-cbt", "emdr"]);
        await Provider("Ben Brooks", state: "MD", zip: "21201", specialties: ["emdr"]);
        await Provider("Cy Chen", specialties: ["tf-cbt"], accepting: false);
        await Provider("Dee Unverified", specialties: ["tf-cbt"], verify: false);

        Assert.Equal(["Ana Alvarez", "Ben Brooks", "Cy Chen"], Names(await Search("")));
        Assert.Equal(["Ana Alvarez", "Cy Chen"], Names(await Search("specialty=tf-cbt")));
        Assert.Equal(["Ana Alvarez"], Names(await Search("specialty=urn:referralnetwork:trauma-specialty|tf-cbt&specialty=emdr")));
        Assert.Equal(["Ben Brooks"], Names(await Search("location.address-state=MD")));
        Assert.Equal(["Ana Alvarez", "Ben Brooks"], Names(await Search("new-patient=newpt")));
        Assert.Equal(["Cy Chen"], Names(await Search("new-patient=nopt")));
        var location = ((PractitionerRole)(await Search("specialty=emdr&location.address-state=VA")).Entry.Single().Resource!).Location.Single().Reference!;
        Assert.Equal($"Location/{ana}-", location[..(10 + 36)]);
        Assert.Equal(["Ana Alvarez"], Names(await Search($"location={location}")));
        Assert.Empty((await Search($"location={location}&new-patient=nopt")).Entry);
        var (_, services, _) = await Get("/fhir/HealthcareService?specialty=emdr");
        Assert.Equal(2, FhirValidation.Parse<Bundle>(services).Total);
    }

    [Fact]
    public async Task a_search_pages_with_a_total_and_links_that_carry_the_query()
    {
        await api.ResetAsync();
        foreach (var name in new[] { "Ann", "Bea", "Cal", "Dov", "Eve" }) await Provider(name);

        var second = await Search("specialty=tf-cbt&_count=2&page=2");

        Assert.Equal(5, second.Total);
        Assert.Equal(["Cal", "Dov"], Names(second));
        Assert.Equal(Bundle.BundleType.Searchset, second.Type);
        Assert.All(second.Entry, e => Assert.Equal(Bundle.SearchEntryMode.Match, e.Search!.Mode));
        Assert.EndsWith($"/fhir/PractitionerRole/{second.Entry[0].Resource!.Id}", second.Entry[0].FullUrl);
        var links = second.Link.ToDictionary(l => l.Relation!, l => new Uri(l.Url!).PathAndQuery);
        Assert.Equal("/fhir/PractitionerRole?specialty=tf-cbt&_count=2&page=1", links["first"]);
        Assert.Equal("/fhir/PractitionerRole?specialty=tf-cbt&_count=2&page=1", links["previous"]);
        Assert.Equal("/fhir/PractitionerRole?specialty=tf-cbt&_count=2&page=3", links["next"]);
        Assert.Equal("/fhir/PractitionerRole?specialty=tf-cbt&_count=2&page=3", links["last"]);
        Assert.Equal(["Eve"], Names(await Search(links["next"].Split('?')[1])));
        var past = await Search("_count=2&page=9");
        Assert.Empty(past.Entry);
        Assert.Equal(5, past.Total);
        Assert.Empty(FhirValidation.Errors(second));
    }

    [Theory]
    [InlineData("near=22314", "near")]
    [InlineData("specialty=not-a-code", "specialty")]
    [InlineData("specialty=tf-cbt,emdr", "specialty")]
    [InlineData("specialty=http://other.example|tf-cbt", "specialty")]
    [InlineData("location.address-state=ZZ", "location.address-state")]
    [InlineData("location=Location/nope", "location")]
    [InlineData("new-patient=yes", "new-patient")]
    [InlineData("_count=0", "_count")]
    [InlineData("_count=101", "_count")]
    [InlineData("page=x", "page")]
    [InlineData("_sort=name", "_sort")]
    public async Task a_bad_search_parameter_is_a_400_operation_outcome_naming_it(string query, string parameter)
    {
        var (status, body, mediaType) = await Get($"/fhir/PractitionerRole?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/fhir+json", mediaType);
        var issue = Issue(body);
        Assert.Equal(OperationOutcome.IssueType.Invalid, issue.Code);
        Assert.Equal([parameter], issue.Expression);
        Assert.Contains($"'{parameter}'", issue.Diagnostics);
    }

    [Fact]
    public async Task unknown_unlisted_or_malformed_ids_are_404_operation_outcomes()
    {
        var unverified = await Provider("Nova Unverified", verify: false);
        var listed = await Provider("Lee Listed");

        foreach (var path in new[] { $"/fhir/Practitioner/{unverified}", $"/fhir/PractitionerRole/{Guid.CreateVersion7()}", $"/fhir/HealthcareService/{unverified}",
                     $"/fhir/Location/{unverified}-tele-va", $"/fhir/Location/{listed}-tele-zz", "/fhir/Location/nope", "/fhir/Practitioner/nope", "/fhir/Unknown" })
        {
            var (status, body, mediaType) = await Get(path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path}: {(int)status}");
            Assert.Equal("application/fhir+json", mediaType);
            Assert.Equal(OperationOutcome.IssueType.NotFound, Issue(body).Code);
        }
        Assert.Equal(HttpStatusCode.OK, (await Get($"/fhir/Location/{listed}-tele-va")).Status);
    }

    [Fact]
    public async Task json_is_served_by_accept_or_format_and_any_other_format_is_a_406_operation_outcome()
    {
        Assert.Equal("application/fhir+json", (await Get("/fhir/metadata", accept: "application/fhir+json")).MediaType);
        Assert.Equal(HttpStatusCode.OK, (await Get("/fhir/metadata?_format=json", accept: "application/fhir+xml")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get("/fhir/PractitionerRole?_format=application/fhir%2Bjson")).Status);

        foreach (var (path, accept) in new[] { ("/fhir/metadata", "application/fhir+xml"), ("/fhir/metadata?_format=xml", null), ("/fhir/PractitionerRole?_format=ttl", "application/fhir+json") })
        {
            var (status, body, mediaType) = await Get(path, accept: accept);
            Assert.Equal(HttpStatusCode.NotAcceptable, status);
            Assert.Equal("application/fhir+json", mediaType);
            Assert.Equal(OperationOutcome.IssueType.NotSupported, Issue(body).Code);
        }
    }

    [Fact]
    public async Task a_provider_may_read_their_own_practitioner_but_not_search_and_refusals_are_operation_outcomes()
    {
        var self = await Provider("Sam Self");

        Assert.Equal(HttpStatusCode.OK, (await Get($"/fhir/Practitioner/{self}", Caller.Provider(self))).Status);
        var (status, body, _) = await Get("/fhir/PractitionerRole", Caller.Provider(self));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, Issue(body).Code);
    }

    [Fact]
    public async Task the_capability_statement_lists_exactly_what_is_served()
    {
        var (status, body, _) = await Get("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        var capabilities = FhirValidation.Parse<CapabilityStatement>(body);
        var rest = capabilities.Rest.Single();
        Assert.Equal(["HealthcareService", "Location", "Practitioner", "PractitionerRole", "Task"], rest.Resource.Select(r => r.Type!).Order().ToArray());
        var role = rest.Resource.Single(r => r.Type == "PractitionerRole");
        Assert.Equal(["_count", "location", "location.address-state", "new-patient", "page", "specialty"], role.SearchParam.Select(p => p.Name!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("4.0.1", capabilities.FhirVersion?.ToString().Replace("N", "").Replace('_', '.'));
        Assert.Empty(FhirValidation.Errors(capabilities));
    }
}
