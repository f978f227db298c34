using ReferralNetwork.Api.Pages;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;

namespace ReferralNetwork.Tests.Pages;

/// <summary>How cards and referral pages word availability, fees, response figures, distances and times.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData(AcceptingStatus.Accepting, 2, 3, 2, "Taking referrals: 2 free and 3 sliding-scale places, usual wait about 2 weeks")]
    [InlineData(AcceptingStatus.Accepting, 1, 0, 1, "Taking referrals: 1 free place, usual wait about 1 week")]
    [InlineData(AcceptingStatus.Accepting, 0, 6, null, "Taking referrals: 6 sliding-scale places")]
    [InlineData(AcceptingStatus.Accepting, 0, 1, 0, "Taking referrals: 1 sliding-scale place, usually no wait")]
    [InlineData(AcceptingStatus.Accepting, 0, 0, 3, "Not taking referrals right now: no places free")]
    [InlineData(AcceptingStatus.NotAccepting, 0, 6, 0, "Not taking referrals right now")]
    [InlineData(AcceptingStatus.Paused, 4, 4, 2, "Paused: not taking referrals for now")]
    public void availability_is_one_honest_sentence(AcceptingStatus status, int free, int sliding, int? wait, string expected)
    {
        var sentence = Display.Availability(new Availability(status, free, sliding, wait));
        Assert.Equal(expected, sentence);
        Assert.DoesNotContain("0 weeks", sentence, StringComparison.Ordinal);
        Assert.Equal(new Availability(status, free, sliding, wait).TakesReferrals, Display.AvailabilityShort(new Availability(status, free, sliding, wait)) == "Taking referrals");
    }

    [Theory]
    [InlineData(true, 12, true, 20.0, 80.0, true, "Free for up to 12 sessions; $20–$80 a session, by income")]
    [InlineData(true, 1, false, null, null, false, "Free for up to 1 session")]
    [InlineData(true, null, false, null, null, false, "Free (pro bono)")]
    [InlineData(false, null, true, 40.0, 40.0, false, "$40 a session")]
    [InlineData(false, null, true, 12.5, 60.0, true, "$12.50–$60 a session, by income")]
    [InlineData(false, null, true, null, 60.0, false, "Up to $60 a session")]
    [InlineData(false, null, false, null, null, false, "No free or reduced fees listed")]
    public void fees_read_as_a_family_thinks_of_them(bool proBono, int? sessions, bool slidingScale, double? min, double? max, bool income, string expected) =>
        Assert.Equal(expected, Display.Fees(new FeeTerms(new ProBonoTerms(proBono, sessions),
            new SlidingScaleTerms(slidingScale, (decimal?)min, (decimal?)max, income), null)));

    [Fact]
    public void the_promised_fee_terms_are_the_kind_the_referral_asked_for()
    {
        var terms = new FeeTerms(new ProBonoTerms(true, 12), new SlidingScaleTerms(true, 20, 80, true), null);
        Assert.Equal("Free for up to 12 sessions", Display.Promised(terms, FeeKind.ProBono));
        Assert.Equal("$20–$80 a session, by income", Display.Promised(terms, FeeKind.SlidingScale));
    }

    [Theory]
    [InlineData(null, null, 0, 0, 0, null)]
    [InlineData(2.0, 1.0, 1, 1, 1, null)]
    [InlineData(2.0, 1.0, 4, 4, 4, null)]
    [InlineData(0.5, null, 5, 0, 0, "Usually answers within an hour")]
    [InlineData(1.2, 0.5, 5, 2, 4, "Usually answers within 2 hours")]
    [InlineData(20.0, 0.667, 6, 4, 6, "Usually answers within 20 hours; accepted 4 of 6")]
    [InlineData(24.0, 0.5, 8, 3, 6, "Usually answers within a day; accepted 3 of 6")]
    [InlineData(30.0, 1.0, 2, 5, 5, "Accepted 5 of 5")]
    [InlineData(400.0, null, 9, 0, 0, "Usually answers within 3 weeks")]
    public void response_figures_show_only_once_they_rest_on_five_answers(double? hours, double? rate, int answers, int accepted, int decided, string? expected) =>
        Assert.Equal(expected, Display.Responds(new ResponseSummary(hours, rate, answers, accepted, decided)));

    [Fact]
    public void no_response_summary_says_nothing() => Assert.Null(Display.Responds(null));

    [Theory]
    [InlineData(0.0, "Under a mile away")]
    [InlineData(1.2, "1 mile away")]
    [InlineData(12.6, "13 miles away")]
    public void distances_are_whole_miles_in_words(double miles, string expected) => Assert.Equal(expected, Display.Distance(miles));

    [Fact]
    public void counts_and_lists_read_naturally()
    {
        Assert.Equal("1 state", Display.Count(1, "state"));
        Assert.Equal("0 states", Display.Count(0, "state"));
        Assert.Equal("1,200 states", Display.Count(1200, "state"));
        Assert.Equal("English", Display.List(["English"]));
        Assert.Equal("English and Spanish", Display.List(["English", "Spanish"]));
        Assert.Equal("English, Spanish and Polish", Display.List(["English", "Spanish", "Polish"]));
        Assert.Equal("Child (6-12)", Display.AgeGroup("child"));
        Assert.Equal("Child (6-12) and Adolescent (13-17)", Display.Ages(["adolescent", "child"]));
    }

    [Theory]
    [InlineData(-30, "just now")]
    [InlineData(-300, "5 minutes ago")]
    [InlineData(-3600, "1 hour ago")]
    [InlineData(-26 * 3600, "yesterday")]
    [InlineData(-3 * 86400, "3 days ago")]
    [InlineData(-21 * 86400, "3 weeks ago")]
    [InlineData(2 * 86400 + 60, "in 2 days")]
    [InlineData(30 * 60, "in 30 minutes")]
    [InlineData(5 * 86400 - 60, "in 5 days")]
    [InlineData(-(90 * 60), "2 hours ago")]
    public void times_read_relative_to_now(int seconds, string expected)
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, LocalTimes.Relative(now.AddSeconds(seconds), now));
    }

    [Theory]
    [InlineData("IL", "2026-12-07T02:44:00Z", "6 Dec 2026, 8:44 PM CST")]
    [InlineData("VA", "2026-12-07T02:44:00Z", "6 Dec 2026, 9:44 PM EST")]
    [InlineData(null, "2026-07-01T16:00:00Z", "1 Jul 2026, 12:00 PM EDT")]
    [InlineData("AZ", "2026-07-01T16:00:00Z", "1 Jul 2026, 9:00 AM MST")]
    [InlineData("CA", "2026-07-01T16:00:00Z", "1 Jul 2026, 9:00 AM PDT")]
    public void exact_times_are_in_the_family_states_zone_by_default(string? state, string utc, string expected) =>
        Assert.Equal(expected, LocalTimes.Exact(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), LocalTimes.ForState(state)));
}
