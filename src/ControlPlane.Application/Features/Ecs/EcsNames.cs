namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// ECS's fixed names: the model name, the row kinds, statuses, and how a name-or-ARN reference is read.
/// ARNs: <c>cluster/&lt;name&gt;</c>, <c>task-definition/&lt;family&gt;:&lt;revision&gt;</c>, <c>task/&lt;cluster&gt;/&lt;id&gt;</c>,
/// <c>service/&lt;cluster&gt;/&lt;name&gt;</c> (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html#ecs-resource-ids).
/// </summary>
public static class EcsNames
{
    public const string Service = "ecs";
    public const string ClusterKind = "cluster";
    public const string TaskDefinitionKind = "taskdefinition";
    public const string TaskKind = "task";
    public const string ServiceKind = "service";

    /// <summary>The cluster a call that names none acts on; CreateCluster without a name creates it.</summary>
    public const string DefaultCluster = "default";

    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
    public const string Draining = "DRAINING";
    public const string Running = "RUNNING";
    public const string Stopped = "STOPPED";

    public const string AwsVpc = "awsvpc";
    public const string Fargate = "FARGATE";
    public const string Ec2 = "EC2";
    public const string External = "EXTERNAL";
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";

    /// <summary>The Fargate platform version a task resolves <c>LATEST</c> to.</summary>
    public const string FargatePlatformVersion = "1.4.0";

    public static readonly string[] NetworkModes = ["bridge", "host", AwsVpc, "none"];
    public static readonly string[] LaunchTypes = [Ec2, Fargate, External];

    /// <summary>The launch types tasks and services can use here (EXTERNAL needs registered on-premises instances).</summary>
    public static readonly string[] RunnableLaunchTypes = [Ec2, Fargate];

    public static bool IsArn(string reference) => reference.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>The name or id at the end of an ARN (<c>…:service/web-cluster/web</c> → <c>web</c>), or the reference itself.</summary>
    public static string LastSegment(string reference) => IsArn(reference) ? reference[(reference.LastIndexOf('/') + 1)..] : reference;

    public static string ClusterName(string? cluster) => string.IsNullOrEmpty(cluster) ? DefaultCluster : LastSegment(cluster);

    /// <summary>The 32 hex digits of a task id (and of a container's).</summary>
    public static string NewTaskId() => Guid.NewGuid().ToString("N");

    /// <summary>A deployment id: <c>ecs-svc/</c> and 19 digits.</summary>
    public static string NewDeploymentId() => $"ecs-svc/{Random.Shared.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}";
}
