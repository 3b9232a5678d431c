using System.Net;
using System.Net.Sockets;

namespace PSC8.Server.Tests.Promise.ClientRetry;

/// <summary>
/// A TCP proxy on loopback in front of one C8 Local region that breaks HTTP/1.1 exchanges on purpose, each with its
/// own probability: it resets the client's connection as a request starts to arrive, before forwarding anything
/// (the server never sees the request), or it forwards the request and, when the answer starts to come back, resets
/// the client's connection instead of relaying it (the server did the work; the client cannot know). Requests and
/// answers alternate on a connection, which is all the HTTP it needs to understand. Off until <see cref="Enabled"/>.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly double _dropBeforeRequest;
    private readonly double _dropAfterRequest;
    private readonly Random _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private readonly Task _accepting;
    private int _droppedBefore;
    private int _droppedAfter;
    private int _relayed;
    private bool _enabled;

    public FaultProxy(Uri target, double dropBeforeRequest, double dropAfterRequest, int seed)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _dropBeforeRequest = dropBeforeRequest;
        _dropAfterRequest = dropAfterRequest;
        _random = new Random(seed);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>Whether exchanges are broken at all (off: a plain relay).</summary>
    public bool Enabled
    {
        get => Volatile.Read(ref _enabled);
        set => Volatile.Write(ref _enabled, value);
    }

    /// <summary>Requests the server never saw.</summary>
    public int DroppedBeforeRequest => Volatile.Read(ref _droppedBefore);

    /// <summary>Requests the server answered, whose answer the client never got.</summary>
    public int DroppedAfterRequest => Volatile.Read(ref _droppedAfter);

    public int Relayed => Volatile.Read(ref _relayed);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets.Keys)
        {
            socket.Dispose();
        }
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ProxyAsync(client));
        }
    }

    private async Task ProxyAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets[client] = 0;
        _sockets[server] = 0;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            var exchange = new Exchange();
            var pumps = new[] { PumpAsync(client, server, exchange, requestSide: true), PumpAsync(server, client, exchange, requestSide: false) };
            // Whichever direction stops (end of stream, or a broken exchange) ends the connection both ways.
            await Task.WhenAny(pumps);
            Reset(client);
            server.Dispose();
            await Task.WhenAll(pumps);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The other direction saw the connection close, or the proxy is stopping.
        }
        finally
        {
            Reset(client);
            server.Dispose();
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(server, out _);
        }
    }

    /// <summary>Copies one direction; the first bytes of each request or answer decide whether the exchange is broken.</summary>
    private async Task PumpAsync(Socket from, Socket to, Exchange exchange, bool requestSide)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return;
            }
            if (requestSide && !exchange.AwaitingAnswer)
            {
                if (Roll(_dropBeforeRequest))
                {
                    Interlocked.Increment(ref _droppedBefore);
                    return;
                }
                exchange.AwaitingAnswer = true;
            }
            else if (!requestSide && exchange.AwaitingAnswer)
            {
                if (Roll(_dropAfterRequest))
                {
                    Interlocked.Increment(ref _droppedAfter);
                    return;
                }
                exchange.AwaitingAnswer = false;
                Interlocked.Increment(ref _relayed);
            }
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
    }

    private bool Roll(double probability)
    {
        if (!Enabled)
        {
            return false;
        }
        lock (_random)
        {
            return _random.NextDouble() < probability;
        }
    }

    /// <summary>Closes with linger 0, so the peer gets a TCP reset rather than an orderly end of stream.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        socket.Dispose();
    }

    private sealed class Exchange
    {
        public volatile bool AwaitingAnswer;
    }
}
