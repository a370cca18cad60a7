using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.Api.Auth;
using ClassVisCloud.DevHost;

var builder = WebApplication.CreateBuilder(args);
if (builder.WebHost.UseLoopbackOnly(builder.Configuration) is { } refused)
{
    Console.Error.WriteLine(refused);
    return 2;
}
builder.Services.AddApiDoor(builder.Configuration, defaultMode: ApiAuthMode.None, out var authProblem);
if (authProblem is not null)
{
    Console.Error.WriteLine($"The DevHost does not start: {authProblem}.");
    return 2;
}
// Loopback only: the DevHost's clients share its machine, where compressing answers costs the browser more than it saves.
// CompressAnswers=true compresses them as the Functions app does (bench -- memory measures that path).
builder.Services.AddSingleton(new AnswerCompression(Enabled: builder.Configuration.GetValue("CompressAnswers", false)));
builder.Services.AddClassVisCloudApi(AnalyticsServices.ReadStorageOptions(builder.Configuration), AnalyticsServices.ReadIngestOptions(builder.Configuration));
builder.Services.AddHostedService<SweepLoop>();
builder.AddTestFaults();

var app = builder.Build();
app.UseLoopbackHostsOnly();
app.UseApiExceptionHandler();
app.UseApiDoor();
app.MapFunctionRoutes();
app.UseDashboard(builder.Configuration, builder.Environment);
app.Run();
return 0;
