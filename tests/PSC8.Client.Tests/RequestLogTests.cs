namespace PSC8.Client.Tests;

/// <summary>The line each request logs is built only while the connection's owner says it wants it.</summary>
public sealed class RequestLogTests
{
    private const string FabricList = "{\"error\":false,\"code\":200,\"result\":[\"_system\"]}";

    [Fact]
    public async Task A_request_logs_its_line_only_while_lines_are_wanted()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 200, FabricList));
        var log = new ConcurrentQueue<string>();
        var wanted = false;
        using var connection = await C8Connection.ConnectAsync(new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.SecretValue123456"))
        {
            Probe = false,
            Log = log.Enqueue,
            LogEnabled = () => wanted,
        });

        await connection.Fabrics.ListNamesAsync();
        Assert.Empty(log);

        wanted = true;
        await connection.Fabrics.ListNamesAsync();

        var line = Assert.Single(log);
        Assert.StartsWith("GET /_fabric/_system/_api/database -> 200 in ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_question_every_request_logs_its_line()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 200, FabricList));
        var log = new ConcurrentQueue<string>();
        using var connection = await C8Connection.ConnectAsync(new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.SecretValue123456"))
        {
            Probe = false,
            Log = log.Enqueue,
        });

        await connection.Fabrics.ListNamesAsync();
        await connection.Fabrics.ListNamesAsync();

        Assert.Equal(2, log.Count(l => l.StartsWith("GET /_fabric/_system/_api/database -> 200", StringComparison.Ordinal)));
    }
}
