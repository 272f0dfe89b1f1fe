using System.Text.Json;

namespace ControlPlane.Application.Features.Ecs;

// The ECS model's shapes the emulator reads and answers, member for member (names match case-insensitively):
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Types.html

public sealed record EcsTag(string? Key, string? Value);

public sealed record ClusterSetting(string? Name, string? Value);

/// <summary>The model's <c>KeyValuePair</c> (attachment details).</summary>
public sealed record EcsKeyValue(string Name, string Value);

public sealed record AwsVpcConfiguration(IReadOnlyList<string>? Subnets, IReadOnlyList<string>? SecurityGroups, string? AssignPublicIp);

public sealed record NetworkConfiguration(AwsVpcConfiguration? AwsvpcConfiguration);

public sealed record Failure(string? Arn, string Reason, string? Detail = null);

public sealed record ClusterShape
{
    public required string ClusterArn { get; init; }
    public required string ClusterName { get; init; }
    public required string Status { get; init; }
    public int RegisteredContainerInstancesCount { get; init; }
    public int RunningTasksCount { get; init; }
    public int PendingTasksCount { get; init; }
    public int ActiveServicesCount { get; init; }
    public IReadOnlyList<EcsKeyValue> Statistics { get; init; } = [];
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public IReadOnlyList<ClusterSetting> Settings { get; init; } = [];
    public IReadOnlyList<string> CapacityProviders { get; init; } = [];
    public JsonElement? DefaultCapacityProviderStrategy { get; init; }
    public JsonElement? Configuration { get; init; }
}

public sealed record TaskDefinitionShape
{
    public required string TaskDefinitionArn { get; init; }
    public required IReadOnlyList<JsonElement> ContainerDefinitions { get; init; }
    public required string Family { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? NetworkMode { get; init; }
    public required int Revision { get; init; }
    public JsonElement? Volumes { get; init; }
    public required string Status { get; init; }
    public JsonElement? PlacementConstraints { get; init; }
    public required IReadOnlyList<string> Compatibilities { get; init; }
    public JsonElement? RuntimePlatform { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? PidMode { get; init; }
    public string? IpcMode { get; init; }
    public JsonElement? ProxyConfiguration { get; init; }
    public JsonElement? EphemeralStorage { get; init; }
    public bool? EnableFaultInjection { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? DeregisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
}

public sealed record TaskShape
{
    public required IReadOnlyList<AttachmentShape> Attachments { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string ClusterArn { get; init; }
    public string? Connectivity { get; init; }
    public DateTimeOffset? ConnectivityAt { get; init; }
    public required IReadOnlyList<ContainerShape> Containers { get; init; }
    public string? Cpu { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string DesiredStatus { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public DateTimeOffset? ExecutionStoppedAt { get; init; }
    public required string Group { get; init; }
    public string HealthStatus { get; init; } = "UNKNOWN";
    public required string LastStatus { get; init; }
    public required string LaunchType { get; init; }
    public string? Memory { get; init; }
    public JsonElement? Overrides { get; init; }
    public string? PlatformFamily { get; init; }
    public string? PlatformVersion { get; init; }
    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? StartedBy { get; init; }
    public string? StopCode { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public string? StoppedReason { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public required string TaskArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public long Version { get; init; }
}

public sealed record AttachmentShape(string Id, string Type, string Status, IReadOnlyList<EcsKeyValue> Details);

public sealed record ContainerShape
{
    public required string ContainerArn { get; init; }
    public required string TaskArn { get; init; }
    public required string Name { get; init; }
    public string? Image { get; init; }
    public required string LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<object> NetworkBindings { get; init; } = [];
    public required IReadOnlyList<ContainerNetworkInterface> NetworkInterfaces { get; init; }
    public string HealthStatus { get; init; } = "UNKNOWN";
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
}

public sealed record ContainerNetworkInterface(string AttachmentId, string PrivateIpv4Address);

public sealed record ServiceShape
{
    public required string ServiceArn { get; init; }
    public required string ServiceName { get; init; }
    public required string ClusterArn { get; init; }
    public JsonElement? LoadBalancers { get; init; }
    public JsonElement? ServiceRegistries { get; init; }
    public required string Status { get; init; }
    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    public required string LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public string? PlatformFamily { get; init; }
    public required string TaskDefinition { get; init; }
    public JsonElement? DeploymentConfiguration { get; init; }
    public required IReadOnlyList<DeploymentShape> Deployments { get; init; }
    public string? RoleArn { get; init; }
    public IReadOnlyList<object> Events { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public JsonElement? PlacementConstraints { get; init; }
    public JsonElement? PlacementStrategy { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public required string SchedulingStrategy { get; init; }
    public DeploymentController DeploymentController { get; init; } = new("ECS");
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public required string CreatedBy { get; init; }
    public bool EnableEcsManagedTags { get; init; }
    public required string PropagateTags { get; init; }
    public bool EnableExecuteCommand { get; init; }
}

public sealed record DeploymentController(string Type);

public sealed record DeploymentShape
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string TaskDefinition { get; init; }
    public int DesiredCount { get; init; }
    public int PendingCount { get; init; }
    public int RunningCount { get; init; }
    public int FailedTasks { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public string? PlatformFamily { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public required string RolloutState { get; init; }
    public required string RolloutStateReason { get; init; }
}
