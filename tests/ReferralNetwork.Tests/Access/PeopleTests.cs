using System.Net;
using Marten;
using ReferralNetwork.Access;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Access;

/// <summary>The people directory remembers who signed in, by name and email, from their claims, and nothing else.</summary>
public sealed class PeopleTests(ApiFixture api)
{
    [Fact]
    public async Task a_signed_in_caller_is_remembered_by_name_email_and_role_and_kept_current()
    {
        var userId = $"advocate-{Guid.NewGuid():N}";
        var caller = new Caller(userId, Roles.Advocate, Name: "Casey Advocate", Email: "casey@example.org");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(caller, "/api/referrals")).StatusCode);
        var first = await Load(userId);
        Assert.Equal(("Casey Advocate", "casey@example.org", Roles.Advocate), (first!.Name, first.Email, first.Role));
        Assert.Equal(first.FirstSeen, first.LastSeen);

        await api.GetAs(caller with { Email = "casey.new@example.org" }, "/api/referrals");
        var changed = await Load(userId);
        Assert.Equal("casey.new@example.org", changed!.Email);
        Assert.Equal(first.FirstSeen, changed.FirstSeen);
    }

    [Fact]
    public async Task a_caller_without_name_or_email_claims_is_shown_by_id_and_has_no_address()
    {
        var userId = $"advocate-{Guid.NewGuid():N}";

        await api.GetAs(Caller.Advocate(userId), "/api/referrals");

        var person = await Load(userId);
        Assert.Null(person!.Email);
        Assert.Equal(userId, person.DisplayName);
    }

    [Fact]
    public async Task an_anonymous_request_remembers_nobody()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/referrals")).StatusCode);

        await using var query = api.Store.QuerySession();
        Assert.DoesNotContain(await query.Query<Person>().ToListAsync(), p => p.Id == ReferralNetwork.Http.Actor.Anonymous.UserId || p.Id == "");
    }

    private async Task<Person?> Load(string id)
    {
        await using var session = api.Store.QuerySession();
        return await session.LoadAsync<Person>(id);
    }
}
