using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PSC8.TestSupport;

/// <summary>
/// A bare TCP listener that breaks the first <c>dropCount</c> connections (it reads the request, starts a response
/// and resets the connection half way through the body, a failure HttpClient cannot retry by itself) and answers
/// later ones with a fixed HTTP/1.1 response, closing each connection.
/// </summary>
public sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _dropCount;
    private readonly string _responseBody;
    private int _connections;

    public RawTcpServer(int dropCount, string responseBody, int port = 0)
    {
        _dropCount = dropCount;
        _responseBody = responseBody;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoop();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A loopback port that nothing listens on (at the time of asking).</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            var n = Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[65536];
                    var received = new StringBuilder();
                    while (!received.ToString().Contains("\r\n\r\n"))
                    {
                        var read = await stream.ReadAsync(buffer);
                        if (read == 0)
                        {
                            return;
                        }

                        received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    var body = Encoding.UTF8.GetBytes(_responseBody);
                    if (n <= _dropCount)
                    {
                        var partial = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length + 100}\r\n\r\n{{\"res";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(partial));
                        await stream.FlushAsync();
                        client.Client.LingerState = new LingerOption(true, 0);
                        client.Close();
                        return;
                    }

                    var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                    await stream.WriteAsync(body);
                    await stream.FlushAsync();
                }
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
