using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PSC8.Server.Storage;

namespace PSC8.Server.Tests.Indexes;

/// <summary>c8local killed with SIGKILL and restarted on its data folder: index definitions and what they enforce are still there, in every region.</summary>
public sealed class IndexDurabilityTests : DataFolderTest
{
    private const string fabric = "durable";

    [Fact]
    public async Task Indexes_survive_SIGKILL_and_restart()
    {
        var (byN, unique) = await CreateAndKillAsync();
        await AssertEnforcedAfterRestartAsync(byN, unique);
    }

    /// <summary>
    /// A data folder whose persistent indexes are in the form earlier versions built (expression indexes on docs) gets
    /// entries tables when it is opened, with the same answers and constraints, and the old copies are dropped.
    /// </summary>
    [Fact]
    public async Task Persistent_indexes_of_the_earlier_form_are_rebuilt_as_entries_at_start()
    {
        var (byN, unique) = await CreateAndKillAsync();
        foreach (var file in RegionFiles())
        {
            ToExpressionIndexes(file, (IdOf(byN), "n", false), (IdOf(unique), "email", true));
        }
        await AssertEnforcedAfterRestartAsync(byN, unique);
        foreach (var file in RegionFiles())
        {
            using var connection = Open(file);
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\'"));
            Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'ixe\\_%' ESCAPE '\\'"));
        }
    }

    /// <summary>
    /// A data folder whose non-unique index adds each document's entry in a row trigger with no condition but the
    /// collection (as before entries could be deferred) gets the deferring trigger when it is opened, and a batch
    /// written afterwards is found through the index.
    /// </summary>
    [Fact]
    public async Task An_insert_trigger_from_before_deferred_entries_is_made_anew_at_start()
    {
        var (byN, unique) = await CreateAndKillAsync();
        var table = $"ixe_{IdOf(byN)}";
        foreach (var file in RegionFiles())
        {
            using var connection = Open(file);
            var trigger = (string)new SqliteCommand($"SELECT sql FROM sqlite_master WHERE name = '{table}_insert'", connection).ExecuteScalar()!;
            var collection = Regex.Match(trigger, @"NEW\.cid = (\d+)").Groups[1].Value;
            Execute(connection, $"""
                DROP TRIGGER {table}_insert;
                CREATE TRIGGER {table}_insert AFTER INSERT ON docs WHEN NEW.cid = {collection}
                BEGIN INSERT INTO {table} SELECT c8_index_key(NEW.body, 'n', 0) AS k0, NEW.key AS key; END;
                """);
        }
        await AssertEnforcedAfterRestartAsync(byN, unique, async api =>
        {
            (await api.PostAsync(Paths.Documents(fabric, "orders"), new[] { new { n = 8 }, new { n = 8 } })).ShouldBe(202);
            var run = await api.QueryAsync(fabric, "FOR d IN orders FILTER d.n == 8 RETURN d.n");
            Assert.Equal(2, run.Rows.Count);
            Assert.Equal(2, run.Stats.Long("scannedIndex"));
        });
        foreach (var file in RegionFiles())
        {
            using var connection = Open(file);
            Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE name = '{table}_insert' AND sql LIKE '%FROM deferred WHERE cid%'"));
        }
    }

    private async Task<(string ByN, string Unique)> CreateAndKillAsync()
    {
        string byN, unique;
        await using (var first = await C8LocalProcess.StartAsync(Args))
        {
            var token = await Client(first, Dc.UsWest, null).LoginAsync(RootEmail, Password);
            var us = Client(first, Dc.UsWest, token);
            (await us.PostAsync(Paths.Databases, new { name = fabric, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "orders" })).ShouldBe(200);
            (await us.PostAsync(Paths.Collections(fabric), new { name = "accounts", isSpot = true })).ShouldBe(200);
            byN = (await us.PostAsync(Paths.Fabric(fabric, "index?collection=orders"), new { type = "persistent", fields = new[] { "n" } })).ShouldBe(201).Json.Str("id")!;
            unique = (await us.PostAsync(Paths.Fabric(fabric, "index/persistent?collection=accounts"), new { type = "persistent", fields = new[] { "email" }, unique = true })).ShouldBe(201).Json.Str("id")!;
            (await us.PostAsync(Paths.Documents(fabric, "accounts"), new { email = "a" })).ShouldBe(202);
            (await us.PostAsync(Paths.Documents(fabric, "orders"), new { n = 7 })).ShouldBe(202);
            first.Kill();
        }
        return (byN, unique);
    }

    private async Task AssertEnforcedAfterRestartAsync(string byN, string unique, Func<RegionClient, Task>? andThen = null)
    {
        await using var second = await C8LocalProcess.StartAsync(Args);
        var again = await Client(second, Dc.UsWest, null).LoginAsync(RootEmail, Password);
        foreach (var region in Dc.All)
        {
            var api = Client(second, region, again);
            (await api.GetAsync(Paths.Fabric(fabric, "index/" + byN))).ShouldBe(200);
            (await api.GetAsync(Paths.Fabric(fabric, "index/" + unique))).ShouldBe(200);
        }
        var us2 = Client(second, Dc.UsWest, again);
        (await us2.PostAsync(Paths.Documents(fabric, "accounts"), new { email = "a" })).ShouldFail(409, 1210);
        var run = await us2.QueryAsync(fabric, "FOR d IN orders FILTER d.n == 7 RETURN d.n");
        Assert.Single(run.Rows);
        Assert.Equal(1, run.Stats.Long("scannedIndex"));
        if (andThen is not null)
        {
            await andThen(us2);
        }
    }

    [Fact]
    public async Task A_fulltext_index_survives_SIGKILL_and_restart_with_its_words()
    {
        await CreateFulltextAndKillAsync();
        await AssertFulltextAfterRestartAsync();
    }

    /// <summary>A data folder from before fulltext indexes had words: an expression index on docs and no terms; the start builds them.</summary>
    [Fact]
    public async Task A_fulltext_index_of_an_earlier_data_folder_gets_its_words_at_start()
    {
        var id = IdOf(await CreateFulltextAndKillAsync());
        foreach (var file in RegionFiles())
        {
            using var connection = Open(file);
            var trigger = (string)new SqliteCommand($"SELECT sql FROM sqlite_master WHERE name = 'terms_{id}_insert'", connection).ExecuteScalar()!;
            var collection = Regex.Match(trigger, @"NEW\.cid = (\d+)").Groups[1].Value;
            Execute(connection, $"""
                DROP TRIGGER terms_{id}_insert; DROP TRIGGER terms_{id}_update; DROP TRIGGER terms_{id}_delete; DELETE FROM terms WHERE ix = {id};
                CREATE INDEX ix_{id} ON docs (cid, c8_index_key(body, 'text', 1)) WHERE cid = {collection};
                """);
        }
        await AssertFulltextAfterRestartAsync();
        foreach (var file in RegionFiles())
        {
            using var connection = Open(file);
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE name = 'ix_{id}'"));
        }
    }

    private const string Notes = "words";

    private async Task<string> CreateFulltextAndKillAsync()
    {
        await using var first = await C8LocalProcess.StartAsync(Args);
        var token = await Client(first, Dc.UsWest, null).LoginAsync(RootEmail, Password);
        var us = Client(first, Dc.UsWest, token);
        (await us.PostAsync(Paths.Databases, new { name = Notes, options = new { dcList = "us-west,eu-central,ap-south", spotDc = "us-west" } })).ShouldBe(201);
        (await us.PostAsync(Paths.Collections(Notes), new { name = "notes" })).ShouldBe(200);
        (await us.PostAsync(Paths.Documents(Notes, "notes"), new object[] { new { _key = "before", text = "Zebras" }, new { _key = "other", text = "horse" } })).ShouldBe(202);
        var id = (await us.PostAsync(Paths.Fabric(Notes, "index/fulltext?collection=notes"), new { type = "fulltext", fields = new[] { "text" } })).ShouldBe(201).Json.Str("id")!;
        (await us.PostAsync(Paths.Documents(Notes, "notes"), new { _key = "after", text = "a river" })).ShouldBe(202);
        first.Kill();
        return id;
    }

    private async Task AssertFulltextAfterRestartAsync()
    {
        const string search = "FOR d IN FULLTEXT(notes, 'text', 'prefix:zeb,|river') RETURN d._key";
        await using var second = await C8LocalProcess.StartAsync(Args);
        var again = await Client(second, Dc.UsWest, null).LoginAsync(RootEmail, Password);
        (await Client(second, Dc.EuCentral, again).PostAsync(Paths.Documents(Notes, "notes"), new { _key = "restarted", text = "zebra" })).ShouldBe(202);
        foreach (var region in Dc.All)
        {
            var api = Client(second, region, again);
            var run = await Eventually.WaitForAsync(() => api.QueryAsync(Notes, search), r => r.Rows.Count == 3, TimeSpan.FromSeconds(20), $"the restarted write to reach {region}");
            Assert.Equal(["after", "before", "restarted"], run.Rows.Select(r => r!.GetValue<string>()));
            Assert.Equal(3, run.Stats.Long("scannedIndex"));
        }
    }

    private IEnumerable<string> RegionFiles() => Directory.GetFiles(DataFolder, "*.db").Where(f => Path.GetFileName(f) != "control.db");

    private static long IdOf(string indexId) => long.Parse(indexId[(indexId.IndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        IndexKey.Register(connection);
        return connection;
    }

    /// <summary>Puts each index's copy back into the earlier form: an expression index on docs, partial on its collection.</summary>
    private static void ToExpressionIndexes(string file, params (long Id, string Field, bool Unique)[] indexes)
    {
        using var connection = Open(file);
        foreach (var (id, field, unique) in indexes)
        {
            var trigger = (string)new SqliteCommand($"SELECT sql FROM sqlite_master WHERE name = 'ixe_{id}_insert'", connection).ExecuteScalar()!;
            var collection = Regex.Match(trigger, @"NEW\.cid = (\d+)").Groups[1].Value;
            Execute(connection, $"""
                DROP TRIGGER ixe_{id}_insert; DROP TRIGGER ixe_{id}_update; DROP TRIGGER ixe_{id}_delete; DROP TABLE ixe_{id};
                CREATE {(unique ? "UNIQUE " : "")}INDEX ix_{id} ON docs (cid, c8_index_key(body, '{field}', 0)) WHERE cid = {collection};
                """);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }
}
