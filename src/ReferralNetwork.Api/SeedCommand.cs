using JasperFx.CommandLine;
using Marten;
using ReferralNetwork.Demo;

namespace ReferralNetwork.Api;

public sealed class SeedInput : NetCoreInput
{
    [Description("How many synthetic providers to add (default 2000)")]
    public int SizeFlag { get; set; } = DemoNetwork.DefaultSize;
}

/// <summary>
/// <c>dotnet run --project src/ReferralNetwork.Api -- seed</c>: puts the synthetic demo network into the configured
/// database (a connection string is never seeded otherwise), only if it lists no providers yet.
/// </summary>
[Description("Seed the synthetic demo network into an empty database")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var logger = host.Services.GetRequiredService<ILogger<SeedCommand>>();
        var added = await DemoNetworkSeeder.SeedIfEmptyAsync(store, TimeProvider.System, logger, input.SizeFlag, CancellationToken.None);
        Console.WriteLine(added == 0 ? "The database already lists providers: nothing seeded." : $"Seeded {added} synthetic providers.");
        return true;
    }
}
