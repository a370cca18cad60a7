using Microsoft.Extensions.FileProviders;

namespace ClassVisCloud.DevHost;

/// <summary>Serves the built dashboard (src/Dashboard/dist, or the Dashboard:Path setting) at "/".</summary>
public static class Dashboard
{
    public static void UseDashboard(this WebApplication app, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var path = configuration["Dashboard:Path"] ?? Path.Combine(environment.ContentRootPath, "..", "Dashboard", "dist");
        path = Path.GetFullPath(path);
        if (!Directory.Exists(path))
        {
            app.Logger.LogWarning("No built dashboard at {Path}: run 'npm run build' in src/Dashboard; the API is served anyway", path);
            app.MapGet("/", () => Results.Text($"ClassVisCloud DevHost: the API is at /api. No built dashboard was found at {path}; run 'npm ci && npm run build' in src/Dashboard.", "text/plain"));
            return;
        }
        var files = new PhysicalFileProvider(path);
        var headers = StaticSiteHeaders.Read(path);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // config.json is read at run time; never let a browser keep an old one.
                if (context.File.Name == "config.json") context.Context.Response.Headers.CacheControl = "no-store";
                foreach (var (name, value) in headers) context.Context.Response.Headers[name] = value;
            },
        });
        app.Logger.LogInformation("Serving the dashboard from {Path} with {Count} headers of its {File}", path, headers.Count, StaticSiteHeaders.FileName);
    }
}
