using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using ReferralNetwork.Api.Pages;
using ReferralNetwork.Http;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Referrals;

namespace ReferralNetwork.Tests.Pages;

/// <summary>
/// Every rule the API's own validators produce for the pages' forms (taken from the validators, not copied) has words
/// of its own, with no developer phrasing; problems without a field become one calm sentence.
/// </summary>
public sealed class ProblemWordsTests
{
    public static TheoryData<string, string> RealRules()
    {
        var data = new TheoryData<string, string>();
        // Several validators give the same rule for the same field: each pair once (xunit would skip the repeats).
        var seen = new HashSet<(string, string)>();
        void Add(ProblemDetails problem)
        {
            foreach (var (field, rules) in ((HttpValidationProblemDetails)problem).Errors)
                foreach (var rule in rules.Where(r => seen.Add((field, r)))) data.Add(field, rule);
        }
        Add(ReferralRequestRules.CheckShape(new RequestReferral(Guid.Empty, "Emma Smith", new FamilyNeeds(["nope"], "elderly", "zz", "QQ", false),
            null, null, new ContactPreference(ContactChannel.AdvocateRelaysOnly, "555 0100"), "Seen on 03/04/2019", false)).ToProblemDetails());
        Add(ReferralRequestRules.CheckShape(new RequestReferral(Guid.NewGuid(), "", new FamilyNeeds([], "", "", "", false),
            Urgency.Routine, FeeKind.ProBono, new ContactPreference(ContactChannel.Phone, null), new string('x', 600), false)).ToProblemDetails());
        Add(ProviderSearch.Parse(Query(("near", "abcde"), ("radiusMiles", "900"), ("state", "ZZ"), ("specialty", "nope"), ("ageGroup", "old"),
            ("language", "zz"), ("fee", "cheap"), ("maxFee", "-1"), ("sort", "best"), ("page", "0"))).Problems.ToProblemDetails());
        Add(ProviderSearch.Parse(Query(("state", "VA"), ("radiusMiles", "x"), ("fee", "pro-bono"), ("maxFee", "40"))).Problems.ToProblemDetails());
        Add(ProviderSearch.Parse(Query(("state", "VA"), ("radiusMiles", "20"))).Problems.ToProblemDetails());
        var fees = new ValidationProblems();
        ChangeFeeTermsEndpoint.Check(new ProBonoTerms(true, 0), new SlidingScaleTerms(true, 90, 20, true), new string('x', 600), "", fees);
        ChangeFeeTermsEndpoint.Check(new ProBonoTerms(false, null), new SlidingScaleTerms(false, null, null, false), null, "", fees);
        ChangeFeeTermsEndpoint.Check(new ProBonoTerms(false, null), new SlidingScaleTerms(true, null, 5000, false), null, "", fees);
        Add(fees.ToProblemDetails());
        var availability = new ValidationProblems();
        ChangeAvailabilityEndpoint.Check(new ChangeAvailability(null, -1, 2000, 200), "", availability);
        Add(availability.ToProblemDetails());
        Add(ReferralHistoryQuery.Parse(Query(("providerId", "abc"), ("state", "ZZ"), ("status", "lost"), ("from", "2026-02-01"), ("to", "2026-01-01"))).Problems.ToProblemDetails());
        Add(ReferralHistoryQuery.Parse(Query(("from", "yesterday"), ("advocateId", new string('a', 201)))).Problems.ToProblemDetails());
        Add(DeclineReferralEndpoint.Validate(new DeclineReferral(null, null)));
        Add(DeclineReferralEndpoint.Validate(new DeclineReferral(DeclineReason.Other, null)));
        Add(WaitlistReferralEndpoint.Validate(new WaitlistReferral(0)));
        Add(ScheduleFirstSessionEndpoint.Validate(new ScheduleFirstSession(null), TimeProvider.System));
        Add(CloseReferralEndpoint.Validate(new CloseReferral(null, new string('x', 600))));
        Add(WithdrawReferralEndpoint.Validate(new WithdrawReferral(new string('x', 600))));
        Add(VerifyProviderEndpoint.Validate(new VerifyProvider(new string('x', 600))));
        var sample = Fixtures.ProviderScenarios.Onboarding().Profile;
        Add(UpdateProfileEndpoint.Validate(sample with
        {
            Locations = [new PracticeAddress(null, "", "", "ZZ", "00000"), new PracticeAddress(null, "1 Main St", "Chicago", "VA", "60614"),
                new PracticeAddress(null, "1 Main St", "Chicago", "IL", "60614")],
        }, TimeProvider.System));
        Add(UpdateProfileEndpoint.Validate(sample with { Locations = [], TelehealthStates = [] }, TimeProvider.System));
        // Every part the provider's editor sends, each wrong.
        Add(UpdateProfileEndpoint.Validate(sample with
        {
            Name = "",
            Credentials = ["1"],
            Npi = "123",
            TelehealthStates = ["MD", "ZZ"],
            Languages = ["zz"],
            AgeGroups = ["old"],
            Licences = [new Licence("1", "ZZ", "no spaces", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)), new Licence("", "", "", default)],
            Contact = new ProviderContact("x@y", "abc", "a@b"),
            Bio = new string('x', 2100),
        }, TimeProvider.System));
        Add(UpdateProfileEndpoint.Validate(sample with { Licences = [], Languages = [], AgeGroups = [], Contact = new ProviderContact("", null) }, TimeProvider.System));
        return data;
    }

    [Theory, MemberData(nameof(RealRules))]
    public void every_rule_the_forms_can_meet_has_plain_words_of_its_own(string field, string rule)
    {
        var words = FieldWords.For(field, rule);
        Assert.Empty(PlainLanguage.FoundIn(words));
        Assert.DoesNotContain("Something in this form", words, StringComparison.Ordinal);
        Assert.DoesNotContain(rule, words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("needs.specialties", "the provider does not offer: tf-cbt, cse-trafficking", "This provider doesn't offer Trauma-Focused Cognitive Behavioral Therapy (TF-CBT) and")]
    [InlineData("needs.ageGroup", "the provider does not serve this age group", "This provider doesn't work with this age group")]
    [InlineData("needs.state", "the provider neither practises in nor offers telehealth into IL", "doesn't practise in Illinois or offer telehealth there")]
    [InlineData("sendWhileNotAccepting", "the provider is not taking new referrals; set it to true to send anyway (recorded)", "isn't taking new referrals right now")]
    [InlineData("providerId", "the provider is not verified yet", "isn't verified yet")]
    [InlineData("slidingScale.minFeeUsd", "must not be more than maxFeeUsd", "The lowest fee can't be more than the highest fee")]
    [InlineData("profile.locations[1].state", "ZIP 60614 is in IL, not VA", "The ZIP code of location 2 is in Illinois, not Virginia")]
    [InlineData("licences[1].expiresOn", "must be a date after today (an expired licence cannot be listed)", "Enter an expiry date after today for licence 2")]
    [InlineData("telehealthStates", "MD needs an unexpired licence in that state", "Telehealth into Maryland needs a current licence there. Add or renew it under Licences")]
    [InlineData("openProBonoSlots", "must be 0 while the fee terms do not offer pro bono", "Set the open free (pro bono) places to 0")]
    [InlineData("openSlidingScaleSlots", "must be 0 while the fee terms do not offer a sliding scale", "Set the open sliding-scale places to 0")]
    [InlineData("proBono.offered", "cannot be turned off while availability lists open pro bono slots: set them to 0 first", "You still list open free (pro bono) places")]
    [InlineData("slidingScale.offered", "cannot be turned off while availability lists open sliding-scale slots: set them to 0 first", "You still list open sliding-scale places")]
    [InlineData("someNewField", "must be frobnicated", "Something in this form could not be saved. Check your answers and try again")]
    public void the_provider_checks_and_unknown_rules_read_as_a_person_would_say_them(string field, string rule, string expected)
    {
        var words = FieldWords.For(field, rule);
        Assert.Contains(expected, words, StringComparison.Ordinal);
        Assert.Empty(PlainLanguage.FoundIn(words));
    }

    [Fact]
    public void a_problem_is_tied_to_the_input_for_its_field_or_its_nearest_enclosing_field_else_it_is_a_sentence()
    {
        var result = new ApiResult<object>(HttpStatusCode.UnprocessableEntity, null, null, "The provider cannot take this referral", "See 'errors'",
            new Dictionary<string, string[]>
            {
                ["needs.ageGroup"] = ["the provider does not serve this age group"],
                ["contact.guardianContact"] = ["is required"],
                ["sendWhileNotAccepting"] = ["the provider is not taking new referrals; set it to true to send anyway (recorded)"],
            });

        var problems = ProblemWords.Read(result, new Dictionary<string, string> { ["needs.ageGroup"] = "ageGroup", ["contact"] = "channel" });

        Assert.Equal(["ageGroup", "channel", null], problems.All.Select(p => p.InputId));
        Assert.Equal("true", problems.Invalid("ageGroup"));
        Assert.Equal("ageGroup-error", problems.DescribedBy("ageGroup"));
        Assert.Null(problems.Invalid("language"));
        Assert.Null(problems.DescribedBy("language"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "A referral that is declined cannot 'accept'; it allows: close.", "It is now declined")]
    [InlineData(HttpStatusCode.Conflict, "The provider has no open pro-bono slot left; update availability first.", "no free (pro bono) places left")]
    [InlineData(HttpStatusCode.PreconditionFailed, "The resource has changed", "Someone else saved a change here")]
    [InlineData(HttpStatusCode.InternalServerError, "The error has been logged with this request's traceId.", "reference number: 0HN1:00000002")]
    [InlineData(HttpStatusCode.BadRequest, "The request could not be read", "reference number: 0HN1:00000002")]
    public void a_problem_about_no_field_is_one_calm_sentence_with_a_reference_for_support_when_unexpected(HttpStatusCode status, string detail, string expected)
    {
        var result = new ApiResult<object>(status, null, null, "Title", detail, new Dictionary<string, string[]>()) { Reference = "0HN1:00000002" };

        var problem = Assert.Single(ProblemWords.Read(result).All);

        Assert.Null(problem.InputId);
        Assert.Contains(expected, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(PlainLanguage.FoundIn(problem.Message.Replace("0HN1:00000002", "", StringComparison.Ordinal)));
    }

    private static QueryCollection Query(params (string Key, string Value)[] values) =>
        new(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray())));
}
