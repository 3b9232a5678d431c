namespace PSC8.Server.Hosting;

/// <summary>The c8local console app: parse options, start every region, print the ready line, stop on Ctrl+C/SIGTERM.</summary>
internal static class C8LocalProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }
        // A program-level switch, not a server option: the parent that started c8local stops it by closing its input.
        var stopWithInput = args.Contains(CommandLine.StopWithInput);
        C8LocalOptions options;
        try
        {
            options = CommandLine.Parse(args.Where(a => a != CommandLine.StopWithInput).ToArray());
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"c8local: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        if (stopWithInput)
        {
            _ = StopWhenInputClosesAsync(stop);
        }

        C8LocalHost host;
        try
        {
            host = await C8LocalHost.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"c8local: cannot start: {e.Message}");
            return 1;
        }
        await using (host.ConfigureAwait(false))
        {
            host.Cluster.Log = message => Console.Error.WriteLine($"c8local: {message}");
            foreach (var (email, users) in host.Cluster.Catalog.SharedEmails())
            {
                var signsIn = users.Contains(Principal.RootUserId) ? "only root" : "nobody";
                host.Cluster.Log($"warning: users {string.Join(", ", users)} share the email {email}, which signs in {signsIn} until an administrator gives each their own");
            }
            if (options.RootPassword is null && host.RootPassword.Length > 0)
            {
                Console.WriteLine($"Generated root password for {options.RootEmail}: {host.RootPassword}");
            }
            Console.WriteLine("C8 Local ready: " + string.Join(' ', host.Regions.Select(r => $"{r.Name}={r.Url.ToString().TrimEnd('/')}")));
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("C8 Local stopping.");
            }
        }
        return 0;
    }

    /// <summary>Reads standard input to its end, then stops: the parent closed it, or the parent itself ended.</summary>
    private static async Task StopWhenInputClosesAsync(CancellationTokenSource stop)
    {
        using var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (await input.ReadAsync(buffer).ConfigureAwait(false) > 0)
        {
        }

        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The server already stopped for another reason.
        }
    }
}
