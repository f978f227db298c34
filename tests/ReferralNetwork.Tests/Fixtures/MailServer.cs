using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReferralNetwork.Tests.Fixtures;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port in the test process. It keeps every message it takes
/// and can refuse, with a 4xx, messages to an address a given number of times (or always).
/// </summary>
public sealed class MailServer : MessageStore, IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>How many delivery attempts (refused or taken) reached the server for each address.</summary>
    public ConcurrentDictionary<string, int> Attempts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>Answer 451 to the next <paramref name="times"/> messages for <paramref name="address"/> (int.MaxValue: always).</summary>
    public void Refuse(string address, int times) => _refusals[address] = times;

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeMessage.Load(stream);
        foreach (var to in message.To.Mailboxes) Attempts.AddOrUpdate(to.Address, 1, (_, n) => n + 1);
        foreach (var to in message.To.Mailboxes)
            if (_refusals.TryGetValue(to.Address, out var left) && left > 0)
            {
                _refusals[to.Address] = left == int.MaxValue ? left : left - 1;
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "Try again later"));
            }
        _received.Enqueue(message);
        _arrived.Release();
        return Task.FromResult(SmtpResponse.Ok);
    }

    /// <summary>Waits (up to 30 s) until a message matching <paramref name="match"/> has arrived, and returns it.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _received.FirstOrDefault(match);
            if (found is not null) return found;
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching message arrived within 30 s; received: {string.Join("; ", _received.Select(m => $"{m.To} '{m.Subject}'"))}");
            }
        }
    }

    public IEnumerable<MimeMessage> To(string address) => _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try { await _running; } catch (OperationCanceledException) { }
        }
        _stop.Dispose();
        _arrived.Dispose();
    }
}
