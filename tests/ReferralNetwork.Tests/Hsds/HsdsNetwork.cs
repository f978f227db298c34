using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using ReferralNetwork.Access;
using ReferralNetwork.Demo;
using ReferralNetwork.Providers.Searching;
using ReferralNetwork.Tests.Fixtures;

namespace ReferralNetwork.Tests.Hsds;

/// <summary>A small demo network (every seventh provider left unverified) and calls to /hsds as a caller.</summary>
public static class HsdsNetwork
{
    public const int Size = 30;

    public static readonly Caller Reader = new("directory-211", Roles.HsdsReader);

    /// <summary>Empties the store and seeds the demo network; returns its listings.</summary>
    public static async Task<IReadOnlyList<ProviderListing>> SeedDemoAsync(this ApiFixture api)
    {
        await api.ResetAsync();
        await DemoNetworkSeeder.SeedIfEmptyAsync(api.Store, TimeProvider.System, NullLogger.Instance, Size, TestContext.Current.CancellationToken);
        await using var session = api.Store.QuerySession();
        return await session.Query<ProviderListing>().ToListAsync();
    }

    public static async Task<JsonElement> Hsds(this ApiFixture api, string path, Caller? caller = null)
    {
        using var response = await api.GetAs(caller ?? Reader, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The page's contents, after checking the paging envelope has HSDA's fields and they agree.</summary>
    public static JsonElement[] Contents(this JsonElement page)
    {
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents" })
            Assert.True(page.TryGetProperty(field, out _), $"the page has no {field}");
        var contents = page.GetProperty("contents").EnumerateArray().ToArray();
        Assert.Equal(contents.Length, page.GetProperty("size").GetInt32());
        Assert.Equal(page.GetProperty("total_items").GetInt64() == 0, page.GetProperty("empty").GetBoolean());
        return contents;
    }

    /// <summary>GET /hsds/export.zip as a reader: each file of the zip by name, as text.</summary>
    public static async Task<Dictionary<string, string>> ExportAsync(this ApiFixture api)
    {
        using var response = await api.GetAs(Reader, "/hsds/export.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    public static string Id(this JsonElement item) => item.GetProperty("id").GetString()!;
}
