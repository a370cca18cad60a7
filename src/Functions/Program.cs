using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using ClassVisCloud.Functions.Ingest;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddClassVisCloudApi(AnalyticsServices.ReadStorageOptions(builder.Configuration), AnalyticsServices.ReadIngestOptions(builder.Configuration));
builder.Services.AddSweepAtStart();
builder.Build().Run();
