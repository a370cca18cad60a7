using ClassVisCloud.Bench;

// dotnet run -c Release --project bench -- <command> [options]
return await BenchCommands.RunAsync(args);
