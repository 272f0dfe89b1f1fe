namespace ControlPlane.Application.Features.Lambda;

// Lambda's wire shapes (botocore model lambda 2015-03-31), named as the model's members.

public sealed record FunctionCode(string? ZipFile, string? S3Bucket, string? S3Key, string? S3ObjectVersion, string? ImageUri);

public sealed record VpcConfig(IReadOnlyList<string>? SubnetIds, IReadOnlyList<string>? SecurityGroupIds, bool? Ipv6AllowedForDualStack);

public sealed record VpcConfigResponse(IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds, string VpcId, bool Ipv6AllowedForDualStack);

public sealed record Environment(IReadOnlyDictionary<string, string>? Variables);

public sealed record EnvironmentResponse(IReadOnlyDictionary<string, string> Variables);

public sealed record TracingConfig(string? Mode);

public sealed record DeadLetterConfig(string? TargetArn);

public sealed record EphemeralStorage(int Size);

public sealed record LoggingConfig(string? LogFormat, string? ApplicationLogLevel, string? SystemLogLevel, string? LogGroup);

public sealed record ImageConfig(IReadOnlyList<string>? EntryPoint, IReadOnlyList<string>? Command, string? WorkingDirectory);

public sealed record ImageConfigResponse(ImageConfig ImageConfig);

public sealed record Layer(string Arn, long CodeSize);

public sealed record SnapStart(string? ApplyOn);

public sealed record SnapStartResponse(string ApplyOn, string OptimizationStatus);

public sealed record FunctionCodeLocation(string RepositoryType, string? Location, string? ImageUri, string? ResolvedImageUri);

/// <summary>What every function answer (create, get, update, list) shows of the function's configuration.</summary>
public sealed record FunctionConfiguration
{
    public required string FunctionName { get; init; }
    public required string FunctionArn { get; init; }
    public string? Runtime { get; init; }
    public required string Role { get; init; }
    public string? Handler { get; init; }
    public required long CodeSize { get; init; }
    public required string Description { get; init; }
    public required int Timeout { get; init; }
    public required int MemorySize { get; init; }
    public required string LastModified { get; init; }
    public required string CodeSha256 { get; init; }
    public required string Version { get; init; }
    public VpcConfigResponse? VpcConfig { get; init; }
    public DeadLetterConfig? DeadLetterConfig { get; init; }
    public EnvironmentResponse? Environment { get; init; }
    public string? KMSKeyArn { get; init; }
    public required TracingConfig TracingConfig { get; init; }
    public required string RevisionId { get; init; }
    public IReadOnlyList<Layer>? Layers { get; init; }
    public required string State { get; init; }
    public string? StateReason { get; init; }
    public string? StateReasonCode { get; init; }
    public string? LastUpdateStatus { get; init; }
    public string? LastUpdateStatusReason { get; init; }
    public string? LastUpdateStatusReasonCode { get; init; }
    public required string PackageType { get; init; }
    public ImageConfigResponse? ImageConfigResponse { get; init; }
    public required IReadOnlyList<string> Architectures { get; init; }
    public required EphemeralStorage EphemeralStorage { get; init; }
    public required SnapStartResponse SnapStart { get; init; }
    public required LoggingConfig LoggingConfig { get; init; }
}
