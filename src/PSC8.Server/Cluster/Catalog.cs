namespace PSC8.Server.Cluster;

/// <summary>
/// The cluster's metadata in memory, written through to the <see cref="ControlStore"/>. Readers get
/// immutable records; every change replaces a record under one lock, so a reader never sees half a change.
/// </summary>
internal sealed class Catalog
{
    private const string FabricKind = "fabric";
    private const string CollectionKind = "collection";
    private const string UserKind = "user";
    private const string GrantKind = "grant";
    private const string WorkerKind = "restql";
    private const string SettingKind = "setting";
    private const string IndexKind = "index";

    private readonly object _lock = new();
    private readonly ControlStore _store;
    private Dictionary<string, FabricInfo> _fabrics = new(StringComparer.Ordinal);
    private Dictionary<(string Fabric, string Name), CollectionInfo> _collections = new();
    private Dictionary<long, CollectionInfo> _collectionsById = new();
    private Dictionary<string, UserInfo> _users = new(StringComparer.Ordinal);
    private Dictionary<string, AccessLevel> _grants = new(StringComparer.Ordinal);
    private Dictionary<(string User, string Fabric, string Name), QueryWorkerInfo> _workers = new();
    private Dictionary<long, IReadOnlyList<IndexInfo>> _indexes = new();

    public Catalog(ControlStore store)
    {
        _store = store;
        foreach (var (_, body) in store.Load(FabricKind))
        {
            var fabric = Deserialize<FabricInfo>(body);
            _fabrics[fabric.Name] = fabric;
        }
        foreach (var (_, body) in store.Load(CollectionKind))
        {
            var collection = Deserialize<CollectionInfo>(body);
            _collections[(collection.Fabric, collection.Name)] = collection;
            _collectionsById[collection.Id] = collection;
        }
        foreach (var (_, body) in store.Load(UserKind))
        {
            var user = Deserialize<UserInfo>(body);
            _users[user.Id] = user;
        }
        foreach (var (id, body) in store.Load(GrantKind))
        {
            _grants[id] = Deserialize<AccessLevel>(body);
        }
        foreach (var (_, body) in store.Load(IndexKind))
        {
            var index = Deserialize<IndexInfo>(body);
            _indexes[index.CollectionId] = [.. Indexes(index.CollectionId), index];
        }
        foreach (var (_, body) in store.Load(WorkerKind))
        {
            var worker = Deserialize<QueryWorkerInfo>(body);
            _workers[(worker.UserId, worker.Fabric, worker.Name)] = worker;
        }
    }

    // ---- settings ----

    public string? GetSetting(string name) =>
        _store.Load(SettingKind).Where(r => r.Id == name).Select(r => r.Body).FirstOrDefault();

    public void PutSetting(string name, string value) => _store.Put(SettingKind, name, value);

    // ---- fabrics ----

    public IReadOnlyList<FabricInfo> Fabrics()
    {
        lock (_lock)
        {
            return _fabrics.Values.OrderBy(f => f.IsSystem ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        }
    }

    public FabricInfo? FindFabric(string name)
    {
        lock (_lock)
        {
            return _fabrics.GetValueOrDefault(name);
        }
    }

    /// <summary>Adds a fabric; false when the name is taken.</summary>
    public bool TryAddFabric(FabricInfo fabric)
    {
        lock (_lock)
        {
            if (_fabrics.ContainsKey(fabric.Name))
            {
                return false;
            }
            _store.Put(FabricKind, fabric.Name, Serialize(fabric));
            _fabrics[fabric.Name] = fabric;
            return true;
        }
    }

    public void UpdateFabric(FabricInfo fabric)
    {
        lock (_lock)
        {
            _store.Put(FabricKind, fabric.Name, Serialize(fabric));
            _fabrics[fabric.Name] = fabric;
        }
    }

    /// <summary>Removes a fabric with its collections, grants and query workers; returns the collections removed.</summary>
    public IReadOnlyList<CollectionInfo> RemoveFabric(string name)
    {
        lock (_lock)
        {
            var collections = _collections.Values.Where(c => c.Fabric == name).ToList();
            var grants = _grants.Keys.Where(k => GrantFabric(k) == name).ToList();
            var workers = _workers.Values.Where(w => w.Fabric == name).ToList();
            var changes = new List<(string, string, string?)> { (FabricKind, name, null) };
            changes.AddRange(collections.Select(c => (CollectionKind, CollectionId(c), (string?)null)));
            changes.AddRange(collections.SelectMany(c => Indexes(c.Id)).Select(i => (IndexKind, IndexId(i), (string?)null)));
            changes.AddRange(grants.Select(g => (GrantKind, g, (string?)null)));
            changes.AddRange(workers.Select(w => (WorkerKind, WorkerId(w), (string?)null)));
            _store.Apply(changes);
            _fabrics.Remove(name);
            foreach (var c in collections)
            {
                _collections.Remove((c.Fabric, c.Name));
                _collectionsById.Remove(c.Id);
                _indexes.Remove(c.Id);
            }
            foreach (var g in grants)
            {
                _grants.Remove(g);
            }
            foreach (var w in workers)
            {
                _workers.Remove((w.UserId, w.Fabric, w.Name));
            }
            return collections;
        }
    }

    // ---- collections ----

    public IReadOnlyList<CollectionInfo> Collections(string fabric)
    {
        lock (_lock)
        {
            return _collections.Values.Where(c => c.Fabric == fabric).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
    }

    public CollectionInfo? FindCollection(string fabric, string name)
    {
        lock (_lock)
        {
            return _collections.GetValueOrDefault((fabric, name));
        }
    }

    public CollectionInfo? FindCollectionById(long id)
    {
        lock (_lock)
        {
            return _collectionsById.GetValueOrDefault(id);
        }
    }

    public long NextCollectionId() => _store.Next("collection");

    public bool TryAddCollection(CollectionInfo collection)
    {
        lock (_lock)
        {
            if (_collections.ContainsKey((collection.Fabric, collection.Name)))
            {
                return false;
            }
            _store.Put(CollectionKind, CollectionId(collection), Serialize(collection));
            _collections[(collection.Fabric, collection.Name)] = collection;
            _collectionsById[collection.Id] = collection;
            return true;
        }
    }

    public void UpdateCollection(CollectionInfo collection)
    {
        lock (_lock)
        {
            _store.Put(CollectionKind, CollectionId(collection), Serialize(collection));
            _collections[(collection.Fabric, collection.Name)] = collection;
            _collectionsById[collection.Id] = collection;
        }
    }

    public void RemoveCollection(CollectionInfo collection)
    {
        lock (_lock)
        {
            var grants = _grants.Keys.Where(k => GrantFabric(k) == collection.Fabric && GrantCollection(k) == collection.Name).ToList();
            var changes = new List<(string, string, string?)> { (CollectionKind, CollectionId(collection), null) };
            changes.AddRange(grants.Select(g => (GrantKind, g, (string?)null)));
            changes.AddRange(Indexes(collection.Id).Select(i => (IndexKind, IndexId(i), (string?)null)));
            _store.Apply(changes);
            _collections.Remove((collection.Fabric, collection.Name));
            _collectionsById.Remove(collection.Id);
            _indexes.Remove(collection.Id);
            foreach (var g in grants)
            {
                _grants.Remove(g);
            }
        }
    }

    // ---- indexes ----

    /// <summary>The collection's secondary indexes, oldest first (the primary index is implied).</summary>
    public IReadOnlyList<IndexInfo> Indexes(long collectionId)
    {
        lock (_lock)
        {
            return _indexes.GetValueOrDefault(collectionId) ?? [];
        }
    }

    public IReadOnlyList<IndexInfo> AllIndexes()
    {
        lock (_lock)
        {
            return _indexes.Values.SelectMany(i => i).ToList();
        }
    }

    public long NextIndexId() => _store.Next("index");

    public void AddIndex(IndexInfo index)
    {
        lock (_lock)
        {
            _store.Put(IndexKind, IndexId(index), Serialize(index));
            _indexes[index.CollectionId] = [.. Indexes(index.CollectionId), index];
        }
    }

    public void RemoveIndex(IndexInfo index)
    {
        lock (_lock)
        {
            _store.Delete(IndexKind, IndexId(index));
            _indexes[index.CollectionId] = Indexes(index.CollectionId).Where(i => i.Id != index.Id).ToList();
        }
    }

    // ---- users and API keys ----

    public IReadOnlyList<UserInfo> Users()
    {
        lock (_lock)
        {
            return _users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        }
    }

    public UserInfo? FindUser(string id)
    {
        lock (_lock)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// The users (not keys) with this email, compared without case. New data never has more than one; a data folder
    /// from a version that let emails repeat may, and still opens.
    /// </summary>
    public IReadOnlyList<UserInfo> FindUsersByEmail(string email)
    {
        lock (_lock)
        {
            return UsersWithEmail(email).ToList();
        }
    }

    /// <summary>Each email more than one user has, with their ids: possible only in data from versions that let emails repeat.</summary>
    public IReadOnlyList<(string Email, IReadOnlyList<string> UserIds)> SharedEmails()
    {
        lock (_lock)
        {
            return _users.Values.Where(u => !u.IsApiKey)
                .GroupBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(u => u.Id).Order(StringComparer.Ordinal).ToList()))
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    /// <summary>Adds a user or key unless its id is taken or (for a user) another user has its email.</summary>
    public UserConflict AddUser(UserInfo user)
    {
        lock (_lock)
        {
            return PutUnless(user, _users.ContainsKey(user.Id) ? UserConflict.Name : EmailConflict(user));
        }
    }

    /// <summary>Replaces an existing user unless its (new) email belongs to another user.</summary>
    public UserConflict ChangeUser(UserInfo user)
    {
        lock (_lock)
        {
            return PutUnless(user, EmailConflict(user));
        }
    }

    /// <summary>Replaces a user or key as it is, without checking its email (its attributes, or root's email as configured).</summary>
    public void UpdateUser(UserInfo user)
    {
        lock (_lock)
        {
            PutUnless(user, UserConflict.None);
        }
    }

    /// <summary>Removes a user or key with its grants, its query workers and (for a user) its keys.</summary>
    public bool RemoveUser(string id)
    {
        lock (_lock)
        {
            if (!_users.ContainsKey(id))
            {
                return false;
            }
            var ids = _users.Values.Where(u => u.Id == id || u.ApiKeyParent == id).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            var grants = _grants.Keys.Where(k => ids.Contains(GrantPrincipal(k))).ToList();
            var workers = _workers.Values.Where(w => ids.Contains(w.UserId)).ToList();
            var changes = new List<(string, string, string?)>();
            changes.AddRange(ids.Select(u => (UserKind, u, (string?)null)));
            changes.AddRange(grants.Select(g => (GrantKind, g, (string?)null)));
            changes.AddRange(workers.Select(w => (WorkerKind, WorkerId(w), (string?)null)));
            _store.Apply(changes);
            foreach (var u in ids)
            {
                _users.Remove(u);
            }
            foreach (var g in grants)
            {
                _grants.Remove(g);
            }
            foreach (var w in workers)
            {
                _workers.Remove((w.UserId, w.Fabric, w.Name));
            }
            return true;
        }
    }

    // ---- grants: (principal, fabric, collection) -> level; collection "" is the fabric level, "*" a default ----

    public AccessLevel? FindGrant(string principal, string fabric, string collection = "")
    {
        lock (_lock)
        {
            return _grants.TryGetValue(GrantId(principal, fabric, collection), out var level) ? level : null;
        }
    }

    public IReadOnlyList<(string Fabric, string Collection, AccessLevel Level)> Grants(string principal)
    {
        lock (_lock)
        {
            return _grants.Where(g => GrantPrincipal(g.Key) == principal)
                .Select(g => (GrantFabric(g.Key), GrantCollection(g.Key), g.Value))
                .OrderBy(g => g.Item1, StringComparer.Ordinal).ThenBy(g => g.Item2, StringComparer.Ordinal)
                .ToList();
        }
    }

    public void SetGrant(string principal, string fabric, string collection, AccessLevel level)
    {
        lock (_lock)
        {
            var id = GrantId(principal, fabric, collection);
            _store.Put(GrantKind, id, Serialize(level));
            _grants[id] = level;
        }
    }

    public bool RemoveGrant(string principal, string fabric, string collection)
    {
        lock (_lock)
        {
            var id = GrantId(principal, fabric, collection);
            if (!_grants.Remove(id))
            {
                return false;
            }
            _store.Delete(GrantKind, id);
            return true;
        }
    }

    // ---- query workers ----

    public IReadOnlyList<QueryWorkerInfo> Workers(string user, string fabric)
    {
        lock (_lock)
        {
            return _workers.Values.Where(w => w.UserId == user && w.Fabric == fabric).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        }
    }

    public QueryWorkerInfo? FindWorker(string user, string fabric, string name)
    {
        lock (_lock)
        {
            return _workers.GetValueOrDefault((user, fabric, name));
        }
    }

    public void PutWorkers(IReadOnlyList<QueryWorkerInfo> workers)
    {
        lock (_lock)
        {
            _store.Apply(workers.Select(w => (WorkerKind, WorkerId(w), (string?)Serialize(w))));
            foreach (var w in workers)
            {
                _workers[(w.UserId, w.Fabric, w.Name)] = w;
            }
        }
    }

    public bool RemoveWorker(string user, string fabric, string name)
    {
        lock (_lock)
        {
            if (!_workers.Remove((user, fabric, name), out var worker))
            {
                return false;
            }
            _store.Delete(WorkerKind, WorkerId(worker));
            return true;
        }
    }

    private UserConflict PutUnless(UserInfo user, UserConflict conflict)
    {
        if (conflict == UserConflict.None)
        {
            _store.Put(UserKind, user.Id, Serialize(user));
            _users[user.Id] = user;
        }
        return conflict;
    }

    private IEnumerable<UserInfo> UsersWithEmail(string email) =>
        _users.Values.Where(u => !u.IsApiKey && string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    private UserConflict EmailConflict(UserInfo user) =>
        !user.IsApiKey && UsersWithEmail(user.Email).Any(u => u.Id != user.Id) ? UserConflict.Email : UserConflict.None;

    private static string CollectionId(CollectionInfo c) => $"{c.Fabric}\n{c.Name}";

    private static string IndexId(IndexInfo i) => $"{i.CollectionId}\n{i.Id}";

    private static string WorkerId(QueryWorkerInfo w) => $"{w.UserId}\n{w.Fabric}\n{w.Name}";

    private static string GrantId(string principal, string fabric, string collection) => $"{principal}\n{fabric}\n{collection}";

    private static string GrantPrincipal(string id) => id.Split('\n')[0];

    private static string GrantFabric(string id) => id.Split('\n')[1];

    private static string GrantCollection(string id) => id.Split('\n')[2];

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json) ?? throw new InvalidDataException($"Corrupt {typeof(T).Name} record in the control database.");
}
