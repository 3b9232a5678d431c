using PSC8.Server.Hosting;

return await C8LocalProgram.RunAsync(args);
