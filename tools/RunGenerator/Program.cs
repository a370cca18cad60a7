using System.Runtime.InteropServices;
using ClassVisCloud.RunGenerator.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the command, which then stops cleanly (the relay says what it delivered);
// a second one ends the process at once.
using var stop = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    if (stop.IsCancellationRequested)
        return;
    context.Cancel = true;
    stop.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await CommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token);
