using System.Net;
using System.Text.Json;
using Marten;
using Npgsql;
using ReferralNetwork.Referrals;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Referrals;

/// <summary>
/// The CSV export never hands a client part of a file that looks whole: a failure before the first byte is an
/// ordinary problem answer, and a failure after it cuts the connection instead of ending the file cleanly.
/// The failure here is real: a summary row PostgreSQL returns but that no longer reads as a summary.
/// </summary>
public sealed class ExportFailureTests(ApiFixture api)
{
    [Fact]
    public async Task a_failure_before_the_first_row_is_a_problem_answer_not_a_file()
    {
        var unreadable = await Summaries(readable: 0, unreadableAt: DateTimeOffset.UtcNow.AddYears(1));
        try
        {
            var response = await api.Client.GetAsync("/api/referrals/export", HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            await response.Problem();
        }
        finally
        {
            await Delete(unreadable);
        }
    }

    [Fact]
    public async Task a_failure_after_the_first_bytes_cuts_the_connection_so_no_client_keeps_a_file_that_looks_whole()
    {
        // Enough rows before the unreadable one (the oldest) that the first part is already sent when it is reached.
        var rows = await Summaries(readable: 50, unreadableAt: new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero));
        try
        {
            using var client = api.NewClient(followRedirects: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals/export").As(Caller.Admin);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);

            var cut = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());

            Assert.True(cut is HttpRequestException or IOException, $"expected the response to end prematurely, got {cut}");
        }
        finally
        {
            await Delete(rows);
        }
    }

    /// <summary>Copies of a real referral's summary, the newest first, and one more at <paramref name="unreadableAt"/> whose status is not a status.</summary>
    private async Task<List<Guid>> Summaries(int readable, DateTimeOffset unreadableAt)
    {
        var (_, referral) = await api.Referred();
        await using var session = api.Store.LightweightSession();
        var original = (await session.LoadAsync<ReferralSummary>(referral))!;
        var ids = new List<Guid>();
        for (var i = 0; i <= readable; i++)
        {
            var copy = JsonSerializer.Deserialize<ReferralSummary>(JsonSerializer.Serialize(original))!;
            copy.Id = Guid.CreateVersion7();
            copy.RequestedAt = i < readable ? DateTimeOffset.UtcNow.AddYears(1).AddMinutes(-i) : unreadableAt;
            session.Store(copy);
            ids.Add(copy.Id);
        }
        await session.SaveChangesAsync();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var corrupt = new NpgsqlCommand(
            $"update {api.Store.Options.DatabaseSchemaName}.mt_doc_referralsummary set data = jsonb_set(data, '{{status}}', '{{\"not\": \"a status\"}}') where id = $1",
            connection)
        { Parameters = { new() { Value = ids[^1] } } };
        Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        return ids;
    }

    private async Task Delete(List<Guid> ids)
    {
        await using var session = api.Store.LightweightSession();
        foreach (var id in ids) session.Delete<ReferralSummary>(id);
        await session.SaveChangesAsync();
    }
}
