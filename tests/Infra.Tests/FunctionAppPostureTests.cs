using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Arm;
using ClassVisCloud.Infra.Tests.Consistency;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class FunctionAppPostureTests(CompiledInfra infra)
{
    private ArmResource App => infra.Deploy().Single("Microsoft.Web/sites");

    [Fact]
    public void The_app_runs_dotnet_isolated_10_on_flex_consumption()
    {
        var plan = infra.Deploy().Single("Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", (string?)plan.Json["sku"]?["tier"]);
        Assert.Equal("FC1", (string?)plan.Json["sku"]?["name"]);

        var config = App.Properties!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]?["version"]);
        Assert.Equal("functionapp,linux", (string?)App.Json["kind"]);
    }

    [Fact]
    public void The_worker_package_is_one_that_flex_consumption_runs_on_dotnet_10()
    {
        // .NET 10 isolated on Flex Consumption needs Microsoft.Azure.Functions.Worker 2.50 or later (docs/deploy.md, "Known platform issues").
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "Microsoft.Azure.Functions.Worker").Attribute("Version")!.Value;
        Assert.True(Version.Parse(version) >= new Version(2, 50), $"Microsoft.Azure.Functions.Worker {version} is older than 2.50");
    }

    [Fact]
    public void The_app_is_https_only_with_tls_1_2_and_no_basic_publishing_credentials()
    {
        var p = App.Properties!;
        Assert.True((bool?)p["httpsOnly"] ?? false, "httpsOnly must be true");
        Assert.Equal("1.2", (string?)p["siteConfig"]?["minTlsVersion"]);
        var policies = infra.Deploy().OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(x => x.Name.Split('/')[^1]).Order());
        Assert.All(policies, x => Assert.False((bool?)x.Properties?["allow"] ?? true, $"{x.Name} must be off"));
    }

    [Fact]
    public void The_app_has_a_managed_identity_that_also_reads_the_deployment_package()
    {
        Assert.Equal("UserAssigned", (string?)App.Json["identity"]?["type"]);
        var auth = App.Properties!["functionAppConfig"]?["deployment"]?["storage"]?["authentication"];
        Assert.Equal("UserAssignedIdentity", (string?)auth?["type"]);
        Assert.Null(auth?["storageAccountConnectionStringName"]);
    }

    [Fact]
    public void Every_storage_connection_is_identity_based_and_no_setting_holds_a_key()
    {
        var settings = TriggerInfraCheck.AppSettings(App);
        foreach (var connection in new[] { "AzureWebJobsStorage", "RunsStorage" })
        {
            Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string");
            Assert.Equal("managedidentity", settings.GetValueOrDefault($"{connection}__credential"));
            Assert.True(settings.ContainsKey($"{connection}__clientId"), $"{connection}__clientId is missing");
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                Assert.Contains($"primaryEndpoints.{service}", settings.GetValueOrDefault($"{connection}__{service}ServiceUri") ?? "", StringComparison.Ordinal);
            }
        }
        foreach (var (name, value) in settings)
        {
            foreach (var secret in new[] { "AccountKey=", "SharedAccessSignature", "sig=", "listKeys", "listAccountSas" })
            {
                Assert.False(value.Contains(secret, StringComparison.OrdinalIgnoreCase), $"app setting {name} holds a secret ({secret}): {value}");
            }
        }
    }

    [Fact]
    public void No_setting_that_flex_consumption_rejects_or_ignores_is_set()
    {
        // Flex Consumption sets the runtime from functionAppConfig, deploys from its own container,
        // and runs timers in UTC (WEBSITE_TIME_ZONE is not supported).
        var rejected = new[]
        {
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "WEBSITE_TIME_ZONE",
            "WEBSITE_NODE_DEFAULT_VERSION", "AzureWebJobsStorage", "APPINSIGHTS_INSTRUMENTATIONKEY",
        };
        var settings = TriggerInfraCheck.AppSettings(App);
        Assert.Empty(settings.Keys.Intersect(rejected, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_with_entra_id_only()
    {
        var component = infra.Deploy().Single("Microsoft.Insights/components");
        Assert.True((bool?)component.Properties?["DisableLocalAuth"] ?? false, "Application Insights local auth must be off");
        var settings = TriggerInfraCheck.AppSettings(App);
        Assert.Contains("ConnectionString", settings.GetValueOrDefault("APPLICATIONINSIGHTS_CONNECTION_STRING") ?? "", StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", settings.GetValueOrDefault("APPLICATIONINSIGHTS_AUTHENTICATION_STRING") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Cors_allows_the_dashboard_origin_only_and_never_credentials()
    {
        foreach (var deployment in new[] { infra.Deploy(), infra.Deploy(("authClientId", ClientId)) })
        {
            var cors = deployment.Single("Microsoft.Web/sites").Properties!["siteConfig"]?["cors"];
            var origin = Assert.Single((cors?["allowedOrigins"] as JsonArray ?? []).Select(ArmExpression.Render));
            Assert.DoesNotContain("*", origin, StringComparison.Ordinal);
            Assert.Contains("'dashboard'", origin, StringComparison.Ordinal);
            Assert.Contains(".outputs.origin.value", origin, StringComparison.Ordinal);
            // Tokens and keys travel in headers: no cookie, so CORS never allows credentials.
            Assert.False((bool?)cors?["supportCredentials"] ?? true, "CORS must not allow credentials");
        }

        var dashboardOrigin = ArmExpression.Render(infra.Deploy().Outputs("dashboard")["origin"]?["value"]);
        Assert.StartsWith("https://", dashboardOrigin, StringComparison.Ordinal);
        Assert.Contains("defaultHostname", dashboardOrigin, StringComparison.Ordinal);
    }

    private const string ClientId = "00000000-0000-0000-0000-00000000c0de";

    [Fact]
    public void App_service_authentication_is_not_deployed_the_worker_checks_every_request()
    {
        Assert.Empty(infra.Deploy().OfType("Microsoft.Web/sites/config"));
        Assert.Empty(infra.Deploy(("authClientId", ClientId)).OfType("Microsoft.Web/sites/config"));
    }

    [Fact]
    public void Without_an_app_registration_the_api_takes_keys_whose_hashes_are_set()
    {
        var hash = new string('a', 64);
        var settings = TriggerInfraCheck.AppSettings(infra.Deploy(("apiKeySha256", hash)).Single("Microsoft.Web/sites"));
        Assert.Equal("key", settings["Auth__Mode"]);
        Assert.Equal(hash, settings["Auth__KeySha256"]);
        Assert.Equal("", settings["Auth__Authority"]);
        Assert.Equal("", settings["Auth__Audience"]);
    }

    [Fact]
    public void With_an_app_registration_the_api_takes_its_tenant_s_v2_tokens_for_its_audience_with_the_read_role()
    {
        var settings = TriggerInfraCheck.AppSettings(infra.Deploy(("authClientId", ClientId)).Single("Microsoft.Web/sites"));
        Assert.Equal("entra", settings["Auth__Mode"]);
        Assert.Contains("environment().authentication.loginEndpoint", settings["Auth__Authority"], StringComparison.Ordinal);
        Assert.Contains("tenant().tenantId", settings["Auth__Authority"], StringComparison.Ordinal);
        Assert.EndsWith("/v2.0", settings["Auth__Authority"], StringComparison.Ordinal);
        Assert.Equal($"api://{ClientId};{ClientId}", settings["Auth__Audience"]);
        Assert.Equal("ClassVisCloud.Read", settings["Auth__Role"]);
        // No key unless one is asked for (scripts/deploy/api-key.sh --new).
        Assert.Equal("", settings["Auth__KeySha256"]);
    }

    [Fact]
    public void The_app_s_logs_and_metrics_go_to_the_log_analytics_workspace()
    {
        var setting = DiagnosticsOf(infra.Deploy(), "api");
        Assert.Contains("FunctionAppLogs", (setting.Properties?["logs"] as JsonArray ?? []).Select(l => (string?)l?["category"]));
        Assert.All((setting.Properties?["logs"] as JsonArray ?? []).Concat(setting.Properties?["metrics"] as JsonArray ?? []), l => Assert.True((bool?)l?["enabled"]));
    }

    /// <summary>The one diagnostic setting declared in a module, sending to the monitoring module's workspace.</summary>
    internal static ArmResource DiagnosticsOf(ArmDeployment deployment, string module)
    {
        var setting = Assert.Single(deployment.OfType("Microsoft.Insights/diagnosticSettings"), d => d.Module == module);
        Assert.Contains("'monitoring'", ArmExpression.Render(setting.Properties?["workspaceId"]), StringComparison.Ordinal);
        Assert.Contains("logAnalyticsId", ArmExpression.Render(setting.Properties?["workspaceId"]), StringComparison.Ordinal);
        return setting;
    }

    [Fact]
    public void The_api_url_output_is_the_apps_https_host_with_api()
    {
        var url = ArmExpression.Render(infra.Deploy().Outputs()["API_URL"]?["value"]);
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.EndsWith("/api", url, StringComparison.Ordinal);
        var dashboard = ArmExpression.Render(infra.Deploy().Outputs()["DASHBOARD_URL"]?["value"]);
        Assert.Contains("outputs.origin", dashboard, StringComparison.Ordinal);
    }
}
