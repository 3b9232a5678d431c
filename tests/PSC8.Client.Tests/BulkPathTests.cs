using PSC8.Client.Json;

namespace PSC8.Client.Tests;

/// <summary>
/// The bulk path reads document results in place from the answer (no document built from it), reads answers of
/// unknown length through pooled buffers, and reuses its request writers. Against answers C8 Local does not give on
/// demand: lenient values, unknown attributes, items that are not objects, answers that are not JSON.
/// </summary>
public sealed class BulkPathTests
{
    private static readonly JsonItemWriter<int> Numbered = (w, i) =>
    {
        w.WriteStartObject();
        w.WriteNumber("i", i);
        w.WriteEndObject();
    };

    [Fact]
    public async Task Batch_results_are_read_leniently_and_the_last_repeated_attribute_counts()
    {
        const string answer = """
            [
              {"_id":"c/1","_key":"1","_rev":"_a","extra":{"nested":[1,{"x":2}]},"_key":"1b"},
              {"error":1,"errorNum":"1210","errorMessage":"unique constraint violated","_key":"taken"},
              {"error":"true","errorNum":1202.0},
              42,
              {"_id":7,"_key":null,"_rev":true,"_oldRev":"_b","new":{"v":1},"old":[1]},
              {"error":false,"errorNum":5,"_key":"fine"}
            ]
            """;
        await using var server = await ScriptedServer.StartAsync((context, seen, n) =>
            ScriptedServer.WriteJson(context, 202, answer, ("X-C8-Error-Codes", "{\"1210\":1,\"1202\":1}")));
        using var connection = await ConnectAsync(server);

        var results = await connection.Documents.InsertManyAsync(null, "c", Enumerable.Range(0, 6).ToList(), Numbered);

        Assert.False(results.IsSilent);
        Assert.Equal(6, results.Count);
        Assert.Equal(2, results.ErrorCount);
        Assert.Same(results[4], results[4]);
        Assert.Equal(results.Select(r => r.Key), Enumerable.Range(0, 6).Select(i => results[i].Key));
        Assert.Equal("{\"1210\":1,\"1202\":1}", results.ErrorCodes);
        Assert.Equal(("c/1", "1b", "_a"), (results[0].Id, results[0].Key, results[0].Rev));
        Assert.False(results[0].IsError);
        Assert.Equal((1210, "unique constraint violated", 409), (results[1].Error!.ErrorNum, results[1].Error!.Message, results[1].Error!.StatusCode));
        Assert.Equal("taken", results[1].Key);
        Assert.Equal((1202, "error"), (results[2].Error!.ErrorNum, results[2].Error!.Message));
        Assert.Equal((null, null, false), (results[3].Id, results[3].Key, results[3].IsError));
        Assert.Equal(("7", null, "true", "_b"), (results[4].Id, results[4].Key, results[4].Rev, results[4].OldRev));
        Assert.Equal(1, results[4].New!.Value.GetProperty("v").GetInt32());
        Assert.Null(results[4].Old);
        Assert.False(results[5].IsError);
        Assert.Equal("fine", results[5].Key);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("[{\"_key\":")]
    [InlineData("not json")]
    public async Task A_batch_answer_that_is_no_array_is_an_empty_silent_result(string answer)
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 202, answer));
        using var connection = await ConnectAsync(server);

        var results = await connection.Documents.InsertManyAsync(null, "c", [1, 2], Numbered);

        Assert.True(results.IsSilent);
        Assert.Empty(results);
    }

    [Theory]
    [InlineData("{\"_id\":\"c/1\",\"_key\":\"1\",\"_rev\":\"_r\",\"new\":{\"a\":1}}", "1", true)]
    [InlineData("{}", null, false)]
    [InlineData("[]", null, false)]
    public async Task A_single_result_is_read_from_an_object_and_is_empty_otherwise(string answer, string? key, bool hasNew)
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 202, answer));
        using var connection = await ConnectAsync(server);

        var result = await connection.Documents.InsertAsync(null, "c", 1, Numbered);

        Assert.Equal(key, result.Key);
        Assert.Equal(hasNew, result.New is not null);
        Assert.False(result.IsError);
    }

    [Fact]
    public async Task A_large_answer_of_unknown_length_is_read_whole()
    {
        const int count = 5000;
        var answer = "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"_id":"c/{{i}}","_key":"{{i}}","_rev":"_{{new string('r', 40)}}"}""")) + "]";
        await using var server = await ScriptedServer.StartAsync((context, seen, n) =>
        {
            // Written in pieces with no Content-Length: the client sees a chunked answer several times its first buffer.
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            return WriteInPiecesAsync(context.Response.Body, answer);
        });
        using var connection = await ConnectAsync(server);

        var results = await connection.Documents.InsertManyAsync(null, "c", Enumerable.Range(0, count).ToList(), Numbered);

        Assert.Equal(count, results.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(r => r.Key));
    }

    [Fact]
    public async Task A_request_that_failed_while_being_written_leaves_nothing_behind_for_the_next()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 202, "[]"));
        using var connection = await ConnectAsync(server);
        JsonItemWriter<int> failing = (w, i) =>
        {
            if (i == 1)
            {
                throw new InvalidOperationException("the caller's writer failed");
            }

            Numbered(w, i);
        };

        await Assert.ThrowsAnyAsync<Exception>(() => connection.Documents.InsertManyAsync(null, "c", [0, 1, 2], failing));
        foreach (var batch in new[] { new[] { 3, 4 }, [5], [6, 7, 8] })
        {
            await connection.Documents.InsertManyAsync(null, "c", batch, Numbered);
        }

        var bodies = server.Requests.Where(r => r.Method == "POST").Select(r => r.Body).TakeLast(3).ToList();
        Assert.Equal(["[{\"i\":3},{\"i\":4}]", "[{\"i\":5}]", "[{\"i\":6},{\"i\":7},{\"i\":8}]"], bodies);
        Assert.All(bodies, body => JsonDocument.Parse(body).Dispose());
    }

    [Fact]
    public async Task A_batch_goes_out_with_its_length_and_one_past_the_buffer_limit_streams_chunked()
    {
        await using var server = await ScriptedServer.StartAsync((context, seen, n) => ScriptedServer.WriteJson(context, 202, "[]"));
        using var connection = await ConnectAsync(server);
        var padding = new string('x', 300);
        JsonItemWriter<int> padded = (w, i) =>
        {
            w.WriteStartObject();
            w.WriteNumber("i", i);
            w.WriteString("pad", padding);
            w.WriteEndObject();
        };
        var small = Enumerable.Range(0, 1000).ToList();
        var large = Enumerable.Range(0, 5000).ToList();

        await connection.Documents.InsertManyAsync(null, "c", small, padded);
        await connection.Documents.InsertManyAsync(null, "c", large, padded);

        var (buffered, streamed) = (server.Requests.First(), server.Requests.Last());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(buffered.Body), buffered.ContentLength);
        Assert.True(buffered.Body.Length < Http.JsonBodyContent.BufferLimit);
        Assert.Null(streamed.ContentLength);
        Assert.True(streamed.Body.Length > Http.JsonBodyContent.BufferLimit);
        foreach (var (seen, sent) in new[] { (buffered, small), (streamed, large) })
        {
            using var body = JsonDocument.Parse(seen.Body);
            Assert.Equal(sent, body.RootElement.EnumerateArray().Select(item => item.GetProperty("i").GetInt32()));
            Assert.All(body.RootElement.EnumerateArray(), item => Assert.Equal(padding, item.GetProperty("pad").GetString()));
        }
    }

    private static Task<C8Connection> ConnectAsync(ScriptedServer server) =>
        C8Connection.ConnectAsync(new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromApiKey("scripted.k1.secret"))
        {
            Probe = false,
            Timeout = TimeSpan.FromSeconds(30),
        });

    private static async Task WriteInPiecesAsync(Stream body, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += 10_000)
        {
            await body.WriteAsync(bytes.AsMemory(offset, Math.Min(10_000, bytes.Length - offset)));
            await body.FlushAsync();
        }
    }
}
