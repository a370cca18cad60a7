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
    public void Cors_allows_the_dashboard_origin_only()
    {
        var cors = App.Properties!["siteConfig"]?["cors"];
        var origins = (cors?["allowedOrigins"] as JsonArray ?? []).Select(ArmExpression.Render).ToList();
        var origin = Assert.Single(origins);
        Assert.DoesNotContain("*", origin, StringComparison.Ordinal);
        Assert.Contains("'dashboard'", origin, StringComparison.Ordinal);
        Assert.Contains(".outputs.origin.value", origin, StringComparison.Ordinal);
        Assert.False((bool?)cors?["supportCredentials"] ?? false, "CORS must not allow credentials without Entra ID sign-in");

        var dashboardOrigin = ArmExpression.Render(infra.Deploy().Outputs("dashboard")["origin"]?["value"]);
        Assert.StartsWith("https://", dashboardOrigin, StringComparison.Ordinal);
        Assert.Contains("defaultHostname", dashboardOrigin, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_entra_app_registration_app_service_authentication_is_not_deployed()
    {
        var auth = infra.Deploy().OfType("Microsoft.Web/sites/config").Single(c => c.Name.EndsWith("/authsettingsV2", StringComparison.Ordinal));
        Assert.False(auth.Deployed);
    }

    [Fact]
    public void With_an_entra_app_registration_every_request_but_the_blob_webhook_needs_a_token()
    {
        var clientId = "00000000-0000-0000-0000-00000000c0de";
        var auth = infra.Deploy(("authClientId", clientId)).OfType("Microsoft.Web/sites/config")
            .Single(c => c.Name.EndsWith("/authsettingsV2", StringComparison.Ordinal));
        Assert.True(auth.Deployed);
        var p = auth.Properties!;
        Assert.True((bool?)p["platform"]?["enabled"] ?? false);
        Assert.True((bool?)p["globalValidation"]?["requireAuthentication"] ?? false);
        Assert.Equal("Return401", (string?)p["globalValidation"]?["unauthenticatedClientAction"]);
        Assert.Equal(["/runtime/webhooks/blobs"], (p["globalValidation"]?["excludedPaths"] as JsonArray ?? []).Select(x => (string?)x));
        Assert.Equal(clientId, (string?)p["identityProviders"]?["azureActiveDirectory"]?["registration"]?["clientId"]);
        Assert.Contains($"api://{clientId}", (p["identityProviders"]?["azureActiveDirectory"]?["validation"]?["allowedAudiences"] as JsonArray ?? []).Select(x => (string?)x));

        // The dashboard's sign-in is a cookie session: credentials, for the dashboard's origin only.
        var redirect = Assert.Single((p["login"]?["allowedExternalRedirectUrls"] as JsonArray ?? []).Select(ArmExpression.Render));
        Assert.Contains("'dashboard'", redirect, StringComparison.Ordinal);
        var app = infra.Deploy(("authClientId", clientId)).Single("Microsoft.Web/sites");
        var cors = app.Properties!["siteConfig"]?["cors"];
        Assert.True((bool?)cors?["supportCredentials"] ?? false);
        Assert.DoesNotContain("*", Assert.Single((cors?["allowedOrigins"] as JsonArray ?? []).Select(ArmExpression.Render)), StringComparison.Ordinal);
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
