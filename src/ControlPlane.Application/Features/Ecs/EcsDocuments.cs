using System.Text.Json;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// What ECS keeps of each resource in <see cref="Domain.Model.ServiceResource.Document"/>; the row holds the name,
/// ARN, cluster (ParentArn), VPC and state. Members the emulator only echoes back (container definitions, volumes,
/// deployment configuration, load balancers) are kept exactly as the request gave them.
/// </summary>
public sealed record ClusterDocument
{
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
    public IReadOnlyList<ClusterSetting> Settings { get; init; } = [];
    public IReadOnlyList<string> CapacityProviders { get; init; } = [];
    public JsonElement? DefaultCapacityProviderStrategy { get; init; }
    public JsonElement? Configuration { get; init; }
}

public sealed record TaskDefinitionDocument
{
    public required string Family { get; init; }
    public required int Revision { get; init; }
    public string Status { get; init; } = EcsNames.Active;
    public required IReadOnlyList<JsonElement> ContainerDefinitions { get; init; }
    public string? NetworkMode { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public IReadOnlyList<string> Compatibilities { get; init; } = [];
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public JsonElement? Volumes { get; init; }
    public JsonElement? PlacementConstraints { get; init; }
    public JsonElement? RuntimePlatform { get; init; }
    public JsonElement? EphemeralStorage { get; init; }
    public JsonElement? ProxyConfiguration { get; init; }
    public string? PidMode { get; init; }
    public string? IpcMode { get; init; }
    public bool? EnableFaultInjection { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? DeregisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];

    public bool IsAwsVpc => NetworkMode == EcsNames.AwsVpc;
}

/// <summary>
/// A task. Its interface (awsvpc) is an ordinary ENI owned by the task ARN; the attachment details are kept here too
/// because DescribeTasks still shows them (status <c>DELETED</c>) once the task has stopped and the interface is gone.
/// </summary>
public sealed record TaskDocument
{
    public required string ClusterArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public required string Family { get; init; }
    public required string LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public required string Group { get; init; }
    public string? StartedBy { get; init; }
    public string? ServiceName { get; init; }
    public string? DeploymentId { get; init; }
    public required string AvailabilityZone { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public required IReadOnlyList<TaskContainer> Containers { get; init; }
    public TaskAttachment? Attachment { get; init; }
    public JsonElement? Overrides { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public string LastStatus { get; init; } = EcsNames.Running;
    public string DesiredStatus { get; init; } = EcsNames.Running;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public string? StoppedReason { get; init; }
    public string? StopCode { get; init; }
    public long Version { get; init; } = 3;
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

public sealed record TaskContainer(string ContainerArn, string Name, string? Image, string? Cpu, string? Memory);

public sealed record TaskAttachment(string Id, string SubnetId, string NetworkInterfaceId, string MacAddress, string PrivateDnsName, string PrivateIpv4Address);

public sealed record ServiceDocument
{
    public required string ServiceName { get; init; }
    public required string ClusterArn { get; init; }
    public required string TaskDefinition { get; init; }
    public required int DesiredCount { get; init; }
    public required string LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public JsonElement? LoadBalancers { get; init; }
    public JsonElement? ServiceRegistries { get; init; }
    public JsonElement? DeploymentConfiguration { get; init; }
    public JsonElement? PlacementConstraints { get; init; }
    public JsonElement? PlacementStrategy { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public string SchedulingStrategy { get; init; } = "REPLICA";
    public string? Role { get; init; }
    public string PropagateTags { get; init; } = "NONE";
    public bool EnableEcsManagedTags { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public string Status { get; init; } = EcsNames.Active;
    public required ServiceDeployment Deployment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

/// <summary>
/// The service's one deployment: the emulator replaces tasks at once, so an update leaves a single <c>PRIMARY</c>
/// deployment (what <c>services_stable</c> waits for).
/// </summary>
public sealed record ServiceDeployment(string Id, string TaskDefinition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
