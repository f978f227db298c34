using System.Net;
using System.Text.Json;
using ReferralNetwork.Geography;
using ReferralNetwork.Hsds;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>What the HSDS directory lists, its filters and paging, and the 400s for bad filter values.</summary>
public sealed class HsdsDirectoryTests(ApiFixture api)
{
    [Fact]
    public async Task only_verified_active_providers_are_in_the_directory()
    {
        var listings = await api.SeedDemoAsync();
        var unverified = listings.First(l => !l.Verified);
        var deactivated = listings.First(l => l.Verified);
        var gone = await api.Send(HttpMethod.Post, $"/api/providers/{deactivated.Id}/deactivate", new DeactivateProvider("moved away"), $"\"{deactivated.Version}\"");
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);

        var services = (await api.Hsds("/hsds/services?per_page=100")).Contents().Select(s => s.Id()).ToHashSet();

        Assert.Equal(listings.Count(l => l.Verified) - 1, services.Count);
        Assert.Equal(listings.Where(l => l.Verified && l.Id != deactivated.Id).Select(l => HsdsIds.Service(l.Id).ToString()).Order(), services.Order());
        foreach (var hidden in new[] { unverified.Id, deactivated.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(HsdsNetwork.Reader, $"/hsds/services/{HsdsIds.Service(hidden)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(HsdsNetwork.Reader, $"/hsds/organizations/{HsdsIds.Organization(hidden)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(HsdsNetwork.Reader, $"/hsds/service_at_locations/{HsdsIds.ServiceAtLocation(hidden, 0)}")).StatusCode);
        }
        var missing = await api.GetAs(HsdsNetwork.Reader, "/hsds/services/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task a_service_carries_its_provider_mapped_field_by_field()
    {
        await api.ResetAsync();
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Jordan Rivera"));

        var service = await api.Hsds($"/hsds/services/{HsdsIds.Service(provider.Id)}");

        Assert.Equal("Jordan Rivera", service.GetProperty("name").GetString());
        Assert.Equal("active", service.GetProperty("status").GetString());
        Assert.Equal(6, service.GetProperty("minimum_age").GetInt32());
        Assert.Equal(17, service.GetProperty("maximum_age").GetInt32());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), service.GetProperty("assured_date").GetString());
        Assert.Equal("1234567893", service.GetProperty("organization").GetProperty("organization_identifiers")[0].GetProperty("identifier").GetString());
        var costs = service.GetProperty("cost_options").EnumerateArray().Select(c => (c.GetProperty("option").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("currency").GetString())).ToList();
        Assert.Equal([(HsdsMapping.ProBonoOption, 0m, "USD"), (HsdsMapping.SlidingScaleLowestOption, 20m, "USD"), (HsdsMapping.SlidingScaleHighestOption, 80m, "USD")], costs);
        Assert.Equal(["en", "es"], service.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal(["VA"], service.GetProperty("service_areas").EnumerateArray().Select(a => a.GetProperty("extent").GetString()));
        var places = service.GetProperty("service_at_locations").EnumerateArray().Select(p => p.GetProperty("location")).ToList();
        Assert.Equal(["physical", "virtual"], places.Select(p => p.GetProperty("location_type").GetString()));
        Assert.Equal("22314", places[0].GetProperty("addresses")[0].GetProperty("postal_code").GetString());
        var attributes = service.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["cse-trafficking", "tf-cbt"], attributes.Where(a => a.GetProperty("link_type").GetString() == "specialty")
            .Select(a => a.GetProperty("taxonomy_term").GetProperty("code").GetString()).Order());
        Assert.Contains(attributes, a => a.GetProperty("taxonomy_term").GetProperty("code").GetString() == HsdsTaxonomies.ProBonoSlotsTerm && a.GetProperty("value").GetString() == "2");
        Assert.Contains(attributes, a => a.GetProperty("taxonomy_term").GetProperty("code").GetString() == HsdsTaxonomies.AcceptingTerm && a.GetProperty("value").GetString() == "accepting");
        // Only HSDS's own fields, nothing else of the provider (referrals, deactivation reasons, notes).
        var fields = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hsds", "schema", "service.json"))).RootElement
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(service.EnumerateObject(), p => Assert.Contains(p.Name, fields));
    }

    [Fact]
    public async Task contact_details_marked_private_are_left_out_everywhere()
    {
        await api.ResetAsync();
        var command = ProviderScenarios.Onboarding("Private Person");
        var open = await api.Onboarded(ProviderScenarios.Onboarding("Open Person"));
        var hidden = await api.Onboarded(command with
        {
            Profile = command.Profile with { Contact = new ProviderContact("private.person@example.org", "+1 555 0199", "referrals@example.org", EmailPrivate: true, PhonePrivate: true) },
        });

        var shown = (await api.Hsds($"/hsds/services/{HsdsIds.Service(open.Id)}")).GetRawText();
        string[] answers =
        [
            (await api.Hsds($"/hsds/services/{HsdsIds.Service(hidden.Id)}")).GetRawText(),
            (await api.Hsds($"/hsds/organizations/{HsdsIds.Organization(hidden.Id)}")).GetRawText(),
            (await api.Hsds("/hsds/services?full=true")).GetRawText(),
            (await api.Hsds("/hsds/organizations?full=true")).GetRawText(),
            (await api.Hsds("/hsds/service_at_locations?full=true")).GetRawText(),
            string.Concat((await api.ExportAsync()).Values),
        ];

        Assert.Contains("jordan.rivera@example.org", shown);
        Assert.Contains("+1 555 0100", shown);
        Assert.All(answers, a => Assert.DoesNotContain("private.person@example.org", a));
        Assert.All(answers, a => Assert.DoesNotContain("555 0199", a));
        Assert.All(answers, a => Assert.DoesNotContain("referrals@example.org", a));
    }

    [Fact]
    public async Task the_filters_narrow_the_directory()
    {
        var listings = (await api.SeedDemoAsync()).Where(l => l.Verified).ToList();
        var specialty = listings.SelectMany(l => l.Specialties).GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        var term = HsdsTaxonomies.Term(HsdsTaxonomies.Specialties, specialty).Id;

        var bySpecialty = (await api.Hsds($"/hsds/services?per_page=100&taxonomy_term_id={term}")).Contents();
        Assert.Equal(listings.Count(l => l.Specialties.Contains(specialty)), bySpecialty.Length);

        var named = listings[3];
        var byName = (await api.Hsds($"/hsds/services?search={Uri.EscapeDataString(named.Name.Split(' ')[^1].ToUpperInvariant())}")).Contents();
        Assert.Contains(byName, s => s.Id() == HsdsIds.Service(named.Id).ToString());
        Assert.All(byName, s => Assert.Contains(named.Name.Split(' ')[^1], s.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));

        var inPerson = listings.First(l => l.Locations.Count > 0);
        var zip = inPerson.Locations[0].Zip;
        var near = (await api.Hsds($"/hsds/service_at_locations?per_page=100&postcode={zip}&proximity=10")).Contents();
        Assert.Contains(near, p => p.Id() == HsdsIds.ServiceAtLocation(inPerson.Id, 0).ToString());
        Assert.True(ZipCentroids.Default.TryFind(zip, out var centre));
        Assert.All(near, p =>
        {
            var location = p.GetProperty("location");
            Assert.Equal("physical", location.GetProperty("location_type").GetString());
            Assert.InRange(GreatCircle.DistanceMiles(centre!.Latitude, centre.Longitude, location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble()), 0, 10);
        });
        var services = (await api.Hsds($"/hsds/services?per_page=100&postcode={zip}&proximity=10")).Contents();
        Assert.Contains(services, s => s.Id() == HsdsIds.Service(inPerson.Id).ToString());

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        Assert.Empty((await api.Hsds($"/hsds/services?modified_after={future}")).Contents());
        Assert.Equal(listings.Count, (await api.Hsds("/hsds/services?per_page=100&modified_after=2020-01-01")).Contents().Length);

        var organization = HsdsIds.Organization(named.Id);
        Assert.Equal([HsdsIds.Service(named.Id).ToString()], (await api.Hsds($"/hsds/services?organization_id={organization}")).Contents().Select(s => s.Id()));
    }

    [Fact]
    public async Task pages_follow_hsda_envelope()
    {
        var total = (await api.SeedDemoAsync()).Count(l => l.Verified);

        var all = (await api.Hsds("/hsds/services?per_page=100")).Contents().Select(s => s.Id()).ToList();
        var second = await api.Hsds("/hsds/services?per_page=5&page=2");
        var last = await api.Hsds($"/hsds/services?per_page=5&page={(total + 4) / 5}");
        var past = await api.Hsds("/hsds/services?per_page=5&page=99");

        Assert.Equal(all.Skip(5).Take(5), second.Contents().Select(s => s.Id()));
        Assert.Equal((total, (total + 4) / 5, 2, 5, false, false, false), (second.GetProperty("total_items").GetInt32(), second.GetProperty("total_pages").GetInt32(),
            second.GetProperty("page_number").GetInt32(), second.GetProperty("size").GetInt32(), second.GetProperty("first_page").GetBoolean(),
            second.GetProperty("last_page").GetBoolean(), second.GetProperty("empty").GetBoolean()));
        Assert.True(last.GetProperty("last_page").GetBoolean());
        Assert.Empty(past.Contents());
        Assert.Equal(total, past.GetProperty("total_items").GetInt32());
    }

    [Theory]
    [InlineData("/hsds/services?page=0", "page")]
    [InlineData("/hsds/services?per_page=101", "per_page")]
    [InlineData("/hsds/services?per_page=ten", "per_page")]
    [InlineData("/hsds/services?taxonomy_term_id=tf-cbt", "taxonomy_term_id")]
    [InlineData("/hsds/services?taxonomy_term_id=0193c5a0-0000-7000-8000-000000000001", "taxonomy_term_id")]
    [InlineData("/hsds/services?organization_id=someone", "organization_id")]
    [InlineData("/hsds/service_at_locations?postcode=00000", "postcode")]
    [InlineData("/hsds/service_at_locations?postcode=22314&proximity=far", "proximity")]
    [InlineData("/hsds/service_at_locations?postcode=22314&proximity=500", "proximity")]
    [InlineData("/hsds/service_at_locations?proximity=5", "proximity")]
    [InlineData("/hsds/organizations?modified_after=yesterday", "modified_after")]
    [InlineData("/hsds/organizations?full=yes", "full")]
    [InlineData("/hsds/services?format=ndjson", "format")]
    [InlineData("/hsds/taxonomy_terms?taxonomy_id=0193c5a0-0000-7000-8000-000000000001", "taxonomy_id")]
    [InlineData("/hsds/taxonomies?search=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "search")]
    public async Task a_bad_filter_value_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await api.GetAs(HsdsNetwork.Reader, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Problem();
        Assert.NotEmpty(problem.Errors(parameter));
    }
}
