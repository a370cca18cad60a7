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
    private const string Uploader = "11111111-1111-1111-1111-111111111111";

    private static string RoleOf(ArmResource assignment)
    {
        var id = ArmExpression.Render(assignment.Properties?["roleDefinitionId"]);
        Assert.Contains("Microsoft.Authorization/roleDefinitions", id, StringComparison.Ordinal);
        return id.TrimEnd(')', '»', '\'')[^36..];
    }

    private static string ScopeOf(ArmResource assignment) => ArmExpression.Render(assignment.Json["scope"]).Replace("«", "'", StringComparison.Ordinal);

    /// <summary>The container a scope names, or null when the scope is not a container.</summary>
    private static string? ContainerOf(ArmResource assignment)
    {
        var scope = ScopeOf(assignment);
        if (!scope.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", StringComparison.Ordinal)) return null;
        var parts = scope.Split('\'');
        return parts.Reverse().First(p => p.Length > 0 && p.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-') && p != "default");
    }

    private List<ArmResource> AssignmentsOf(ArmDeployment deployment, string principalSource) =>
        deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ArmExpression.Render(a.Properties?["principalId"]).Contains(principalSource, StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_apps_blob_roles_are_each_on_one_container_never_on_the_account()
    {
        var app = AssignmentsOf(infra.Deploy(), "'identity'");
        var blob = app.Where(a => RoleOf(a) is StorageBlobDataOwner or StorageBlobDataContributor).ToList();
        Assert.All(blob, a => Assert.NotNull(ContainerOf(a)));
        var owned = blob.Where(a => RoleOf(a) == StorageBlobDataOwner).ToList();
        Assert.Equal(3, owned.Count);
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], owned.Select(ContainerOf).Where(c => c!.StartsWith("azure-", StringComparison.Ordinal)).Order());
        // The deployment package container's name holds a part of the resource token.
        Assert.Single(owned, a => ScopeOf(a).Contains("app-package-", StringComparison.Ordinal));
        Assert.Equal(["cvc-dynamics", "cvc-matrices", "runs"], blob.Where(a => RoleOf(a) == StorageBlobDataContributor).Select(ContainerOf).Order());
        Assert.Equal(6, blob.Count);
    }

    [Fact]
    public void Queue_and_table_roles_are_on_the_account_because_the_host_and_app_create_theirs_at_start()
    {
        var app = AssignmentsOf(infra.Deploy(), "'identity'");
        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageBlobDataOwner, StorageBlobDataOwner, StorageBlobDataContributor, StorageBlobDataContributor, StorageBlobDataContributor,
                    StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher }.Order(),
            app.Select(RoleOf).Order());
        foreach (var role in new[] { StorageQueueDataContributor, StorageTableDataContributor })
        {
            var assignment = Assert.Single(app, a => RoleOf(a) == role);
            Assert.Null(ContainerOf(assignment));
            Assert.Contains("Microsoft.Storage/storageAccounts", ScopeOf(assignment), StringComparison.Ordinal);
        }
        Assert.All(app, a => Assert.Equal("ServicePrincipal", (string?)a.Properties?["principalType"]));
    }

    [Fact]
    public void Event_grid_may_write_only_its_dead_letter_container()
    {
        var eventGrid = Assert.Single(AssignmentsOf(infra.Deploy(), "'events'"));
        Assert.Equal(StorageBlobDataContributor, RoleOf(eventGrid));
        Assert.Equal("eventgrid-deadletter", ContainerOf(eventGrid));
    }

    [Fact]
    public void Every_role_assigned_is_a_data_plane_or_telemetry_role()
    {
        var allowed = new[] { StorageBlobDataOwner, StorageBlobDataContributor, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher };
        var assignments = infra.Deploy(("principalId", Uploader)).OfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(11, assignments.Count);
        Assert.All(assignments, a => Assert.Contains(RoleOf(a), allowed));
    }

    [Fact]
    public void The_uploader_may_write_to_the_runs_container_only()
    {
        var uploader = Assert.Single(AssignmentsOf(infra.Deploy(("principalId", Uploader)), Uploader));
        Assert.True(uploader.Deployed);
        Assert.Equal(StorageBlobDataContributor, RoleOf(uploader));
        Assert.Equal("User", (string?)uploader.Properties?["principalType"]);
        Assert.Equal("runs", ContainerOf(uploader));
    }

    [Fact]
    public void Without_a_principal_no_uploader_role_is_assigned()
    {
        var deployed = infra.Deploy().OfType("Microsoft.Authorization/roleAssignments").Where(a => a.Deployed != false).ToList();
        Assert.Equal(10, deployed.Count);
        Assert.DoesNotContain(deployed, a => a.Module.EndsWith("role-uploader-runs", StringComparison.Ordinal));
    }
}
