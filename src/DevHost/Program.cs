using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.DevHost;

var builder = WebApplication.CreateBuilder(args);
if (builder.WebHost.UseLoopbackOnly(builder.Configuration) is { } refused)
{
    Console.Error.WriteLine(refused);
    return 2;
}
builder.Services.AddClassVisCloudApi(AnalyticsServices.ReadStorageOptions(builder.Configuration), AnalyticsServices.ReadIngestOptions(builder.Configuration));
builder.Services.AddHostedService<SweepLoop>();
builder.AddTestFaults();

var app = builder.Build();
app.UseLoopbackHostsOnly();
app.UseApiExceptionHandler();
app.MapFunctionRoutes();
app.UseDashboard(builder.Configuration, builder.Environment);
app.Run();
return 0;
