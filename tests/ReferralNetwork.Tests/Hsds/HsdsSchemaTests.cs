using System.Text.Json;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>Every answer of /hsds, list and single forms, validates against Open Referral's HSDS 3.0 JSON Schemas.</summary>
public sealed class HsdsSchemaTests(ApiFixture api)
{
    [Fact]
    public async Task every_list_and_single_answer_on_the_demo_network_is_valid_hsds()
    {
        await api.SeedDemoAsync();

        var services = (await api.Hsds("/hsds/services?per_page=100")).Contents();
        Assert.NotEmpty(services);
        Assert.All(services, s => HsdsSchemas.AssertValid("compiled/service_list.json", s));
        foreach (var service in services)
            HsdsSchemas.AssertValid("service.json", await api.Hsds($"/hsds/services/{service.Id()}"));
        Assert.All((await api.Hsds("/hsds/services?per_page=100&full=true")).Contents(), s => HsdsSchemas.AssertValid("service.json", s));

        var organizations = (await api.Hsds("/hsds/organizations?per_page=100")).Contents();
        Assert.Equal(services.Length, organizations.Length);
        Assert.All(organizations, o => HsdsSchemas.AssertValid("compiled/organization_list.json", o));
        foreach (var organization in organizations.Take(10))
            HsdsSchemas.AssertValid("organization.json", await api.Hsds($"/hsds/organizations/{organization.Id()}"));
        Assert.All((await api.Hsds("/hsds/organizations?per_page=100&full=true")).Contents(), o => HsdsSchemas.AssertValid("organization.json", o));

        var places = (await api.Hsds("/hsds/service_at_locations?per_page=100")).Contents();
        Assert.True(places.Length >= services.Length);
        Assert.All(places, p => HsdsSchemas.AssertValid("compiled/service_at_location_list.json", p));
        foreach (var place in places.Take(15))
            HsdsSchemas.AssertValid("service_at_location.json", await api.Hsds($"/hsds/service_at_locations/{place.Id()}"));

        var taxonomies = (await api.Hsds("/hsds/taxonomies")).Contents();
        Assert.Equal(3, taxonomies.Length);
        Assert.All(taxonomies, t => HsdsSchemas.AssertValid("taxonomy.json", t));
        foreach (var taxonomy in taxonomies)
            HsdsSchemas.AssertValid("taxonomy.json", await api.Hsds($"/hsds/taxonomies/{taxonomy.Id()}"));

        var terms = (await api.Hsds("/hsds/taxonomy_terms?per_page=100")).Contents();
        Assert.All(terms, t => HsdsSchemas.AssertValid("taxonomy_term.json", t));
        foreach (var term in terms.Take(5))
            HsdsSchemas.AssertValid("taxonomy_term.json", await api.Hsds($"/hsds/taxonomy_terms/{term.Id()}"));
    }

    [Fact]
    public void the_schemas_catch_what_hsds_forbids()
    {
        // The validator is not a rubber stamp: a service without a status, and a null where HSDS wants a string, fail.
        var missing = JsonDocument.Parse("""{"id":"0193c5a0-0000-7000-8000-000000000001","name":"x"}""").RootElement;
        var nulled = JsonDocument.Parse("""{"id":"0193c5a0-0000-7000-8000-000000000001","name":"x","status":"active","email":null}""").RootElement;
        var badId = JsonDocument.Parse("""{"id":"not-a-uuid","name":"x","status":"active"}""").RootElement;
        // Nested objects are checked through the schemas' $refs: a cost option's amount must be a number.
        var nested = JsonDocument.Parse("""{"id":"0193c5a0-0000-7000-8000-000000000001","name":"x","status":"active","cost_options":[{"id":"0193c5a0-0000-7000-8000-000000000002","amount":"free"}]}""").RootElement;

        Assert.NotEmpty(HsdsSchemas.Errors("service.json", missing));
        Assert.NotEmpty(HsdsSchemas.Errors("service.json", nulled));
        Assert.NotEmpty(HsdsSchemas.Errors("service.json", badId));
        Assert.NotEmpty(HsdsSchemas.Errors("service.json", nested));
    }
}
