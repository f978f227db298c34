using System.Net;
using System.Net.Http.Json;
using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>Reading a history, a referral, a referral list or an export leaves a record an admin can query.</summary>
public sealed class AccessAuditTests(ApiFixture api)
{
    [Fact]
    public async Task reading_a_stream_history_is_recorded_with_who_what_and_when()
    {
        var (provider, referral) = await api.Referred();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync($"/api/referrals/{referral}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync($"/api/providers/{provider}/history")).StatusCode);

        var referralReads = await Audit($"subjectId={referral}&action=read-referral-history");
        var providerReads = await Audit($"subjectId={provider}");
        var read = Assert.Single(referralReads.Items);
        Assert.Equal((Caller.Admin.UserId, Roles.Admin, referral), (read.UserId, read.Role, read.SubjectId!.Value));
        Assert.InRange(read.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(string.IsNullOrEmpty(read.CorrelationId));
        Assert.Equal([AccessAudit.ReadProviderHistory], providerReads.Items.Select(r => r.Action));
    }

    [Fact]
    public async Task a_partys_reads_of_a_referral_and_of_their_list_are_recorded_too()
    {
        var (provider, referral) = await api.Referred();

        await api.GetAs(Caller.Provider(provider), $"/api/referrals/{referral}");
        await api.GetAs(Caller.Advocate(), "/api/referrals?status=requested");

        var read = Assert.Single((await Audit($"subjectId={referral}&action=read-referral")).Items);
        Assert.Equal(Caller.Provider(provider).UserId, read.UserId);
        Assert.Equal(Roles.Provider, read.Role);
        var listing = (await Audit($"userId={ReferralScenarios.Advocate}&action=list-referrals")).Items.First();
        Assert.Equal("status=requested", listing.Query);
    }

    [Fact]
    public async Task only_known_filters_with_id_or_code_values_are_kept_never_free_text()
    {
        const string sentinel = "Sentinel-7f3a9c";
        await api.ResetAsync();
        var provider = Guid.NewGuid();

        var response = await api.Client.GetAsync($"/api/referrals?familyReference=FA-{sentinel}&note=guardian+{sentinel}+phone+555&state=VA"
            + $"&advocateId=guardian+{sentinel}&providerId={provider}&{sentinel}=1&page=2");
        await api.Client.GetAsync($"/api/referrals/export?note={sentinel}&status=requested&from=2026-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trail = (await Audit($"userId={Caller.Admin.UserId}")).Items;
        Assert.Equal($"state=VA&providerId={provider}&page=2", trail.Single(r => r.Action == AccessAudit.ListReferrals).Query);
        Assert.Equal("status=requested&from=2026-01-01", trail.Single(r => r.Action == AccessAudit.ExportReferrals).Query);
        await using var session = api.Store.QuerySession();
        var stored = await session.Query<AccessRecord>().ToListAsync();
        Assert.DoesNotContain(sentinel, System.Text.Json.JsonSerializer.Serialize(stored), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_refused_read_is_not_recorded_as_a_read()
    {
        var (_, referral) = await api.Referred();

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(Caller.Advocate("advocate-bea"), $"/api/referrals/{referral}")).StatusCode);

        Assert.Empty((await Audit($"subjectId={referral}")).Items);
    }

    [Theory]
    [InlineData("subjectId=nope", "subjectId")]
    [InlineData("action=delete-everything", "action")]
    [InlineData("from=yesterday", "from")]
    [InlineData("pageSize=5000", "pageSize")]
    public async Task a_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var response = await api.Client.GetAsync($"/api/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Problem()).Errors(field));
    }

    private async Task<AccessRecordPage> Audit(string query) =>
        (await api.Client.GetFromJsonAsync<AccessRecordPage>($"/api/audit?{query}", ProviderScenarios.Json))!;
}
