namespace ControlPlane.Application.Features.Lambda;

/// <summary>
/// A function as stored in <c>service_resources</c> (service <c>lambda</c>, kind <c>function</c>, name = function name,
/// VpcId = the VPC of its VpcConfig). The code package is kept (base64) but never run.
/// <see cref="NetworkInterfaceIds"/> lists the shared Hyperplane interfaces the function uses, one per subnet: they
/// have no owner ARN because several functions may use one, so this list is how reachability and deletion find them.
/// </summary>
public sealed record FunctionDocument
{
    public string? Runtime { get; init; }
    public required string Role { get; init; }
    public string? Handler { get; init; }
    public string Description { get; init; } = "";
    public int Timeout { get; init; } = 3;
    public int MemorySize { get; init; } = 128;
    public string PackageType { get; init; } = "Zip";
    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];
    public required FunctionCodeDocument Code { get; init; }
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }
    public string TracingMode { get; init; } = "PassThrough";
    public string? DeadLetterTargetArn { get; init; }
    public string? KmsKeyArn { get; init; }
    public IReadOnlyList<string> Layers { get; init; } = [];
    public int EphemeralStorageSize { get; init; } = 512;
    public string SnapStartApplyOn { get; init; } = "None";
    public LoggingConfig? LoggingConfig { get; init; }
    public ImageConfig? ImageConfig { get; init; }
    public IReadOnlyList<string> SubnetIds { get; init; } = [];
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
    public bool Ipv6AllowedForDualStack { get; init; }
    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = [];
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public required string RevisionId { get; init; }
    public required DateTimeOffset LastModified { get; init; }
}

/// <summary>The stored code package: its bytes (base64) for a .zip upload, else where it came from; its size and SHA-256.</summary>
public sealed record FunctionCodeDocument(string? ZipFile, string? S3Bucket, string? S3Key, string? S3ObjectVersion, string? ImageUri,
    long CodeSize, string CodeSha256);
