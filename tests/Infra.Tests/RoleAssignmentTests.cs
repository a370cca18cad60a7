using ClassVisCloud.Infra.Tests.Arm;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static string RoleOf(ArmResource assignment)
    {
        var id = ArmExpression.Render(assignment.Properties?["roleDefinitionId"]);
        Assert.Contains("Microsoft.Authorization/roleDefinitions", id, StringComparison.Ordinal);
        return id.TrimEnd(')', '»', '\'')[^36..];
    }

    [Fact]
    public void The_apps_identity_gets_blob_queue_table_and_telemetry_roles_and_nothing_else()
    {
        var app = infra.Deploy().OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ArmExpression.Render(a.Properties?["principalId"]).Contains("appPrincipalId", StringComparison.Ordinal)
                     || ArmExpression.Render(a.Properties?["principalId"]).Contains("'identity'", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            new[] { StorageTableDataContributor, MonitoringMetricsPublisher, StorageQueueDataContributor, StorageBlobDataOwner }.Order(),
            app.Select(RoleOf).Order());
        Assert.All(app, a => Assert.Equal("ServicePrincipal", (string?)a.Properties?["principalType"]));
    }

    [Fact]
    public void Every_role_assigned_is_a_data_plane_or_telemetry_role()
    {
        var allowed = new[] { StorageBlobDataOwner, StorageBlobDataContributor, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher };
        var assignments = infra.Deploy(("principalId", "11111111-1111-1111-1111-111111111111")).OfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(5, assignments.Count);
        Assert.All(assignments, a => Assert.Contains(RoleOf(a), allowed));
    }

    [Fact]
    public void The_uploader_may_write_to_the_runs_container_only()
    {
        var deployment = infra.Deploy(("principalId", "11111111-1111-1111-1111-111111111111"));
        var uploader = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Single(a => RoleOf(a) == StorageBlobDataContributor);
        Assert.True(uploader.Deployed);
        Assert.Equal("11111111-1111-1111-1111-111111111111", (string?)uploader.Properties?["principalId"]);
        Assert.Equal("User", (string?)uploader.Properties?["principalType"]);
        var scope = ArmExpression.Render(uploader.Json["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", scope, StringComparison.Ordinal);
        Assert.Contains("'runs'", scope.Replace("«", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_principal_no_uploader_role_is_assigned()
    {
        var uploader = infra.Deploy().OfType("Microsoft.Authorization/roleAssignments")
            .Single(a => RoleOf(a) == StorageBlobDataContributor);
        Assert.False(uploader.Deployed);
    }
}
