namespace PSC8.Server.Application;

/// <summary>
/// Where C8QL executions run: each on a thread of its own, never on the thread pool that serves requests. The
/// engine pulls rows synchronously, and a query may wait (SLEEP) or compute for up to its maxRuntime; on pool
/// threads forty such queries starved every other request, the health check included. The number of such threads
/// is bounded by the per-caller query cap (<see cref="RunningQueries"/>).
/// </summary>
internal static class QueryThreads
{
    public static Task<T> RunAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
