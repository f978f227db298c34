using System.Net.Sockets;

namespace ReferralNetwork.Benchmarks;

/// <summary>
/// What a load balancer does in front of several nodes, in-process: each request goes to the next live node in turn; a
/// node that refuses the connection is marked down (a passive health check) and the request is sent to the next
/// live one. Counts, per node and per phase (before / after a kill), what each node answered and what failed over.
/// </summary>
public sealed class RoundRobin(IReadOnlyList<Uri> nodes)
{
    private readonly bool[] _down = new bool[nodes.Count];
    private readonly long[,] _ok = new long[2, nodes.Count], _refused = new long[2, nodes.Count], _failedOver = new long[2, nodes.Count];
    private long _next;

    /// <summary>0 until a node is killed, 1 after.</summary>
    public int Phase { get; set; }

    public IReadOnlyList<Uri> Nodes => nodes;

    public long Ok(int phase, int node) => Interlocked.Read(ref _ok[phase, node]);
    public long Refused(int phase, int node) => Interlocked.Read(ref _refused[phase, node]);
    public long FailedOver(int phase, int node) => Interlocked.Read(ref _failedOver[phase, node]);

    public HttpClient Client(string bearerToken)
    {
        var client = new HttpClient(new Balancer(this) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } })
        {
            BaseAddress = new Uri("http://cluster.invalid"),
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    private sealed class Balancer(RoundRobin cluster) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            // Buffered, so that a request can be sent again to another node.
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
            var turn = Interlocked.Increment(ref cluster._next);
            while (Enumerable.Range(0, cluster.Nodes.Count).Where(n => !Volatile.Read(ref cluster._down[n])).ToList() is { Count: > 0 } live)
            {
                var node = live[(int)(turn % live.Count)];
                var phase = cluster.Phase;
                try
                {
                    using var copy = Copy(request, body, new Uri(cluster.Nodes[node], request.RequestUri!.PathAndQuery));
                    var response = await base.SendAsync(copy, ct);
                    Interlocked.Increment(ref (response.IsSuccessStatusCode ? cluster._ok : cluster._refused)[phase, node]);
                    return response;
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded)
                {
                    Volatile.Write(ref cluster._down[node], true);
                    Interlocked.Increment(ref cluster._failedOver[phase, node]);
                }
            }
            throw new HttpRequestException("No node left to answer.");
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body, Uri uri)
        {
            var copy = new HttpRequestMessage(request.Method, uri);
            foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body is null) return copy;
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return copy;
        }
    }
}
