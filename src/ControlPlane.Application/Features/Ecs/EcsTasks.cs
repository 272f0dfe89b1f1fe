using System.Text.Json;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Starts and stops tasks for RunTask, services and StopTask. An awsvpc task gets one interface in its subnet as AWS
/// shows Fargate task ENIs (reference §5): type <c>interface</c>, requester-managed by an ECS account, description
/// <c>arn:aws:ecs:&lt;region&gt;:&lt;account&gt;:attachment/&lt;uuid&gt;</c>, an <c>eni-attach-…</c> attachment owned by the
/// Fargate account at device index 1, not deleted on termination. Stopping a task deletes its interface.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
/// </summary>
public sealed class EcsTasks(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network)
{
    /// <summary>The AWS account ECS creates task interfaces from (a real dump's value).</summary>
    public const string RequesterId = "578734482556";

    /// <summary>The Fargate account a task interface shows as its attachment's instance owner.</summary>
    public const string FargateAttachmentOwner = "501673713797";

    /// <summary>What a task is started with; <see cref="Placement"/> is null for a task without awsvpc networking.</summary>
    public sealed record Launch(ServiceResource Cluster, ServiceResource TaskDefinition, TaskDefinitionDocument Definition, string LaunchType,
        string? PlatformVersion, Placement? Placement, string Group, string? StartedBy, string? ServiceName, string? DeploymentId,
        JsonElement? Overrides, IReadOnlyList<EcsTag> Tags, bool EnableExecuteCommand);

    /// <summary>
    /// Starts <paramref name="count"/> tasks, spread over the subnets in turn starting at <paramref name="firstIndex"/>
    /// (AWS spreads a service's tasks across Availability Zones).
    /// </summary>
    public async Task<List<ServiceResource>> StartAsync(Launch launch, int count, int firstIndex, CancellationToken cancellationToken)
    {
        var started = new List<ServiceResource>();
        for (var i = 0; i < count; i++) started.Add(await StartOneAsync(launch, firstIndex + i, cancellationToken));
        // Saved now so that later queries in the same request (running counts, the next task's address) see them.
        await db.SaveChangesAsync(cancellationToken);
        return started;
    }

    private async Task<ServiceResource> StartOneAsync(Launch launch, int index, CancellationToken cancellationToken)
    {
        var taskId = EcsNames.NewTaskId();
        var taskArn = store.Arn(EcsNames.Service, $"task/{launch.Cluster.Name}/{taskId}");
        TaskAttachment? attachment = null;
        Subnet? subnet = null;
        if (launch.Placement is { } placement)
        {
            subnet = placement.Subnets[index % placement.Subnets.Count];
            var attachmentId = Guid.NewGuid().ToString();
            var spec = new ManagedInterfaces.Spec("interface", RequesterId, taskArn, store.Arn(EcsNames.Service, $"attachment/{attachmentId}"), SourceDestCheck: true)
            {
                AttachmentPrefix = "eni-attach", AttachmentOwner = FargateAttachmentOwner, DeviceIndex = 1, DeleteOnTermination = false,
            };
            var eni = await network.AddInterfaceAsync(taskArn, spec, subnet, placement.Groups, cancellationToken);
            if (placement.AssignPublicIp) await network.AssignPublicIpAsync(eni, "amazon", cancellationToken);
            // The next task's address is picked from what the store holds, so this one's must be there first.
            await db.SaveChangesAsync(cancellationToken);
            var address = eni.PrivateIpAddresses[0].Address;
            attachment = new TaskAttachment(attachmentId, subnet.Id, eni.Id, eni.MacAddress,
                NetworkInterfaceViews.PrivateDnsName(address, store.Region), address);
        }

        var containers = launch.Definition.ContainerDefinitions.Select(c => new TaskContainer(
            store.Arn(EcsNames.Service, $"container/{launch.Cluster.Name}/{taskId}/{Guid.NewGuid()}"),
            Text(c, "name") ?? "", Text(c, "image"), Text(c, "cpu") ?? "0", Text(c, "memory"))).ToList();
        var document = new TaskDocument
        {
            ClusterArn = launch.Cluster.Arn, TaskDefinitionArn = launch.TaskDefinition.Arn, Family = launch.Definition.Family,
            LaunchType = launch.LaunchType, PlatformVersion = launch.LaunchType == EcsNames.Fargate ? EcsNames.FargatePlatformVersion : null,
            Group = launch.Group, StartedBy = launch.StartedBy, ServiceName = launch.ServiceName, DeploymentId = launch.DeploymentId,
            AvailabilityZone = subnet?.AvailabilityZone ?? $"{store.Region}a", Cpu = launch.Definition.Cpu, Memory = launch.Definition.Memory,
            Containers = containers, Attachment = attachment, Overrides = launch.Overrides, EnableExecuteCommand = launch.EnableExecuteCommand,
            CreatedAt = store.Now, Tags = launch.Tags,
        };
        return store.Add(EcsNames.Service, EcsNames.TaskKind, taskId, taskArn, document, vpcId: subnet?.VpcId, parentArn: launch.Cluster.Arn,
            state: EcsNames.Running, resourceId: taskId);
    }

    /// <summary>Stops a running task (a stopped one stays as it is) and deletes its interface.</summary>
    public async Task StopAsync(ServiceResource task, string reason, string stopCode, CancellationToken cancellationToken)
    {
        if (task.State == EcsNames.Stopped) return;
        var document = ServiceResourceStore.Read<TaskDocument>(task);
        var now = store.Now;
        ServiceResourceStore.Write(task, document with
        {
            LastStatus = EcsNames.Stopped, DesiredStatus = EcsNames.Stopped, StoppingAt = now, StoppedAt = now,
            StoppedReason = reason, StopCode = stopCode, Version = document.Version + 2,
        });
        task.State = EcsNames.Stopped;
        await network.RemoveInterfacesAsync(task.Arn, cancellationToken);
    }

    private static string? Text(JsonElement container, string name) =>
        container.ValueKind == JsonValueKind.Object && container.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
