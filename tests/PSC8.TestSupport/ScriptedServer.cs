using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PSC8.TestSupport;

/// <summary>One request as the scripted server saw it.</summary>
/// <param name="ContentLength">The announced length; null for a chunked body.</param>
public sealed record SeenRequest(string Method, string Path, string Query, string? Authorization, string Body, long? ContentLength);

/// <summary>
/// A tiny Kestrel server on 127.0.0.1 with a free port whose answers a test scripts, for behaviour C8 Local
/// does not produce on demand (429/503 with Retry-After, slow answers, short-lived tokens).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, SeenRequest, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedServer? server = null;
        var counts = new ConcurrentDictionary<string, int>();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var seen = new SeenRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.Authorization.FirstOrDefault(),
                body,
                context.Request.ContentLength);
            server!.Requests.Enqueue(seen);
            var n = counts.AddOrUpdate(seen.Method + " " + seen.Path, 1, (_, c) => c + 1);
            await handler(context, seen, n);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        server = new ScriptedServer(app, new Uri(address.Replace("[::]", "127.0.0.1")));
        return server;
    }

    public static Task WriteJson(HttpContext context, int status, string json, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
