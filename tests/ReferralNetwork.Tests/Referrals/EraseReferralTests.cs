using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using Marten.Events;
using Npgsql;
using ReferralNetwork.Network;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;
using Wolverine.Marten;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>Erasing what a referral holds about a family: gone from every table, while the timeline and the statistics stay.</summary>
public sealed class EraseReferralTests(ApiFixture api)
{
    private static readonly Caller Admin = new("admin-erin", ReferralNetwork.Access.Roles.Admin);
    private const string Reason = "Erasure request ER-2026-114 (GDPR art. 17)";

    [Theory]
    [InlineData("decline")]
    [InlineData("close")]
    [InlineData("withdraw")]
    public async Task after_erasure_neither_the_events_table_nor_the_summary_row_holds_the_familys_data(string ending)
    {
        var family = Family.Distinct();
        var referral = await Referred(family, ending);
        string[] inSummary = ending == "decline" ? [family.Reference, family.GuardianContact, family.Note, family.AnswerNote] : [family.Reference, family.GuardianContact, family.Note];
        var stored = await StoredEvents(referral);
        var storedSummary = await StoredSummary(referral);
        Assert.All(family.All, value => Assert.Contains(stored, row => row.Contains(value, StringComparison.Ordinal)));
        Assert.All(inSummary, value => Assert.Contains(value, storedSummary, StringComparison.Ordinal));

        var response = await Erase(referral);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await StoredEvents(referral);
        var summary = await StoredSummary(referral);
        foreach (var value in family.All)
        {
            Assert.DoesNotContain(events, row => row.Contains(value, StringComparison.Ordinal));
            Assert.Equal(0L, await Scalar<long>($"select count(*) from {EventsTable} where strpos(data::text, @v) > 0 or strpos(coalesce(headers::text, ''), @v) > 0", ("v", value)));
            Assert.DoesNotContain(value, summary, StringComparison.Ordinal);
        }
        Assert.Contains($"\"familyReference\": \"{EraseReferralEndpoint.Erased}\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task statuses_times_and_the_timeline_survive_and_the_erasure_is_recorded_with_who_when_and_why()
    {
        var referral = await Referred(Family.Distinct(), "close");
        var before = await SummaryJson(referral);
        var historyBefore = await History(referral);

        var response = await Erase(referral);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = before["version"]!.GetValue<long>() + 1;
        Assert.Equal($"\"{version}\"", response.Headers.ETag!.Tag);
        Assert.Equal(new WriteAcceptedBody(referral, version), await response.Content.ReadFromJsonAsync<WriteAcceptedBody>());

        var after = await SummaryJson(referral);
        var expected = before.DeepClone().AsObject();
        expected["familyReference"] = EraseReferralEndpoint.Erased;
        expected["contact"]!["guardianContact"] = null;
        expected["note"] = null;
        expected["version"] = version;
        expected["erasedAt"] = after["erasedAt"]?.DeepClone();
        expected["lastChangedAt"] = after["erasedAt"]?.DeepClone();
        Assert.True(JsonNode.DeepEquals(expected, after), $"expected {expected}\nbut was {after}");

        var history = await History(referral);
        Assert.Equal(historyBefore.Count + 1, history.Count);
        for (var i = 0; i < historyBefore.Count; i++)
        {
            // The same step, by the same person at the same time; only the family's own fields are blanked.
            var step = historyBefore[i]!.DeepClone().AsObject();
            step["data"] = Masked(step["type"]!.GetValue<string>(), step["data"]!.AsObject());
            Assert.True(JsonNode.DeepEquals(step, history[i]), $"expected {step}\nbut was {history[i]}");
        }
        var erasure = history[^1]!;
        Assert.Equal("referral_data_erased", erasure["type"]!.GetValue<string>());
        Assert.Equal(version, erasure["version"]!.GetValue<long>());
        Assert.Equal(Admin.UserId, erasure["userId"]!.GetValue<string>());
        Assert.Equal("admin", erasure["role"]!.GetValue<string>());
        Assert.Equal(Reason, erasure["data"]!["reason"]!.GetValue<string>());
        Assert.InRange(after["erasedAt"]!.GetValue<DateTimeOffset>() - erasure["timestamp"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        Assert.Equal(Admin.UserId, await Scalar<string>($"select user_name from {EventsTable} where stream_id = @id and type = 'referral_data_erased'", ("id", referral)));

        // Rewritten events say when; the others are untouched.
        var marked = await Rows($"select type || ':' || (headers ? 'erased-at') from {EventsTable} where stream_id = @id order by version", ("id", referral));
        Assert.Equal(["referral_requested:true", "referral_viewed:false", "referral_accepted:false", "first_session_scheduled:false", "referral_closed:true", "referral_data_erased:false"], marked);

        // Rebuilding from the masked events gives the same summary, and the aggregate still loads.
        await api.Store.Advanced.RebuildSingleStreamAsync<ReferralSummary>(referral);
        Assert.Equal(ToTheMillisecond(after), ToTheMillisecond(await SummaryJson(referral)));
        await using var session = api.Store.QuerySession();
        Assert.Equal(ReferralStatus.Closed, (await session.Events.AggregateStreamAsync<Referral>(referral))!.Status);
    }

    [Fact]
    public async Task the_reporting_statistics_are_built_the_same_from_erased_events()
    {
        await api.ResetAsync();
        var provider = await api.Onboarded(ProviderScenarios.Onboarding());
        // Hold the async projections back, so that they first see the referral's events already masked.
        await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndDoNothing, TimeSpan.FromSeconds(30));
        try
        {
            var referral = await Referred(Family.Distinct(), "decline", provider: provider.Id);
            Assert.Equal(HttpStatusCode.OK, (await Erase(referral)).StatusCode);
        }
        finally
        {
            await api.Host.PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndResumeNormally, TimeSpan.FromSeconds(30));
        }

        await using var session = api.Store.QuerySession();
        var stats = await session.LoadAsync<ProviderResponseStats>(provider.Id);
        Assert.Equal((1, 1, 0, (double?)0.0), (stats!.Received, stats.Declined, stats.Open, stats.AcceptanceRate));
        Assert.Single(stats.RecentHoursToAnswer);
        var network = await session.LoadAsync<NetworkStats>(NetworkStats.TheId);
        var week = Assert.Single(network!.Weeks).Value;
        // One referral counts once, under the step it has reached (declined), erased or not.
        Assert.Equal(new Dictionary<string, int> { ["declined"] = 1 }, week["VA"]);
        Assert.Equal(0, network.OpenByState["VA"]);
    }

    [Fact]
    public async Task nothing_in_the_database_holds_the_familys_data_after_erasure_not_even_the_idempotency_record()
    {
        var family = Family.Distinct();
        var referral = await Referred(family, "decline", idempotencyKey: $"erase-{Guid.NewGuid()}");
        Assert.Equal(1L, await Scalar<long>("select count(*) from wolverine_deduplicated_responses where location = @location", ("location", $"/api/referrals/{referral}")));
        Assert.Contains(await TablesHolding(family.All), t => t.StartsWith($"{EventsTable}:", StringComparison.Ordinal));

        await Erase(referral);

        Assert.Empty(await TablesHolding(family.All));
    }

    [Fact]
    public async Task erasing_again_masks_what_was_written_since_and_is_recorded_again()
    {
        var family = Family.Distinct();
        var referral = await Referred(family, "open");
        Assert.Equal("\"2\"", (await Erase(referral, "Erasure request ER-2026-115")).Headers.ETag!.Tag);
        // The referral goes on after an erasure (its aggregate loads from the masked events): a later note is new data.
        Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, "decline", new DeclineReferral(DeclineReason.Other, family.AnswerNote))).StatusCode);
        Assert.Contains(await StoredEvents(referral), row => row.Contains(family.AnswerNote, StringComparison.Ordinal));
        var firstErasedAt = (await api.Summary(referral)).ErasedAt;

        var again = await Erase(referral, "Erasure request ER-2026-115, follow-up");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"4\"", again.Headers.ETag!.Tag);
        var events = await StoredEvents(referral);
        Assert.All(family.All, value => Assert.DoesNotContain(events, row => row.Contains(value, StringComparison.Ordinal)));
        var history = await History(referral);
        Assert.Equal(["referral_requested", "referral_data_erased", "referral_declined", "referral_data_erased"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("Erasure request ER-2026-115, follow-up", history[^1]!["data"]!["reason"]!.GetValue<string>());
        var summary = await api.Summary(referral);
        Assert.Equal((ReferralStatus.Declined, (string?)null, EraseReferralEndpoint.Erased), (summary.Status, summary.DeclineNote, summary.FamilyReference));
        Assert.True(summary.ErasedAt > firstErasedAt);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "null", "body", "is required: a JSON object, not null" },
        { "{}", "reason", "is required" },
        { """{ "reason": "   " }""", "reason", "is required" },
        { $$"""{ "reason": "{{new string('x', 501)}}" }""", "reason", "must be at most 500 characters" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task a_bad_body_is_400_naming_the_field_and_erases_nothing(string body, string field, string rule)
    {
        var referral = await Referred(Family.Distinct(), "decline");
        var events = await StoredEvents(referral);
        var summary = await StoredSummary(referral);

        var response = await EraseWith(referral, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([rule], (await response.Problem()).Errors(field));
        Assert.Equal(events, await StoredEvents(referral));
        Assert.Equal(summary, await StoredSummary(referral));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task a_reason_of_1_to_500_characters_is_accepted(int length)
    {
        var referral = await Referred(Family.Distinct(), "open");

        Assert.Equal(HttpStatusCode.OK, (await Erase(referral, new string('r', length))).StatusCode);
    }

    [Fact]
    public async Task an_unknown_referral_is_404_and_no_stream_is_started()
    {
        var unknown = Guid.NewGuid();

        var response = await Erase(unknown);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.Problem();
        Assert.Equal(0L, await Scalar<long>($"select count(*) from {EventsTable} where stream_id = @id", ("id", unknown)));
    }

    /// <summary>A family's data, unique to one test, so that a scan of a whole table only finds this test's values.</summary>
    private sealed record Family(string Reference, string GuardianContact, string Note, string AnswerNote)
    {
        public string[] All => [Reference, GuardianContact, Note, AnswerNote];

        public static Family Distinct()
        {
            var token = Guid.NewGuid().ToString("N")[..12];
            return new($"FR-9{token}", $"guardian-{token}@example.org", $"Afternoons only, {token}", $"Answer note {token}");
        }
    }

    private sealed record WriteAcceptedBody(Guid Id, long Version);

    /// <summary>A referral with the family's data, taken to an end whose answer carries a note ("open" leaves it requested).</summary>
    private async Task<Guid> Referred(Family family, string ending, string? idempotencyKey = null, Guid? provider = null)
    {
        var request = ReferralScenarios.Request(provider ?? (await api.Onboarded(ProviderScenarios.Onboarding())).Id, family.Reference) with
        {
            Contact = new ContactPreference(ContactChannel.Email, family.GuardianContact),
            Note = family.Note,
        };
        var response = await api.Refer(request, idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = Guid.Parse(response.Headers.Location!.ToString()[^36..]);
        (string Action, object? Body)[] steps = ending switch
        {
            "decline" => [("view", null), ("decline", new DeclineReferral(DeclineReason.Other, family.AnswerNote))],
            "close" => [("view", null), ("accept", null), ("schedule", ReferralScenarios.BodyFor("schedule")), ("close", new CloseReferral(CloseOutcome.Completed, family.AnswerNote))],
            "withdraw" => [("withdraw", new WithdrawReferral(family.AnswerNote))],
            _ => [],
        };
        foreach (var (action, body) in steps) Assert.Equal(HttpStatusCode.OK, (await api.Act(referral, action, body)).StatusCode);
        return referral;
    }

    private Task<HttpResponseMessage> Erase(Guid referral, string reason = Reason) =>
        api.Act(referral, "erase", new EraseReferral(reason), caller: Admin);

    private async Task<HttpResponseMessage> EraseWith(Guid referral, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{referral}/erase") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await api.Anonymous.SendAsync(request.As(Admin));
    }

    private static JsonObject Masked(string type, JsonObject data)
    {
        if (type == "referral_requested")
        {
            data["familyReference"] = EraseReferralEndpoint.Erased;
            data["contact"]!["guardianContact"] = null;
        }
        if (type is "referral_requested" or "referral_declined" or "referral_closed") data["note"] = null;
        if (type == "referral_withdrawn") data["reason"] = null;
        return data;
    }

    private async Task<JsonObject> SummaryJson(Guid referral) => JsonNode.Parse(await api.Client.GetStringAsync($"/api/referrals/{referral}"))!.AsObject();

    private async Task<JsonArray> History(Guid referral) => JsonNode.Parse(await api.Client.GetStringAsync($"/api/referrals/{referral}/history"))!.AsArray();

    // Marten keeps timestamps to the microsecond; a summary built in memory has the clock's ticks. JSON drops trailing
    // zeros (".34", or no fraction at all), so every time is written with exactly three fractional digits.
    private static string ToTheMillisecond(JsonNode json) => Regex.Replace(json.ToJsonString(), @"(T\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?",
        m => $"{m.Groups[1].Value}.{m.Groups[2].Value.PadRight(3, '0')[..3]}");

    private string EventsTable => $"{api.Store.Options.Events.DatabaseSchemaName}.mt_events";

    /// <summary>The stream's rows in mt_events as PostgreSQL holds them: type, data and headers as text.</summary>
    private Task<List<string>> StoredEvents(Guid referral) =>
        Rows($"select type || ' ' || data::text || ' ' || coalesce(headers::text, '') from {EventsTable} where stream_id = @id order by version", ("id", referral));

    private async Task<string> StoredSummary(Guid referral) =>
        await Scalar<string>($"select data::text from {api.Store.Options.DatabaseSchemaName}.mt_doc_referralsummary where id = @id", ("id", referral));

    /// <summary>"table: value" for each value found in any column of any table, as text or as the bytes of a bytea column.</summary>
    private async Task<List<string>> TablesHolding(string[] values)
    {
        var found = new List<string>();
        var tables = await Rows("select format('%I.%I', table_schema, table_name) from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')");
        foreach (var table in tables)
            found.AddRange((await Rows($"select v from unnest(@values) v where exists (select 1 from {table} t where strpos(t::text, v) > 0 or strpos(t::text, encode(convert_to(v, 'UTF8'), 'hex')) > 0)", ("values", values)))
                .Select(v => $"{table}:{v}"));
        return found;
    }

    private async Task<List<string>> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<T> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
