using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace PSC8.Sessions;

/// <summary>
/// The connections of one runspace and which of them is the default. Runspaces of one process share the module's
/// static state, so each gets its own registry: a default set in one runspace never leaks into another.
/// </summary>
internal sealed class C8SessionRegistry
{
    private static readonly ConcurrentDictionary<Guid, C8SessionRegistry> ByRunspace = new();

    private readonly object _gate = new();
    private readonly List<C8Session> _sessions = new();
    private C8Session? _default;
    private int _lastId;

    public static C8SessionRegistry For(Guid runspaceId) => ByRunspace.GetOrAdd(runspaceId, _ => new C8SessionRegistry());

    /// <summary>
    /// The registry of the runspace a command runs in; its connections are closed when that runspace closes, so
    /// hosts that open and close many runspaces (job engines, test hosts) leave nothing behind.
    /// </summary>
    public static C8SessionRegistry ForCurrentRunspace()
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return For(Guid.Empty);
        }

        if (ByRunspace.TryGetValue(runspace.InstanceId, out var known))
        {
            return known;
        }

        return ByRunspace.GetOrAdd(runspace.InstanceId, id =>
        {
            runspace.StateChanged += (_, e) =>
            {
                if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
                {
                    CloseRunspace(id);
                }
            };
            return new C8SessionRegistry();
        });
    }

    /// <summary>
    /// Closes every connection of one runspace and forgets it (the module is removed there). Other runspaces of the
    /// process may still use the module and their connections: a script's Import-Module -Force must not close them.
    /// </summary>
    public static void CloseRunspace(Guid runspaceId)
    {
        if (ByRunspace.TryRemove(runspaceId, out var registry))
        {
            foreach (var session in registry.All)
            {
                registry.Close(session);
            }
        }
    }

    public C8Session? Default
    {
        get
        {
            lock (_gate)
            {
                return _default;
            }
        }
    }

    /// <summary>Open connections, oldest first.</summary>
    public IReadOnlyList<C8Session> All
    {
        get
        {
            lock (_gate)
            {
                return _sessions.ToArray();
            }
        }
    }

    /// <summary>Registers a new connection; it becomes the default when asked to or when there is none.</summary>
    public C8Session Add(C8Connection client, bool makeDefault)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        lock (_gate)
        {
            var session = new C8Session(++_lastId, client, this);
            _sessions.Add(session);
            if (makeDefault || _default is null)
            {
                _default = session;
            }

            return session;
        }
    }

    /// <summary>Makes an open connection of this runspace the default.</summary>
    /// <exception cref="C8CommandException">C8.ConnectionClosed, or C8.ForeignConnection for another runspace's connection.</exception>
    public void SetDefault(C8Session session)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        lock (_gate)
        {
            if (!session.IsOpen)
            {
                throw C8CommandException.ConnectionClosed(session.ToString());
            }

            if (!_sessions.Contains(session))
            {
                throw C8CommandException.InvalidArgument(
                    "C8.ForeignConnection",
                    "The connection " + session + " belongs to another runspace. Run Connect-C8 in this one.");
            }

            _default = session;
        }
    }

    public bool IsDefault(C8Session session)
    {
        lock (_gate)
        {
            return ReferenceEquals(_default, session);
        }
    }

    /// <summary>
    /// Closes a connection. When it was the default there is no default afterwards: silently switching to another
    /// connection (perhaps another region) would send later commands somewhere the user did not choose.
    /// </summary>
    public void Close(C8Session session)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        lock (_gate)
        {
            _sessions.Remove(session);
            if (ReferenceEquals(_default, session))
            {
                _default = null;
            }
        }

        session.Close();
    }

    /// <summary>The connection a cmdlet uses: the one given, else the default.</summary>
    /// <exception cref="C8CommandException">C8.NotConnected or C8.ConnectionClosed (terminating).</exception>
    public C8Session Resolve(C8Session? given)
    {
        var session = given ?? Default ?? throw C8CommandException.NotConnected();
        if (!session.IsOpen)
        {
            throw C8CommandException.ConnectionClosed(session.ToString());
        }

        return session;
    }
}
