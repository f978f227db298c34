using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>
/// Stops the embedded cluster once every other hosted service (Wolverine, Marten's daemon) has stopped, so they can
/// still reach the database while shutting down. Ctrl+C stops the host, and with it this.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres, ILoggerFactory loggerFactory) : IHostedLifecycleService
{
    int stopped;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await postgres.DisposeAsync();
        loggerFactory.Dispose();
    }
}
