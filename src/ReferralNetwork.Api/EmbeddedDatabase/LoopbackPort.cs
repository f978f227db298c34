using System.Net;
using System.Net.Sockets;

namespace ReferralNetwork.Api.EmbeddedDatabase;

/// <summary>Ports on 127.0.0.1, the only address the embedded cluster listens on.</summary>
internal static class LoopbackPort
{
    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FindFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
