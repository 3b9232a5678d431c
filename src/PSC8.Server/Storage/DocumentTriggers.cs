namespace PSC8.Server.Storage;

/// <summary>
/// The three triggers on docs that keep a table derived from one collection's documents (a persistent index's entries,
/// a term index's terms) up to date in every write's own statement: an insert adds the new document's rows, an update
/// removes the old one's and adds the new one's, a delete removes the old one's. Each is conditional on the collection
/// id as a literal, so writes to other collections only compare it, and is named <c>{name}_insert</c> and so on.
/// </summary>
internal static class DocumentTriggers
{
    /// <param name="add">The statement that adds a document's rows, given the row it reads (NEW).</param>
    /// <param name="remove">The statement that removes a document's rows, given the row it reads (OLD).</param>
    /// <param name="insertCondition">What else the insert trigger's condition asks (SQL starting with AND), if anything.</param>
    public static string Create(string name, long collectionId, Func<string, string> add, Func<string, string> remove, string insertCondition = "")
    {
        var cid = IndexSql.Id(collectionId);
        return $"""
            CREATE TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON docs WHEN NEW.cid = {cid}{insertCondition} BEGIN {add("NEW")}; END;
            CREATE TRIGGER IF NOT EXISTS {name}_update AFTER UPDATE OF body ON docs WHEN NEW.cid = {cid} BEGIN {remove("OLD")}; {add("NEW")}; END;
            CREATE TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON docs WHEN OLD.cid = {cid} BEGIN {remove("OLD")}; END;
            """;
    }

    public static string Drop(string name) =>
        $"DROP TRIGGER IF EXISTS {name}_insert; DROP TRIGGER IF EXISTS {name}_update; DROP TRIGGER IF EXISTS {name}_delete;";

    /// <summary>Whether the triggers named <paramref name="name"/> exist (their insert trigger).</summary>
    public static string Exist(string name) => $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = '{name}_insert')";

    /// <summary>The names (without the operation) of the triggers starting <paramref name="prefix"/>_ kept for a collection, as a column <c>name</c>.</summary>
    public static string NamesOf(string prefix, long collectionId) =>
        $"SELECT substr(name, 1, length(name) - 7) AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{prefix}\\_%\\_insert' ESCAPE '\\' "
        + $"AND sql LIKE '% NEW.cid = {IndexSql.Id(collectionId)} BEGIN %'";
}
