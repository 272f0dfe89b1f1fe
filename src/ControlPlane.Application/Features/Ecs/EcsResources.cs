using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Finds ECS resources by the names and ARNs requests use, and checks a request's awsvpc network configuration.
/// Built by each handler from its own scoped services.
/// </summary>
public sealed class EcsResources(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network)
{
    public string ClusterArn(string name) => store.Arn(EcsNames.Service, $"cluster/{name}");

    public async Task<ServiceResource?> FindClusterAsync(string? cluster, CancellationToken cancellationToken)
    {
        if (cluster is not null && EcsNames.IsArn(cluster))
            return await store.FindByArnAsync(cluster, cancellationToken) is { Service: EcsNames.Service, Kind: EcsNames.ClusterKind } row ? row : null;
        return await store.FindAsync(EcsNames.Service, EcsNames.ClusterKind, EcsNames.ClusterName(cluster), cancellationToken);
    }

    public async Task<ServiceResource> ClusterAsync(string? cluster, CancellationToken cancellationToken) =>
        await FindClusterAsync(cluster, cancellationToken) ?? throw EcsErrors.ClusterNotFound();

    /// <summary>
    /// A task definition by ARN, <c>family:revision</c>, or <c>family</c> (its latest ACTIVE revision).
    /// </summary>
    public async Task<ServiceResource?> FindTaskDefinitionAsync(string reference, CancellationToken cancellationToken)
    {
        if (EcsNames.IsArn(reference))
            return await store.FindByArnAsync(reference, cancellationToken) is { Service: EcsNames.Service, Kind: EcsNames.TaskDefinitionKind } row ? row : null;
        if (reference.Contains(':'))
            return await store.FindAsync(EcsNames.Service, EcsNames.TaskDefinitionKind, reference, cancellationToken);
        return (await RevisionsAsync(reference, cancellationToken)).Where(r => r.State == EcsNames.Active).MaxBy(Revision);
    }

    /// <summary>Every revision of a family, ACTIVE or INACTIVE.</summary>
    public async Task<List<ServiceResource>> RevisionsAsync(string family, CancellationToken cancellationToken)
    {
        var prefix = family + ":";
        return (await db.ServiceResources
                .Where(r => r.Service == EcsNames.Service && r.Kind == EcsNames.TaskDefinitionKind && r.Name.StartsWith(prefix))
                .ToListAsync(cancellationToken))
            .Where(r => r.Name.LastIndexOf(':') == family.Length).ToList();
    }

    public static int Revision(ServiceResource taskDefinition) => int.Parse(taskDefinition.Name[(taskDefinition.Name.LastIndexOf(':') + 1)..]);

    /// <summary>The task definition a RunTask or CreateService names: it must exist and be ACTIVE.</summary>
    public async Task<(ServiceResource Row, TaskDefinitionDocument Document)> RunnableTaskDefinitionAsync(string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference)) throw EcsErrors.InvalidParameter("TaskDefinition can not be blank.");
        var row = await FindTaskDefinitionAsync(reference, cancellationToken) ?? throw EcsErrors.TaskDefinitionNotFound();
        if (row.State != EcsNames.Active) throw EcsErrors.TaskDefinitionInactive();
        return (row, ServiceResourceStore.Read<TaskDefinitionDocument>(row));
    }

    /// <summary>A task of the cluster by ARN or id.</summary>
    public async Task<ServiceResource?> FindTaskAsync(ServiceResource cluster, string reference, CancellationToken cancellationToken) =>
        await store.FindByResourceIdAsync(EcsNames.Service, EcsNames.TaskKind, EcsNames.LastSegment(reference), cancellationToken) is { } task
        && task.ParentArn == cluster.Arn ? task : null;

    /// <summary>A service of the cluster by name or ARN (either ARN format), whatever its status.</summary>
    public Task<ServiceResource?> FindServiceAsync(ServiceResource cluster, string reference, CancellationToken cancellationToken) =>
        store.FindAsync(EcsNames.Service, EcsNames.ServiceKind, $"{cluster.Name}/{EcsNames.LastSegment(reference)}", cancellationToken);

    /// <summary>The cluster's tasks and services (tracked, so handlers may change them).</summary>
    public async Task<(List<ServiceResource> Tasks, List<ServiceResource> Services)> MembersAsync(ServiceResource cluster, CancellationToken cancellationToken)
    {
        var children = await store.ChildrenAsync(cluster.Arn, cancellationToken);
        return (children.Where(c => c.Kind == EcsNames.TaskKind).ToList(), children.Where(c => c.Kind == EcsNames.ServiceKind).ToList());
    }

    /// <summary>The running tasks a service started, oldest first.</summary>
    public async Task<List<ServiceResource>> ServiceTasksAsync(ServiceResource cluster, string serviceName, CancellationToken cancellationToken) =>
        (await MembersAsync(cluster, cancellationToken)).Tasks
            .Where(t => t.State == EcsNames.Running && ServiceResourceStore.Read<TaskDocument>(t).ServiceName == serviceName).ToList();

    /// <summary>
    /// Where a task of this definition goes. Fargate needs a definition compatible with it (awsvpc, task cpu and
    /// memory); awsvpc needs a network configuration and other modes refuse one. The subnets (at most 16) must exist
    /// in one VPC and the groups (at most 5; none → the VPC's default group) in that VPC.
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    /// </summary>
    public async Task<Placement?> PlacementAsync(NetworkConfiguration? configuration, TaskDefinitionDocument definition, string launchType,
        CancellationToken cancellationToken)
    {
        if (launchType == EcsNames.Fargate && !definition.Compatibilities.Contains(EcsNames.Fargate)) throw EcsErrors.LaunchTypeNotSupported(launchType);
        var awsvpc = configuration?.AwsvpcConfiguration;
        if (!definition.IsAwsVpc)
        {
            if (awsvpc is not null) throw EcsErrors.NetworkConfigurationNotValid();
            return null;
        }
        if (awsvpc is null) throw EcsErrors.NetworkConfigurationRequired();
        var subnetIds = awsvpc.Subnets ?? [];
        var groupIds = awsvpc.SecurityGroups ?? [];
        if (subnetIds.Count == 0) throw EcsErrors.InvalidParameter("subnets can not be empty.");
        if (subnetIds.Count > 16) throw EcsErrors.InvalidParameter("subnets can have at most 16 items.");
        if (groupIds.Count > 5) throw EcsErrors.InvalidParameter("securityGroups can have at most 5 items.");
        var assign = awsvpc.AssignPublicIp ?? EcsNames.Disabled;
        if (assign is not (EcsNames.Enabled or EcsNames.Disabled))
            throw EcsErrors.InvalidParameter($"assignPublicIp must be one of [{EcsNames.Enabled}, {EcsNames.Disabled}].");
        if (assign == EcsNames.Enabled && launchType != EcsNames.Fargate) throw EcsErrors.AssignPublicIpNotSupported();

        var subnets = await network.SubnetsAsync(subnetIds, EcsErrors.SubnetNotFound, EcsErrors.SubnetsInDifferentVpcs, cancellationToken);
        var vpcId = subnets[0].VpcId;
        var groups = groupIds.Count > 0
            ? await network.GroupsAsync(groupIds, vpcId, EcsErrors.SecurityGroupNotFound, g => EcsErrors.SecurityGroupInOtherVpc(g, subnets[0].Id), cancellationToken)
            : [await network.DefaultGroupAsync(vpcId, cancellationToken)];
        var shown = new NetworkConfiguration(new AwsVpcConfiguration(subnets.Select(s => s.Id).ToList(), groupIds.Count > 0 ? groups.Select(g => g.Id).ToList() : null, assign));
        return new Placement(subnets, groups, assign == EcsNames.Enabled, shown);
    }
}

/// <summary>The checked awsvpc placement of a task: its subnets, groups, public address, and the configuration as answers show it.</summary>
public sealed record Placement(IReadOnlyList<Subnet> Subnets, IReadOnlyList<SecurityGroup> Groups, bool AssignPublicIp, NetworkConfiguration Configuration);
