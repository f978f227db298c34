using System.Net;
using Marten;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Providers.Verification;

/// <summary>Asking for information, declining and the provider's answer: events on the provider's stream, and their rules.</summary>
public sealed class ReviewEventsTests(ApiFixture api)
{
    [Fact]
    public async Task an_admin_asks_for_information_and_the_provider_answers_each_event_recording_who()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Ask Reply"), verify: false);

        var asked = await api.Ask(provider.Id, provider.ETag, "  Please send a copy of your DC licence.  ");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("\"5\"", asked.Tag());
        var review = await api.Review(provider.Id);
        Assert.Equal((ReviewStatus.InformationRequested, "Please send a copy of your DC licence."), (review.Review, review.InformationRequest));

        var replied = await api.Reply(provider.Id, asked.Tag(), "Sent by email on Monday.");
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        review = await api.Review(provider.Id);
        Assert.Equal((ReviewStatus.ProviderReplied, "Sent by email on Monday."), (review.Review, review.Reply));

        await using var session = api.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(provider.Id, token: TestContext.Current.CancellationToken)).Skip(4).ToList();
        Assert.Equal([typeof(ProviderInformationRequested), typeof(ProviderInformationSent)], events.Select(e => e.EventType));
        Assert.Equal((Caller.Admin.UserId, "admin"), (events[0].UserName, events[0].GetHeader("role")?.ToString()));
        Assert.Equal((Caller.Provider(provider.Id).UserId, "provider"), (events[1].UserName, events[1].GetHeader("role")?.ToString()));

        // Answered: the application needs a decision, and verifying it is allowed.
        Assert.Equal(HttpStatusCode.OK, (await api.Verify(provider.Id, replied.Tag())).StatusCode);
    }

    [Fact]
    public async Task a_declined_application_cannot_be_verified_or_asked_about_until_the_provider_resubmits()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Decline Resubmit"), verify: false);

        var declined = await api.Decline(provider.Id, provider.ETag, new { reason = "licence-not-found", note = "No match on the Virginia board." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var review = await api.Review(provider.Id);
        Assert.Equal((ReviewStatus.Declined, ApplicationDeclineReason.LicenceNotFound, "No match on the Virginia board."),
            (review.Review, review.DeclineReason, review.DeclineNote));
        Assert.False((await api.Listing(provider.Id)).Verified);
        Assert.DoesNotContain((await api.Search("state=VA&pageSize=100")).Items, i => i.Id == provider.Id);

        foreach (var refused in new[] { await api.Verify(provider.Id, declined.Tag()), await api.Ask(provider.Id, declined.Tag()),
                     await api.Decline(provider.Id, declined.Tag(), new { reason = "other", note = "again" }) })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("declined", (await refused.Problem()).GetProperty("detail").GetString());
        }
        Assert.Equal(declined.Tag(), (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag);

        var resubmitted = await api.Reply(provider.Id, declined.Tag(), "My licence number had a typo; corrected on my profile.");
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        await using var session = api.Store.QuerySession();
        var last = (await session.Events.FetchStreamAsync(provider.Id, token: TestContext.Current.CancellationToken))[^1];
        Assert.IsType<ProviderApplicationResubmitted>(last.Data);
        Assert.Equal(ReviewStatus.ProviderReplied, (await api.Review(provider.Id)).Review);
        Assert.True((await api.Review(provider.Id)).WaitingSince > (await api.Review(provider.Id)).OnboardedAt);
        Assert.Equal(HttpStatusCode.OK, (await api.Verify(provider.Id, resubmitted.Tag())).StatusCode);
    }

    [Fact]
    public async Task a_verified_provider_has_no_application_to_ask_about_decline_or_answer()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Already Verified"));

        Assert.Equal(HttpStatusCode.Conflict, (await api.Ask(provider.Id, provider.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Decline(provider.Id, provider.ETag, new { reason = "no-reply" })).StatusCode);
        var reply = await api.Reply(provider.Id, provider.ETag);
        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
        Assert.Contains("nothing to answer", (await reply.Problem()).GetProperty("detail").GetString());
        Assert.Equal(provider.ETag, (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task bad_input_is_a_problem_naming_the_field_and_the_rule_and_changes_nothing()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Bad Input Review"), verify: false);

        var empty = await (await api.Ask(provider.Id, provider.ETag, "   ")).Problem();
        Assert.Equal(["is required"], empty.Errors("message"));
        var longer = await (await api.Ask(provider.Id, provider.ETag, new string('x', 1_001))).Problem();
        Assert.Equal(["must be at most 1000 characters"], longer.Errors("message"));
        var control = await (await api.Ask(provider.Id, provider.ETag, "Send it\u0007 now")).Problem();
        Assert.Equal([ReferralNetwork.Http.AcceptedText.ControlRule], control.Errors("message"));
        Assert.Equal(HttpStatusCode.OK, (await api.Ask(provider.Id, provider.ETag, "Line one\nline two")).StatusCode); // line breaks are plain text
        var current = (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag;

        var noReason = await api.Decline(provider.Id, current, new { note = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.StartsWith("is required: licence-not-found", (await noReason.Problem()).Errors("reason").Single());
        var otherWithoutNote = await (await api.Decline(provider.Id, current, new { reason = "other" })).Problem();
        Assert.Contains("declined for another reason", otherWithoutNote.Errors("note").Single());
        var unknownReason = await api.Decline(provider.Id, current, new { reason = "vibes" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        var noBody = await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/decline-application", null, current);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Reply(provider.Id, current, "")).StatusCode);

        Assert.Equal(current, (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task each_write_needs_the_current_version_an_admin_and_an_existing_provider()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding("Preconditions Review"), verify: false);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await api.Send(HttpMethod.Post, $"/api/providers/{provider.Id}/request-information",
            new RequestProviderInformation("x"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Ask(provider.Id, "\"3\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Decline(provider.Id, "\"3\"", new { reason = "no-reply" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Ask(Guid.NewGuid(), "\"4\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Decline(Guid.NewGuid(), "\"4\"", new { reason = "no-reply" })).StatusCode);

        // The provider may answer but not ask or decline; another provider does not see this one at all.
        var asProvider = new HttpRequestMessage(HttpMethod.Post, $"/api/providers/{provider.Id}/decline-application")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "no-reply" }),
        }.As(Caller.Provider(provider.Id));
        asProvider.Headers.TryAddWithoutValidation("If-Match", provider.ETag);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Anonymous.SendAsync(asProvider)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reply(provider.Id, provider.ETag, caller: Caller.Provider(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Reply(provider.Id, provider.ETag, caller: Caller.Advocate())).StatusCode);
        Assert.Equal(provider.ETag, (await api.Client.GetAsync($"/api/providers/{provider.Id}")).Headers.ETag!.Tag);
    }
}
