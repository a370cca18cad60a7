using ClassVisCloud.Infra.Tests.Arm;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class StoragePostureTests(CompiledInfra infra)
{
    [Fact]
    public void The_storage_account_refuses_anonymous_access_shared_keys_plain_http_and_old_tls()
    {
        var accounts = infra.Deploy().OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.NotEmpty(accounts);
        foreach (var account in accounts)
        {
            var p = account.Properties!;
            Assert.False((bool?)p["allowBlobPublicAccess"] ?? true, $"{account.Name}: allowBlobPublicAccess must be false");
            Assert.False((bool?)p["allowSharedKeyAccess"] ?? true, $"{account.Name}: allowSharedKeyAccess must be false");
            Assert.Equal("TLS1_2", (string?)p["minimumTlsVersion"]);
            Assert.True((bool?)p["supportsHttpsTrafficOnly"] ?? false, $"{account.Name}: supportsHttpsTrafficOnly must be true");
            Assert.True((bool?)p["defaultToOAuthAuthentication"] ?? false, $"{account.Name}: defaultToOAuthAuthentication must be true");
        }
    }

    [Fact]
    public void No_container_is_public()
    {
        var containers = infra.Deploy().OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Contains(containers, c => c.Name.EndsWith("/runs", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Properties?["publicAccess"] ?? "None"));
    }

    [Fact]
    public void No_storage_key_or_sas_is_read_anywhere_in_the_template()
    {
        var json = infra.Template!.ToJsonString();
        Assert.DoesNotContain("listAccountSas", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
        // The only key the template may read is the Functions host's blobs_extension key (Event Grid webhook).
        for (var at = json.IndexOf("listKeys(", StringComparison.OrdinalIgnoreCase); at >= 0;
             at = json.IndexOf("listKeys(", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var call = json.Substring(at, Math.Min(200, json.Length - at));
            Assert.True(call.Contains("/host/default", StringComparison.Ordinal) && call.Contains("Microsoft.Web/sites", StringComparison.Ordinal),
                $"only the Functions host keys may be listed, found: {call}");
        }
    }

    [Fact]
    public void The_upload_container_url_output_points_at_the_runs_container()
    {
        var outputs = infra.Deploy().Outputs();
        var url = ArmExpression.Render(outputs["UPLOAD_CONTAINER_URL"]?["value"]);
        Assert.EndsWith("runs", url, StringComparison.Ordinal);
        Assert.Contains("outputs.blobEndpoint", url, StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", ArmExpression.Render(infra.Deploy().Outputs("storage")["blobEndpoint"]?["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_storage_service_logs_its_requests_to_log_analytics()
    {
        var settings = infra.Deploy().OfType("Microsoft.Insights/diagnosticSettings").Where(d => d.Module == "storage").ToList();
        var scopes = settings.Select(d => ArmExpression.Render(d.Json["scope"])).ToList();
        foreach (var service in new[] { "blobServices", "queueServices", "tableServices" })
        {
            var setting = Assert.Single(settings, d => ArmExpression.Render(d.Json["scope"]).Contains($"/{service}", StringComparison.Ordinal));
            Assert.Equal("allLogs", (string?)(setting.Properties?["logs"] as System.Text.Json.Nodes.JsonArray)?.Single()?["categoryGroup"]);
        }
        Assert.Equal(4, settings.Count); // the three services, and the account's transaction metrics
        Assert.All(settings, d => Assert.Contains("logAnalyticsId", ArmExpression.Render(d.Properties?["workspaceId"]), StringComparison.Ordinal));
        Assert.All(settings, d => Assert.Contains("'monitoring'", ArmExpression.Render(d.Properties?["workspaceId"]), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_container_the_app_and_its_host_write_exists_so_roles_can_be_scoped_to_it()
    {
        var names = infra.Deploy().OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.Name.Split('/')[^1]).ToList();
        Assert.Superset(new HashSet<string> { "runs", "cvc-matrices", "cvc-dynamics", "azure-webjobs-hosts", "azure-webjobs-secrets", "eventgrid-deadletter" }, names.ToHashSet());
    }
}
