namespace ControlPlane.Application.Features.Mq;

// The Amazon MQ shapes ControlPlane reads and writes, with the botocore model's member names (mq 2017-11-27).

public sealed record UserShape(string? Username, string? Password, bool? ConsoleAccess, IReadOnlyList<string>? Groups, bool? ReplicationUser);

public sealed record UserSummaryShape(string Username);

public sealed record WeeklyStartTimeShape(string? DayOfWeek, string? TimeOfDay, string? TimeZone);

public sealed record BrokerInstanceShape(string ConsoleURL, IReadOnlyList<string> Endpoints, string? IpAddress);

public sealed record EncryptionOptionsShape(bool UseAwsOwnedKey, string? KmsKeyId = null);

public sealed record BrokerSummaryShape(string BrokerArn, string BrokerId, string BrokerName, string BrokerState, DateTimeOffset Created,
    string DeploymentMode, string EngineType, string HostInstanceType);
