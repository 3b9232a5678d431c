namespace PSC8.Server.Tests.Infrastructure;

/// <summary>Polling with a deadline, instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > timeout)
            {
                throw new XunitException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; last: {value}");
            }
            await Task.Delay(20);
        }
    }
}
