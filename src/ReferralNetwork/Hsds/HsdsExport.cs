using System.IO.Compression;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using ReferralNetwork.Access;
using ReferralNetwork.Providers.Searching;
using Wolverine.Http;

namespace ReferralNetwork.Hsds;

public static class HsdsExportEndpoint
{
    /// <summary>
    /// The whole directory as HSDS tabular data: a zip of datapackage.json and one CSV file per table. One pass over the
    /// listings, row by row, into temporary files (one per table), which are then zipped into the response: the memory
    /// used does not grow with the directory.
    /// </summary>
    [WolverineGet("/hsds/export.zip", OperationId = "exportHsdsDirectory"), Tags("Open Referral (HSDS)"), Authorize(Policy = Policies.HsdsReader)]
    [EndpointSummary("Export the directory as HSDS tabular data (zip)")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/zip")]
    public static IResult Get(NpgsqlDataSource database, IDocumentStore store, TimeProvider clock, HttpContext context)
    {
        var now = clock.GetUtcNow();
        return Results.Stream(body => WriteAsync(body, database, store, now, context.RequestAborted), "application/zip",
            $"referralnetwork-hsds-{now:yyyy-MM-dd}.zip");
    }

    public static async Task WriteAsync(Stream body, NpgsqlDataSource database, IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var files = HsdsTable.All.ToDictionary(t => t, _ => new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous));
        try
        {
            var writers = files.ToDictionary(f => f.Key, f => new StreamWriter(f.Value, new UTF8Encoding(false), 64 * 1024, leaveOpen: true));
            foreach (var (table, writer) in writers) await HsdsCsv.HeaderAsync(writer, table);
            await WriteRowsAsync(writers, database, store, DateOnly.FromDateTime(now.UtcDateTime), ct);
            foreach (var writer in writers.Values) await writer.DisposeAsync();

            var zipped = new BufferedBody(body);
            await using (var zip = await ZipArchive.CreateAsync(zipped, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
            {
                await AddAsync(zip, zipped, "datapackage.json", new MemoryStream(HsdsDataPackage.Json(now)), ct);
                foreach (var (table, file) in files)
                {
                    file.Position = 0;
                    await AddAsync(zip, zipped, table.Path, file, ct);
                }
            }
            await zipped.DrainAsync(ct);
        }
        finally
        {
            foreach (var file in files.Values) await file.DisposeAsync();
        }
    }

    private static async Task WriteRowsAsync(Dictionary<HsdsTable, StreamWriter> w, NpgsqlDataSource database, IDocumentStore store, DateOnly today, CancellationToken ct)
    {
        foreach (var taxonomy in HsdsTaxonomies.All) await HsdsCsv.RowAsync(w[HsdsTable.Taxonomies], HsdsTable.Taxonomies, taxonomy);
        foreach (var term in HsdsTaxonomies.Terms) await HsdsCsv.RowAsync(w[HsdsTable.TaxonomyTerms], HsdsTable.TaxonomyTerms, term);

        await using var command = database.CreateCommand();
        HsdsSql.Everyone(command, ProviderSearchSchema.TableName(store), today);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var serializer = store.Options.Serializer();
        while (await reader.ReadAsync(ct))
        {
            var service = HsdsMapping.FullService(serializer.FromJson<ProviderListing>(reader, 0));
            var organization = service.Organization!;
            await HsdsCsv.RowAsync(w[HsdsTable.Organizations], HsdsTable.Organizations, organization);
            foreach (var identifier in organization.OrganizationIdentifiers ?? [])
                await HsdsCsv.RowAsync(w[HsdsTable.OrganizationIdentifiers], HsdsTable.OrganizationIdentifiers, identifier);
            await HsdsCsv.RowAsync(w[HsdsTable.Services], HsdsTable.Services, service);
            foreach (var at in service.ServiceAtLocations ?? [])
            {
                await HsdsCsv.RowAsync(w[HsdsTable.ServiceAtLocations], HsdsTable.ServiceAtLocations, at);
                await HsdsCsv.RowAsync(w[HsdsTable.Locations], HsdsTable.Locations, at.Location!);
                foreach (var address in at.Location!.Addresses ?? []) await HsdsCsv.RowAsync(w[HsdsTable.Addresses], HsdsTable.Addresses, address);
            }
            foreach (var area in service.ServiceAreas ?? []) await HsdsCsv.RowAsync(w[HsdsTable.ServiceAreas], HsdsTable.ServiceAreas, area);
            foreach (var language in service.Languages ?? []) await HsdsCsv.RowAsync(w[HsdsTable.Languages], HsdsTable.Languages, language);
            foreach (var cost in service.CostOptions ?? []) await HsdsCsv.RowAsync(w[HsdsTable.CostOptions], HsdsTable.CostOptions, cost);
            foreach (var phone in service.Phones ?? []) await HsdsCsv.RowAsync(w[HsdsTable.Phones], HsdsTable.Phones, phone);
            foreach (var attribute in service.Attributes ?? []) await HsdsCsv.RowAsync(w[HsdsTable.Attributes], HsdsTable.Attributes, attribute);
        }
    }

    private static async Task AddAsync(ZipArchive zip, BufferedBody zipped, string name, Stream content, CancellationToken ct)
    {
        await using (var entry = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct))
            await content.CopyToAsync(entry, ct);
        await zipped.DrainAsync(ct);
    }
}
