using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PSC8.Server.Documents;
using PSC8.Server.Model;
using PSC8.Server.Query;
using PSC8.Server.Security;

namespace PSC8.Bench.Query;

/// <summary>What one execution took and how many rows it produced; ServerMs is the engine's own executionTime stat where there is one.</summary>
internal readonly record struct Sample(double Ms, int Rows, double? ServerMs = null);

/// <summary>
/// The engine on the real store, in process: prepare, then execute and drain inside one read transaction of the
/// region — what the cursor API does for a non-streaming read, minus HTTP and JSON output.
/// </summary>
internal sealed class EngineRunner(BenchCluster bench)
{
    private readonly Principal _root = new(Principal.RootUserId, bench.Host.Tenant, IsApiKey: false, ParentUserId: null);

    public Sample Run(string query, C8Object bindVars)
    {
        var cluster = bench.Cluster;
        var clock = Stopwatch.StartNew();
        var prepared = cluster.Engine.Prepare(query, bindVars, indexes: name =>
            cluster.Catalog.FindCollection(BenchCluster.Fabric, name) is { } collection ? cluster.Catalog.Indexes(collection.Id) : []);
        var fabric = cluster.Catalog.FindFabric(BenchCluster.Fabric)!;
        var region = cluster.Region(BenchCluster.Region);
        var rows = region.Store.Read(reader =>
        {
            var transaction = new FabricTransaction(cluster, fabric, region, reader, _root);
            using var execution = prepared.Execute(transaction, new QueryOptions(), CancellationToken.None);
            var results = new List<C8Value>();
            while (execution.MoveNext(out var row))
            {
                results.Add(row);
            }
            return results.Count;
        });
        return new Sample(clock.Elapsed.TotalMilliseconds, rows);
    }
}

/// <summary>End to end over HTTP: POST /cursor, then PUT until hasMore is false, in batches of 1000.</summary>
internal sealed class HttpRunner(BenchCluster bench)
{
    public async Task<Sample> RunAsync(string query, C8Object bindVars)
    {
        var body = new C8Object.Builder()
            .Add("query", C8Value.From(query))
            .Add("bindVars", C8Value.From(bindVars))
            .Add("batchSize", C8Value.From(1000))
            .Build();
        var path = $"/_fabric/{BenchCluster.Fabric}/_api/cursor";
        var clock = Stopwatch.StartNew();
        var batch = await SendAsync(HttpMethod.Post, path, C8Json.SerializeToUtf8(C8Value.From(body)));
        var rows = batch["result"]!.AsArray().Count;
        while (batch["hasMore"]!.GetValue<bool>())
        {
            batch = await SendAsync(HttpMethod.Put, path + "/" + batch["id"]!.GetValue<string>(), null);
            rows += batch["result"]!.AsArray().Count;
        }
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return new Sample(elapsed, rows, batch["extra"]!["stats"]!["executionTime"]!.GetValue<double>() * 1000);
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, byte[]? content)
    {
        using var request = new HttpRequestMessage(method, path);
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await bench.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{method} {path} -> {(int)response.StatusCode} {text}");
    }
}

/// <summary>The same work straight in SQLite on C8 Local's database file, with the server's connection settings.</summary>
internal sealed class SqliteFloor : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    public SqliteFloor(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        _connection.Open();
        using var pragmas = _connection.CreateCommand();
        pragmas.CommandText = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
        pragmas.ExecuteNonQuery();
    }

    public string Version
    {
        get
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            return (string)command.ExecuteScalar()!;
        }
    }

    /// <summary>Runs the statement and reads every column of every row, as a client of the data would.</summary>
    public Sample Run(string sql, long collectionId, string? key)
    {
        var clock = Stopwatch.StartNew();
        var command = Statement(sql);
        command.Parameters["$c"].Value = collectionId;
        if (key is not null)
        {
            command.Parameters["$key"].Value = key;
        }
        var rows = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
                rows++;
            }
        }
        return new Sample(clock.Elapsed.TotalMilliseconds, rows);
    }

    /// <summary>Each statement is compiled once, so a point lookup measures the lookup, not SQL parsing.</summary>
    private SqliteCommand Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new SqliteParameter("$c", 0L));
            if (sql.Contains("$key", StringComparison.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter("$key", ""));
            }
            command.Prepare();
            _statements[sql] = command;
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
