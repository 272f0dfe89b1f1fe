using System.Text.Json;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>How ECS answers show its resources. Describe calls show tags only when asked (<c>include: ["TAGS"]</c>).</summary>
public static class EcsViews
{
    public const string IncludeTags = "TAGS";

    public static bool WantsTags(IReadOnlyList<string>? include) => include?.Contains(IncludeTags) == true;

    public static ClusterShape Cluster(ServiceResource row, IReadOnlyCollection<ServiceResource> members, bool tags, string? status = null)
    {
        var document = ServiceResourceStore.Read<ClusterDocument>(row);
        return new ClusterShape
        {
            ClusterArn = row.Arn, ClusterName = row.Name, Status = status ?? EcsNames.Active,
            RunningTasksCount = members.Count(m => m.Kind == EcsNames.TaskKind && m.State == EcsNames.Running),
            ActiveServicesCount = members.Count(m => m.Kind == EcsNames.ServiceKind && m.State == EcsNames.Active),
            Tags = tags ? document.Tags : null, Settings = document.Settings, CapacityProviders = document.CapacityProviders,
            DefaultCapacityProviderStrategy = document.DefaultCapacityProviderStrategy ?? EmptyList, Configuration = document.Configuration,
        };
    }

    public static TaskDefinitionShape TaskDefinition(ServiceResource row)
    {
        var d = ServiceResourceStore.Read<TaskDefinitionDocument>(row);
        return new TaskDefinitionShape
        {
            TaskDefinitionArn = row.Arn, ContainerDefinitions = d.ContainerDefinitions, Family = d.Family, TaskRoleArn = d.TaskRoleArn,
            ExecutionRoleArn = d.ExecutionRoleArn, NetworkMode = d.NetworkMode, Revision = d.Revision, Volumes = d.Volumes ?? EmptyList,
            Status = row.State, PlacementConstraints = d.PlacementConstraints ?? EmptyList, Compatibilities = d.Compatibilities,
            RuntimePlatform = d.RuntimePlatform, RequiresCompatibilities = d.RequiresCompatibilities, Cpu = d.Cpu, Memory = d.Memory,
            PidMode = d.PidMode, IpcMode = d.IpcMode, ProxyConfiguration = d.ProxyConfiguration, EphemeralStorage = d.EphemeralStorage,
            EnableFaultInjection = d.EnableFaultInjection, RegisteredAt = d.RegisteredAt, DeregisteredAt = d.DeregisteredAt, RegisteredBy = d.RegisteredBy,
        };
    }

    /// <summary>
    /// A task: RUNNING at once (the <c>tasks_running</c> waiter passes on the first call), with its interface as an
    /// <c>ElasticNetworkInterface</c> attachment, <c>ATTACHED</c> while it runs and <c>DELETED</c> once it stopped.
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html
    /// </summary>
    public static TaskShape Task(ServiceResource row, bool tags)
    {
        var d = ServiceResourceStore.Read<TaskDocument>(row);
        var running = d.LastStatus == EcsNames.Running;
        var attachments = d.Attachment is { } a
            ? new[]
            {
                new AttachmentShape(a.Id, "ElasticNetworkInterface", running ? "ATTACHED" : "DELETED",
                [
                    new EcsKeyValue("subnetId", a.SubnetId), new EcsKeyValue("networkInterfaceId", a.NetworkInterfaceId),
                    new EcsKeyValue("macAddress", a.MacAddress), new EcsKeyValue("privateDnsName", a.PrivateDnsName),
                    new EcsKeyValue("privateIPv4Address", a.PrivateIpv4Address),
                ]),
            }
            : [];
        IReadOnlyList<ContainerNetworkInterface> interfaces = d.Attachment is { } at ? [new ContainerNetworkInterface(at.Id, at.PrivateIpv4Address)] : [];
        return new TaskShape
        {
            Attachments = attachments, AvailabilityZone = d.AvailabilityZone, ClusterArn = d.ClusterArn,
            Connectivity = "CONNECTED", ConnectivityAt = d.CreatedAt,
            Containers = d.Containers.Select(c => new ContainerShape
            {
                ContainerArn = c.ContainerArn, TaskArn = row.Arn, Name = c.Name, Image = c.Image, LastStatus = d.LastStatus,
                ExitCode = running ? null : 0, NetworkInterfaces = interfaces, Cpu = c.Cpu, Memory = c.Memory,
            }).ToList(),
            Cpu = d.Cpu, CreatedAt = d.CreatedAt, DesiredStatus = d.DesiredStatus, EnableExecuteCommand = d.EnableExecuteCommand,
            ExecutionStoppedAt = d.StoppedAt, Group = d.Group, LastStatus = d.LastStatus, LaunchType = d.LaunchType, Memory = d.Memory,
            Overrides = d.Overrides ?? DefaultOverrides, PlatformFamily = d.LaunchType == EcsNames.Fargate ? "Linux" : null,
            PlatformVersion = d.PlatformVersion, PullStartedAt = d.CreatedAt, PullStoppedAt = d.CreatedAt, StartedAt = d.CreatedAt,
            StartedBy = d.StartedBy, StopCode = d.StopCode, StoppedAt = d.StoppedAt, StoppedReason = d.StoppedReason, StoppingAt = d.StoppingAt,
            Tags = tags ? d.Tags : null, TaskArn = row.Arn, TaskDefinitionArn = d.TaskDefinitionArn, Version = d.Version,
        };
    }

    /// <summary>
    /// A service with its one deployment, complete at once: <c>runningCount</c> equals the running tasks it started,
    /// so <c>services_stable</c> passes as soon as the tasks run. A deleted service shows <c>INACTIVE</c>.
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html
    /// </summary>
    public static ServiceShape Service(ServiceResource row, int runningCount, string accountId, bool tags, string? status = null)
    {
        var d = ServiceResourceStore.Read<ServiceDocument>(row);
        var deployment = d.Deployment;
        var shownStatus = status ?? row.State;
        var platformVersion = d.LaunchType == EcsNames.Fargate ? d.PlatformVersion ?? "LATEST" : null;
        var platformFamily = d.LaunchType == EcsNames.Fargate ? "Linux" : null;
        IReadOnlyList<DeploymentShape> deployments = shownStatus == EcsNames.Inactive
            ? []
            :
            [
                new DeploymentShape
                {
                    Id = deployment.Id, Status = "PRIMARY", TaskDefinition = deployment.TaskDefinition, DesiredCount = d.DesiredCount,
                    RunningCount = runningCount, CreatedAt = deployment.CreatedAt, UpdatedAt = deployment.UpdatedAt, LaunchType = d.LaunchType,
                    PlatformVersion = platformVersion, PlatformFamily = platformFamily, NetworkConfiguration = d.NetworkConfiguration,
                    RolloutState = "COMPLETED", RolloutStateReason = $"ECS deployment {deployment.Id} completed.",
                },
            ];
        return new ServiceShape
        {
            ServiceArn = row.Arn, ServiceName = d.ServiceName, ClusterArn = d.ClusterArn, LoadBalancers = d.LoadBalancers ?? EmptyList,
            ServiceRegistries = d.ServiceRegistries ?? EmptyList, Status = shownStatus, DesiredCount = d.DesiredCount, RunningCount = runningCount,
            LaunchType = d.LaunchType, PlatformVersion = platformVersion, PlatformFamily = platformFamily, TaskDefinition = d.TaskDefinition,
            DeploymentConfiguration = d.DeploymentConfiguration ?? DefaultDeploymentConfiguration, Deployments = deployments,
            RoleArn = d.Role, CreatedAt = d.CreatedAt, PlacementConstraints = d.PlacementConstraints ?? EmptyList,
            PlacementStrategy = d.PlacementStrategy ?? EmptyList, NetworkConfiguration = d.NetworkConfiguration,
            HealthCheckGracePeriodSeconds = d.HealthCheckGracePeriodSeconds ?? 0, SchedulingStrategy = d.SchedulingStrategy,
            Tags = tags ? d.Tags : null, CreatedBy = $"arn:aws:iam::{accountId}:root", EnableEcsManagedTags = d.EnableEcsManagedTags,
            PropagateTags = d.PropagateTags, EnableExecuteCommand = d.EnableExecuteCommand,
        };
    }

    public static Failure Missing(string arn) => new(arn, "MISSING");

    private static readonly JsonElement EmptyList = JsonSerializer.SerializeToElement(Array.Empty<object>());

    private static readonly JsonElement DefaultOverrides = JsonSerializer.SerializeToElement(new
    {
        containerOverrides = Array.Empty<object>(), inferenceAcceleratorOverrides = Array.Empty<object>(),
    });

    /// <summary>What AWS shows for a rolling-update service created without a deployment configuration.</summary>
    private static readonly JsonElement DefaultDeploymentConfiguration = JsonSerializer.SerializeToElement(new
    {
        deploymentCircuitBreaker = new { enable = false, rollback = false }, maximumPercent = 200, minimumHealthyPercent = 100,
    });
}
