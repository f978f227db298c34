using System.Net;
using System.Net.Http.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>The administrators' history: filters, paging and total, and the streamed CSV export.</summary>
public sealed class ReferralHistoryListTests(ApiFixture api) : IAsyncLifetime
{
    private Guid _virginia, _maryland;
    private readonly List<Guid> _referrals = [];

    public async ValueTask InitializeAsync()
    {
        await api.ResetAsync();
        _virginia = (await api.Onboarded(ProviderScenarios.Onboarding())).Id;
        var sample = ProviderScenarios.Onboarding();
        _maryland = (await api.Onboarded(sample with
        {
            Profile = sample.Profile with
            {
                Licences = [new Licence("LCSW", "MD", "MD-1", ProviderScenarios.Today.AddYears(1))],
                Locations = [new PracticeAddress(null, "1 Main St", "Baltimore", "MD", "21201")],
                TelehealthStates = ["MD"],
            },
        })).Id;
        // Five referrals: three by ana (two to Virginia, one to Maryland), two by ben to Virginia.
        foreach (var (provider, state, advocate) in new[] { (_virginia, "VA", "ana"), (_virginia, "VA", "ana"), (_maryland, "MD", "ana"), (_virginia, "VA", "ben"), (_virginia, "VA", "ben") })
        {
            var request = ReferralScenarios.Request(provider) with { };
            request = request with { Needs = request.Needs with { State = state } };
            var response = await api.Refer(request, advocate: advocate);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            _referrals.Add(Guid.Parse(response.Headers.Location!.ToString()[^36..]));
        }
        await api.Act(_referrals[0], "decline", ReferralScenarios.BodyFor("decline"));
        await api.Act(_referrals[3], "accept");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<ReferralPage> List(string query) =>
        (await api.Client.GetFromJsonAsync<ReferralPage>($"/api/referrals?{query}", ProviderScenarios.Json))!;

    [Fact]
    public async Task filters_by_provider_advocate_state_and_status()
    {
        Assert.Equal(4, (await List($"providerId={_virginia}")).Total);
        Assert.Equal(3, (await List("advocateId=ana")).Total);
        Assert.Equal([_referrals[2]], (await List("state=md")).Items.Select(r => r.Id));
        Assert.Equal([_referrals[0]], (await List("status=declined")).Items.Select(r => r.Id));
        Assert.Equal([_referrals[3]], (await List("status=accepted&advocateId=ben")).Items.Select(r => r.Id));
        Assert.Equal(0, (await List("status=expired")).Total);
    }

    [Fact]
    public async Task filters_by_request_date_and_pages_newest_first()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        Assert.Equal(5, (await List($"from={today}&to={today}")).Total);
        Assert.Equal(0, (await List($"from={tomorrow}")).Total);
        var first = await List("pageSize=2&page=1");
        var third = await List("pageSize=2&page=3");
        Assert.Equal(5, first.Total);
        Assert.Equal([_referrals[4], _referrals[3]], first.Items.Select(r => r.Id));
        Assert.Equal([_referrals[0]], third.Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData("providerId=abc", "providerId")]
    [InlineData("status=lost", "status")]
    [InlineData("state=ZZ", "state")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task bad_filters_are_named(string query, string field)
    {
        var response = await api.Client.GetAsync($"/api/referrals?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Problem();
        Assert.True(problem.Errors(field).Length > 0 || problem.TryGetProperty("parameter", out var p) && p.GetString() == field);
    }

    [Fact]
    public async Task the_csv_export_streams_the_filtered_history_without_family_details()
    {
        var response = await api.Client.GetAsync("/api/referrals/export?advocateId=ana");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,status,provider_id,provider_name,advocate_id,advocate_name,family_state", lines[0]);
        Assert.Equal(4, lines.Length); // header + ana's three
        // ana never signed in with a name claim: her name cell is empty, not her id again.
        Assert.Contains(lines, l => l.StartsWith($"{_referrals[0]},declined,{_virginia},\"Jordan Rivera\",\"ana\",\"\",VA", StringComparison.Ordinal) && l.Contains(",no-capacity,", StringComparison.Ordinal));
        // The family's reference, its contact number and the advocate's note (ReferralScenarios.Request) never leave the system in an export.
        Assert.DoesNotContain(lines, l => l.Contains("FA-2026-0042", StringComparison.Ordinal) || l.Contains("555 0199", StringComparison.Ordinal) || l.Contains("afternoons", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_csv_export_names_provider_and_advocate_and_neutralises_names_that_would_run_as_formulas()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("=HYPERLINK(\"http://x.example\",\"Click\")"));
        var advocate = new Caller($"advocate-{Guid.NewGuid():N}", ReferralNetwork.Access.Roles.Advocate, Name: "@SUM(1+1)");
        var sent = await api.SendAs(advocate, HttpMethod.Post, "/api/referrals", JsonContent.Create(ReferralScenarios.Request(provider.Id), options: ProviderScenarios.Json));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var csv = await api.Client.GetStringAsync($"/api/referrals/export?providerId={provider.Id}");

        var row = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains($",{provider.Id},\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Click\"\")\",\"{advocate.UserId}\",\"'@SUM(1+1)\",VA,", row, StringComparison.Ordinal);
    }
}
