using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.Api.Auth;
using ClassVisCloud.Functions.Http;
using ClassVisCloud.Functions.Ingest;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionMiddleware>();
builder.UseMiddleware<ApiAuthMiddleware>();
// Auth__Mode must be set (key or entra deployed; none only on purpose, locally): the API is never open by default.
builder.Services.AddApiDoor(builder.Configuration, defaultMode: null, out var authProblem);
if (authProblem is not null) Console.Error.WriteLine($"The API refuses every request until its sign-in settings are fixed: {authProblem}");
builder.Services.AddClassVisCloudApi(AnalyticsServices.ReadStorageOptions(builder.Configuration), AnalyticsServices.ReadIngestOptions(builder.Configuration));
builder.Services.AddSweepAtStart();
builder.Build().Run();
