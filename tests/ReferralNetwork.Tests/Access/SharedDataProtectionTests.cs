using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>
/// Behind a load balancer, a session cookie made by one node must be read by the others: the Data Protection key ring
/// is in the database, not on each machine.
/// </summary>
public sealed class SharedDataProtectionTests(ApiFixture api)
{
    [Fact]
    public async Task a_session_cookie_from_one_node_is_accepted_by_another_on_the_same_database()
    {
        var ct = TestContext.Current.CancellationToken;
        var signIn = await api.NewClient().PostAsJsonAsync("/api/dev/sign-in", new DemoSignInRequest("demo-admin"), ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];

        await using var otherNode = ApiFixture.CreateHost("Development", new Dictionary<string, string?>());
        using var other = otherNode.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request, ct)).StatusCode);

        // The ring is the database's, not the machine's: without its rows, a node cannot read the cookie.
        await using var database = NpgsqlDataSource.Create(api.ConnectionString);
        await using (var hide = database.CreateCommand("CREATE TABLE keys_aside AS SELECT * FROM public.data_protection_keys; DELETE FROM public.data_protection_keys"))
            await hide.ExecuteNonQueryAsync(ct);
        try
        {
            await using var nodeWithoutTheRing = ApiFixture.CreateHost("Development", new Dictionary<string, string?>());
            using var stranger = nodeWithoutTheRing.CreateClient(new() { HandleCookies = false });
            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
            again.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SendAsync(again, ct)).StatusCode);
        }
        finally
        {
            await using var restore = database.CreateCommand("INSERT INTO public.data_protection_keys SELECT * FROM keys_aside ON CONFLICT DO NOTHING; DROP TABLE keys_aside");
            await restore.ExecuteNonQueryAsync(ct);
        }
    }
}
