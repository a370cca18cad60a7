using ClassVisCloud.Analytics;
using ClassVisCloud.DevHost;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseLoopbackUrls(builder.Configuration);
builder.Services.AddClassVisCloudAnalytics(AnalyticsServices.ReadStorageOptions(builder.Configuration), AnalyticsServices.ReadIngestOptions(builder.Configuration));
builder.Services.AddHostedService<SweepLoop>();
builder.AddTestFaults();

var app = builder.Build();
app.UseApiExceptionHandler();
app.MapFunctionRoutes();
app.UseDashboard(builder.Configuration, builder.Environment);
app.Run();
