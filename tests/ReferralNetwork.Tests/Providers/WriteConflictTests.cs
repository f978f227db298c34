using System.Net;
using System.Text.Json;
using ReferralNetwork.Providers;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Providers.Verification;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Tracking;

namespace ReferralNetwork.Tests.Providers;

/// <summary>
/// Two tabs opened at the same version (docs/decisions/0009): the second write is refused only when what it changes
/// was changed since, and then the 412 names what; otherwise both changes are kept.
/// </summary>
public sealed class WriteConflictTests(ApiFixture api)
{
    private static readonly UpdateProfile Profile = ProviderScenarios.Onboarding().Profile;

    /// <summary>One tab's save of a part; variant 1 and 2 are two different changes to it.</summary>
    private static (HttpMethod, string, object?) Write(string part, int variant) => part switch
    {
        "specialties" => (HttpMethod.Put, "specialties", new ChangeSpecialties(variant == 1 ? ["emdr"] : ["cpt"])),
        "feeTerms" => (HttpMethod.Put, "fee-terms", new ChangeFeeTerms(new ProBonoTerms(true, 10 + variant), new SlidingScaleTerms(true, 20, 80, true), null)),
        "availability" => (HttpMethod.Put, "availability", new ChangeAvailability(AcceptingStatus.Accepting, variant, 3, 2 + variant)),
        "confirm" => (HttpMethod.Post, "confirm-availability", null),
        "bio" => (HttpMethod.Put, "profile", Profile with { Bio = $"Bio {variant}." }),
        "languages" => (HttpMethod.Put, "profile", Profile with { Languages = variant == 1 ? ["en"] : ["en", "es", "fr"] }),
        _ => throw new ArgumentException(part),
    };

    /// <summary>Whether the listing shows the change <see cref="Write"/> made.</summary>
    private static bool Shows(ProviderListing listing, string part, int variant) => part switch
    {
        "specialties" => listing.Specialties.SequenceEqual(variant == 1 ? ["emdr"] : ["cpt"]),
        "feeTerms" => listing.FeeTerms.ProBono.SessionsPerFamily == 10 + variant,
        "availability" => listing.Availability == new Availability(AcceptingStatus.Accepting, variant, 3, 2 + variant),
        "confirm" => true, // changes nothing but the time; the version count says it was written
        "bio" => listing.Bio == $"Bio {variant}.",
        "languages" => listing.Languages.SequenceEqual(variant == 1 ? ["en"] : ["en", "es", "fr"]),
        _ => throw new ArgumentException(part),
    };

    private Task<HttpResponseMessage> Save(Guid provider, string part, int variant, string etag)
    {
        var (method, path, body) = Write(part, variant);
        return api.Send(method, $"/api/providers/{provider}/{path}", body, etag);
    }

    [Theory]
    [InlineData("availability", "specialties")]
    [InlineData("specialties", "availability")]
    [InlineData("specialties", "feeTerms")]
    [InlineData("feeTerms", "specialties")]
    [InlineData("availability", "feeTerms")]
    [InlineData("feeTerms", "availability")]
    [InlineData("availability", "bio")]
    [InlineData("bio", "specialties")]
    [InlineData("specialties", "confirm")]
    [InlineData("bio", "confirm")]
    [InlineData("confirm", "availability")]
    [InlineData("bio", "languages")]
    [InlineData("languages", "bio")]
    public async Task a_change_to_another_part_or_profile_field_since_if_match_is_no_conflict_and_both_changes_stay(string first, string second)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var one = await Save(provider.Id, first, 1, provider.ETag);
        var two = await Save(provider.Id, second, 2, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal("\"6\"", two.Headers.ETag?.Tag); // the new stream version: onboarding's 4, then one event each
        var listing = await api.Listing(provider.Id);
        Assert.True(Shows(listing, first, 1), $"{first} lost");
        Assert.True(Shows(listing, second, 2), $"{second} lost");
        Assert.Equal(6, listing.Version);
    }

    [Theory]
    [InlineData("specialties", "specialties", "specialties")]
    [InlineData("feeTerms", "feeTerms", "feeTerms")]
    [InlineData("availability", "availability", "availability")]
    [InlineData("availability", "confirm", "availability")]
    [InlineData("bio", "bio", "bio")]
    [InlineData("languages", "languages", "languages")]
    public async Task a_change_to_the_same_part_or_field_since_if_match_is_412_naming_it_and_writes_nothing(string first, string second, string conflict)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        Assert.Equal(HttpStatusCode.OK, (await Save(provider.Id, first, 1, provider.ETag)).StatusCode);

        var refused = await Save(provider.Id, second, 2, provider.ETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var problem = await refused.Problem();
        Assert.Equal([conflict], problem.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("\"5\"", problem.GetProperty("currentETag").GetString());
        Assert.Contains("does not match", problem.GetProperty("detail").GetString());
        var listing = await api.Listing(provider.Id);
        Assert.Equal(5, listing.Version);
        Assert.True(Shows(listing, first, 1));
    }

    [Fact]
    public async Task a_profile_field_changed_the_same_way_in_both_tabs_is_no_conflict()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await Save(provider.Id, "bio", 1, provider.ETag);

        var same = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", Profile with { Bio = "Bio 1.", Name = "Jordan Rivera-Lee" }, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var listing = await api.Listing(provider.Id);
        Assert.Equal(("Jordan Rivera-Lee", "Bio 1."), (listing.Name, listing.Bio));
    }

    [Fact]
    public async Task profile_changes_that_break_a_rule_together_are_412_naming_what_changed_since()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        // One tab takes the DC licence off; the other, opened before, adds telehealth into DC.
        var dropped = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", Profile with { Licences = [Profile.Licences[0]] }, provider.ETag);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);

        var refused = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", Profile with { TelehealthStates = ["VA", "DC"] }, provider.ETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(["licences"], (await refused.Problem()).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["VA"], (await api.Listing(provider.Id)).TelehealthStates);
    }

    [Fact]
    public async Task a_merged_licence_change_still_lapses_verification_and_keeps_the_other_tabs_change()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        Assert.Equal(HttpStatusCode.OK, (await Save(provider.Id, "bio", 1, provider.ETag)).StatusCode);
        var licences = Profile.Licences.Append(new Licence("LCSW", "MD", "MD-9001", ProviderScenarios.Today.AddYears(2))).ToList();

        var response = await api.Send(HttpMethod.Put, $"/api/providers/{provider.Id}/profile", Profile with { Licences = licences }, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"8\"", response.Headers.ETag?.Tag); // 5 verified, 6 bio, 7 licences, 8 lapsed
        var listing = await api.Listing(provider.Id);
        Assert.False(listing.Verified);
        Assert.Equal("Bio 1.", listing.Bio);
        Assert.Contains(listing.Licences, l => l.State == "MD");
    }

    [Fact]
    public async Task a_slot_taken_since_if_match_refuses_availability_and_confirmation_but_not_other_parts()
    {
        var (provider, referral) = await api.Referred();
        var before = (await api.Listing(provider)).Version;
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "accept")).StatusCode);
        var stale = $"\"{before}\"";

        var availability = await Save(provider, "availability", 2, stale);
        var confirm = await Save(provider, "confirm", 1, stale);
        var specialties = await Save(provider, "specialties", 1, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, availability.StatusCode);
        Assert.Equal(["availability"], (await availability.Problem()).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, specialties.StatusCode);
        var listing = await api.Listing(provider);
        // 2 were open and the acceptance took 1: the tab that still saw 2 did not write them back.
        Assert.Equal(new Availability(AcceptingStatus.Accepting, 1, 3, 2), listing.Availability);
        Assert.Equal(["emdr"], listing.Specialties);
    }

    [Fact]
    public async Task a_listing_gone_stale_since_if_match_does_not_refuse_an_availability_change()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await api.Host.InvokeMessageAndWaitAsync(new CheckListingFreshness(provider.Id, Confirmation: 1));
        Assert.True((await api.Listing(provider.Id)).Stale);

        var response = await Save(provider.Id, "availability", 1, provider.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = await api.Listing(provider.Id);
        Assert.False(listing.Stale);
        Assert.True(Shows(listing, "availability", 1));
    }

    [Theory]
    [InlineData("\"99\"")]
    [InlineData("\"0\"")]
    [InlineData("\"04\"")]
    [InlineData("soon")]
    public async Task an_if_match_naming_no_version_of_the_stream_is_412(string ifMatch)
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);

        var response = await Save(provider.Id, "specialties", 1, ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.False((await response.Problem()).TryGetProperty("conflicts", out _));
        Assert.Equal(4, (await api.Listing(provider.Id)).Version);
    }

    [Fact]
    public async Task a_weak_older_etag_is_a_base_like_a_strong_one()
    {
        var provider = await api.Onboarded(ProviderScenarios.Onboarding(), verify: false);
        await Save(provider.Id, "availability", 1, provider.ETag);

        var response = await Save(provider.Id, "specialties", 1, $"W/{provider.ETag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void the_merge_applies_only_the_writers_changed_fields_onto_the_current_profile()
    {
        var basis = Profile.ToProfile();
        var mine = (Profile with { Bio = "mine", Languages = ["en", "fr"] }).ToProfile();
        var current = (Profile with { Name = "Theirs", Languages = ["en", "de"] }).ToProfile();

        var (merged, conflicts) = ProfileMerge.Merge(basis, mine, current);

        Assert.Equal(["languages"], conflicts);
        Assert.Equal(("Theirs", "mine"), (merged.Name, merged.Bio));
        Assert.Empty(ProfileMerge.Merge(basis, mine, basis).Conflicts);
        Assert.Equal(["name", "languages"], ProfileMerge.Changed(basis, current));
    }

    [Fact]
    public void the_merge_knows_every_profile_field_so_none_is_dropped_silently()
    {
        var properties = typeof(ProviderProfile).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(properties.Order(), ProfileMerge.FieldNames.Order());
    }

    [Fact]
    public void every_event_of_the_provider_stream_touches_a_known_set_of_parts()
    {
        Assert.Equal([ProviderPart.Availability], ChangesSince.Touches(new SlotReserved(Guid.NewGuid(), FeeKind.ProBono)));
        Assert.Empty(ChangesSince.Touches(new ListingWentStale(TimeSpan.FromDays(60))));
        // The verification review changes nothing a provider edits: an admin's question never blocks the provider's save.
        Assert.Empty(ChangesSince.Touches(new ProviderInformationRequested("Please send the board's lookup.")));
        Assert.Empty(ChangesSince.Touches(new ProviderInformationSent("Sent it.")));
        Assert.Empty(ChangesSince.Touches(new ProviderApplicationDeclined(ApplicationDeclineReason.Other, "No licence found.")));
        Assert.Empty(ChangesSince.Touches(new ProviderApplicationResubmitted("Licence renewed.")));
        // An event this rule was not taught about conflicts with every write, never with none.
        Assert.Equal(Enum.GetValues<ProviderPart>(), ChangesSince.Touches(JsonDocument.Parse("{}")));
    }
}
