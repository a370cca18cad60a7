using ClassVisCloud.Analytics;
using ClassVisCloud.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddClassVisCloudAnalytics(AnalyticsServices.ReadStorageOptions(builder.Configuration));
builder.Build().Run();
