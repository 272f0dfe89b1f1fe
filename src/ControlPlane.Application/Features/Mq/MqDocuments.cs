namespace ControlPlane.Application.Features.Mq;

/// <summary>What a broker holds besides its row (name, id <c>b-…</c>, VPC): settings, users (never their passwords) and tags.</summary>
public sealed record BrokerDocument
{
    public required string EngineType { get; init; }
    public required string EngineVersion { get; init; }
    public required string DeploymentMode { get; init; }
    public required string HostInstanceType { get; init; }
    public required bool PubliclyAccessible { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public required IReadOnlyList<string> SecurityGroups { get; init; }
    public required IReadOnlyList<string> Users { get; init; }
    public required bool AutoMinorVersionUpgrade { get; init; }
    public required string AuthenticationStrategy { get; init; }
    public required string StorageType { get; init; }
    public WeeklyStartTimeShape? MaintenanceWindowStartTime { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
