using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PSC8.Server.Hosting;

/// <summary>A region's advertised name and the URL it answers on.</summary>
public sealed record RegionEndpoint(string Name, Uri Url);

/// <summary>
/// C8 Local running in this process: every region on its own listener, all sharing one cluster.
/// Used by the c8local console app and, with in-memory storage on free ports, by tests.
/// </summary>
public sealed class C8LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private C8LocalHost(WebApplication app, C8Cluster cluster, IReadOnlyList<RegionEndpoint> regions)
    {
        _app = app;
        Cluster = cluster;
        Regions = regions;
    }

    public IReadOnlyList<RegionEndpoint> Regions { get; }

    /// <summary>The first region doubles as the global endpoint.</summary>
    public Uri GlobalUrl => Regions[0].Url;

    internal C8Cluster Cluster { get; }

    public C8LocalOptions Options => Cluster.Options;

    public string Tenant => Options.Tenant;

    public string RootEmail => Options.RootEmail;

    public string RootPassword => Cluster.RootPassword;

    public Uri UrlOf(string region) =>
        Regions.FirstOrDefault(r => r.Name == region)?.Url ?? throw new ArgumentException($"No region '{region}'.");

    public static async Task<C8LocalHost> StartAsync(C8LocalOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = C8Cluster.Open(options);
        try
        {
            var https = options.TlsCertificatePath is not null;
            var certificate = https ? TlsCertificates.Load(options.TlsCertificatePath!, options.TlsKeyPath!) : null;
            var listens = new List<(string Region, ListenOptions Listen)>();

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
                kestrel.AllowSynchronousIO = false;
                for (var i = 0; i < options.Regions.Count; i++)
                {
                    var spec = options.Regions[i];
                    var address = spec.Address ?? options.BindAddress;
                    var port = spec.Port ?? (options.Port == 0 ? 0 : options.Port + i);
                    kestrel.Listen(address, port, listen =>
                    {
                        listen.Protocols = HttpProtocols.Http1AndHttp2;
                        if (certificate is not null)
                        {
                            listen.UseHttps(certificate);
                        }
                        listen.Use(RegionTagging.Middleware(spec.Name));
                        listens.Add((spec.Name, listen));
                    });
                }
            });
            builder.Services.AddSingleton(cluster);
            var app = builder.Build();
            app.Run(new C8Dispatcher(cluster).HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var scheme = https ? "https" : "http";
            var endpoints = listens
                .Select(l => new RegionEndpoint(l.Region, new Uri($"{scheme}://{FormatHost(l.Listen.IPEndPoint!)}/")))
                .ToArray();
            cluster.Start(endpoints);
            return new C8LocalHost(app, cluster, endpoints);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public async Task StopAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await Cluster.StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Cluster.Dispose();
    }

    private static string FormatHost(IPEndPoint endpoint) =>
        endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port}"
            : $"{endpoint.Address}:{endpoint.Port}";
}

/// <summary>Marks each connection with the region whose listener accepted it.</summary>
internal static class RegionTagging
{
    public const string ItemKey = "c8.region";

    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware(string region) =>
        next => connection =>
        {
            connection.Items[ItemKey] = region;
            return next(connection);
        };
}
