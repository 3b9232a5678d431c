using System.Diagnostics;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using PSC8.Server.Api;
using PSC8.Server.Hosting;

namespace PSC8.Server.Http;

/// <summary>
/// The single request pipeline of every region: find the region, normalise the path, authenticate,
/// dispatch, and turn every failure into GDN's error envelope (a client mistake is never a 500).
/// </summary>
internal sealed class C8Dispatcher(C8Cluster cluster)
{
    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var region = ResolveRegion(http);
        var response = http.Response;
        response.Headers["x-gdn-region"] = region.Host;
        var requestId = NewRequestId();
        response.Headers["x-gdn-requestid"] = requestId;
        response.OnStarting(() =>
        {
            // Rounded, then written shortest: a third of the time the custom format "0.###" takes, and the same text but
            // for the last digit of an exact midpoint.
            response.Headers["x-gdn-responsetime"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3, MidpointRounding.AwayFromZero)
                .ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        try
        {
            var path = RequestPath.Of(http);
            if (path.Tenant is not null && path.Tenant != cluster.Options.Tenant)
            {
                throw new C8Exception(404, C8Errors.HttpNotFound, $"tenant '{path.Tenant}' not found: this C8 Local serves tenant '{cluster.Options.Tenant}'");
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var route = cluster.Router.Match(http.Request.Method, path.Segments, values, out var pathKnown);
            if (route is null)
            {
                throw pathKnown
                    ? new C8Exception(405, C8Errors.HttpMethodNotAllowed, $"method {http.Request.Method} not allowed on {http.Request.Path}")
                    : new C8Exception(404, C8Errors.HttpNotFound, $"unknown path {http.Request.Path}");
            }
            var request = new IncomingRequest(http, cluster, region, path, values);
            if (cluster.Options.StrictApi)
            {
                request.Contract = PublishedApi.For(route) ?? throw ApiContract.Unpublished(http.Request.Method, http.Request.Path.Value ?? "/");
                request.Contract.CheckRequest(path, http.Request.Query);
            }
            if (route.Access != RouteAccess.Open)
            {
                request.Principal = cluster.Authenticator.Authenticate(http.Request.Headers.Authorization.ToString())
                    ?? throw new C8Exception(401, C8Errors.Forbidden, "unauthorized: missing or invalid credentials (Authorization: bearer JWT or apikey KEY)");
            }
            await route.Handler(request).ConfigureAwait(false);
        }
        catch (C8Exception error)
        {
            await WriteErrorIfPossible(http, error).ConfigureAwait(false);
        }
        catch (BadHttpRequestException error)
        {
            var status = error.StatusCode == 413 ? 413 : 400;
            await WriteErrorIfPossible(http, new C8Exception(status, status == 413 ? C8Errors.HttpRequestTooLarge : C8Errors.HttpBadRequest, error.Message)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception error)
        {
            // The client learns only the id; what went wrong stays in the server's log, under the same id.
            cluster.Log($"internal error {requestId} on {http.Request.Method} {http.Request.Path}: {error}");
            await WriteErrorIfPossible(http, new C8Exception(500, 4, $"internal server error; the server log has the details under id {requestId}")).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A version 4 UUID from a fast random source: the id only ties an answer to the server's log, so it needs to be
    /// unique, not unguessable, and Guid.NewGuid's read of the kernel's random device was 7% of a read by key.
    /// </summary>
    private static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>A Host header naming a region (NAME.domain or api-NAME.domain) wins; otherwise the listener's region.</summary>
    private Region ResolveRegion(HttpContext http)
    {
        var host = http.Request.Host.Host;
        if (host.Length > 0 && cluster.FindRegionByHost(host) is { } byHost)
        {
            return byHost;
        }
        var items = http.Features.Get<IConnectionItemsFeature>()?.Items;
        return items is not null && items.TryGetValue(RegionTagging.ItemKey, out var tag) && tag is string name
            ? cluster.Region(name)
            : cluster.Regions[0];
    }

    private static Task WriteErrorIfPossible(HttpContext http, C8Exception error)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return Task.CompletedTask;
        }
        http.Response.Headers.ETag = default;
        http.Response.Headers.Location = default;
        if (error.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return Responses.WriteErrorAsync(http, error);
    }
}
