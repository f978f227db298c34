using System.Net;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>Who may read /hsds: administrators and hsds-reader clients by default; anyone when Hsds:Public is true.</summary>
public sealed class HsdsAccessTests(ApiFixture api)
{
    public static TheoryData<string> Paths => new(["/hsds", "/hsds/services", "/hsds/organizations", "/hsds/service_at_locations",
        "/hsds/taxonomies", "/hsds/taxonomy_terms", "/hsds/export.zip"]);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task readers_and_admins_may_read_others_are_refused_with_problem_details(string path)
    {
        await api.ResetAsync();

        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(HsdsNetwork.Reader, path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(Caller.Admin, path)).StatusCode);

        using var anonymous = await api.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        foreach (var caller in new[] { Caller.Advocate(), Caller.Provider(Guid.CreateVersion7()) })
        {
            using var refused = await api.GetAs(caller, path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task a_public_directory_answers_anyone()
    {
        await api.ResetAsync();
        await using var host = ApiFixture.CreateHost("Development", new Dictionary<string, string?> { ["Hsds:Public"] = "true" });
        using var client = host.CreateClient();

        using var services = await client.GetAsync("/hsds/services");
        using var signedIn = await api.Anonymous.GetAsync("/hsds/services");

        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedIn.StatusCode);
    }
}
