using Microsoft.AspNetCore.Mvc;
using ReferralNetwork.Providers;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Http;

namespace ReferralNetwork.Tests.Providers.Verification;

/// <summary>Given the review's events → the aggregate's state, the state rules and the reply's event. No database.</summary>
public sealed class ReviewRulesTests
{
    private static Provider Given(params object[] events) =>
        events.Aggregate(Provider.Create(new ProviderOnboarded(Guid.CreateVersion7(), ProviderScenarios.Onboarding().Profile.ToProfile())), (p, e) => e switch
        {
            ProviderInformationRequested x => p.Apply(x),
            ProviderInformationSent x => p.Apply(x),
            ProviderApplicationDeclined x => p.Apply(x),
            ProviderApplicationResubmitted x => p.Apply(x),
            ProviderVerified x => p.Apply(x),
            ProviderVerificationLapsed x => p.Apply(x),
            _ => throw new ArgumentException(e.GetType().Name),
        });

    private static readonly ProviderApplicationDeclined Declined = new(ApplicationDeclineReason.NoReply, null);

    [Fact]
    public void the_review_moves_from_waiting_to_asked_to_replied_and_a_decline_waits_for_a_resubmission()
    {
        Assert.Equal(ReviewStatus.Waiting, Given().Review);
        Assert.Equal(ReviewStatus.InformationRequested, Given(new ProviderInformationRequested("x")).Review);
        Assert.Equal(ReviewStatus.ProviderReplied, Given(new ProviderInformationRequested("x"), new ProviderInformationSent("y")).Review);
        Assert.Equal(ReviewStatus.Declined, Given(Declined).Review);
        Assert.Equal(ReviewStatus.ProviderReplied, Given(Declined, new ProviderApplicationResubmitted("z")).Review);
        // A lapsed verification starts a fresh review.
        Assert.Equal(ReviewStatus.Waiting, Given(new ProviderInformationRequested("x"), new ProviderVerified(null), new ProviderVerificationLapsed("licences changed")).Review);
    }

    [Fact]
    public void a_reply_to_a_request_is_information_sent_and_a_reply_to_a_decline_is_a_resubmission()
    {
        Assert.IsType<ProviderInformationSent>(ReplyToReviewEndpoint.Decide(new ReplyToReview(" done "), Given(new ProviderInformationRequested("x"))));
        var resubmitted = Assert.IsType<ProviderApplicationResubmitted>(ReplyToReviewEndpoint.Decide(new ReplyToReview(" fixed "), Given(Declined)));
        Assert.Equal("fixed", resubmitted.Message);
    }

    [Fact]
    public void a_declined_application_and_a_verified_provider_refuse_what_makes_no_sense()
    {
        Assert.Equal(409, ReviewRules.MustNotBeDeclined(Given(Declined)).Status);
        Assert.Same(WolverineContinue.NoProblems, ReviewRules.MustNotBeDeclined(Given(Declined, new ProviderApplicationResubmitted("z"))));
        Assert.Equal(409, ReviewRules.MustBeUnverified(Given(new ProviderVerified(null))).Status);
        Assert.Equal(409, VerifyProviderEndpoint.Before(WithIfMatch("*"), Given(Declined)).Status);
    }

    [Fact]
    public void declining_for_another_reason_needs_a_note()
    {
        static ProblemDetails Check(ApplicationDeclineReason? reason, string? note) => DeclineProviderApplicationEndpoint.Validate(new(reason, note));

        Assert.Same(WolverineContinue.NoProblems, Check(ApplicationDeclineReason.LicenceNotFound, null));
        Assert.Same(WolverineContinue.NoProblems, Check(ApplicationDeclineReason.Other, "Practice closed"));
        Assert.Contains("note", Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(Check(ApplicationDeclineReason.Other, " ")).Errors.Keys);
        Assert.Contains("reason", Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(Check(null, null)).Errors.Keys);
    }

    private static Microsoft.AspNetCore.Http.DefaultHttpContext WithIfMatch(string tag)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.IfMatch = tag;
        return context;
    }
}
